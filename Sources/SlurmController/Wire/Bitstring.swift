import SlurmParsing

/// Slurm's `bitstr_t` as `pack_bit_str_hex` sends it: a u32 bit count (NO_VAL for no bitmap), then
/// the bits as a hex mask string ("0x" + digits, most significant first, bit 0 in the last digit).
/// The text is kept as received so a message re-encodes byte for byte.
public struct Bitstring: Equatable, Sendable {
    public let bitCount: Int
    /// The hex mask as it travelled.
    public let text: String
    /// Bit i is `words[i / 64] >> (i % 64) & 1`.
    let words: [UInt64]

    /// Parses a hex mask of `bitCount` bits as `bit_unfmt_hexmask` does; nil when a character is not
    /// a hex digit or a set bit lies beyond `bitCount`.
    public init?(bitCount: Int, text: String) {
        self.bitCount = bitCount
        self.text = text
        var digits = Array(text.utf8)
        if digits.count >= 2, digits[0] == UInt8(ascii: "0"), digits[1] == UInt8(ascii: "x") { digits.removeFirst(2) }
        // Sized by the digits received, not by the count claimed, so a hostile count allocates nothing.
        var words = [UInt64](repeating: 0, count: (min(bitCount, digits.count * 4) + 63) / 64)
        var bit = 0
        for c in digits.reversed() {
            guard let value = hexDigitValue(c) else { return nil }
            let nibble = UInt64(value)
            for k in 0..<4 where nibble & (1 << UInt64(k)) != 0 {
                let i = bit + k
                guard i < bitCount else { return nil }
                words[i / 64] |= 1 << UInt64(i % 64)
            }
            bit += 4
        }
        self.words = words
    }

    /// The bits the mask's digits spell, at most `bitCount`. `bit_fmt_hexmask` writes a digit for
    /// every four bits, so a controller's count is never larger; a larger count is a claim the
    /// message does not back (the bits past the digits read as clear).
    public var spelledBitCount: Int {
        let digits = text.utf8.count - (text.hasPrefix("0x") ? 2 : 0)
        return min(bitCount, digits * 4)
    }

    public func isSet(_ i: Int) -> Bool {
        i >= 0 && i / 64 < words.count && words[i / 64] & (1 << UInt64(i % 64)) != 0
    }

    /// The set bits in ascending order.
    public var setBits: [Int] {
        var out: [Int] = []
        for (w, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                out.append(w * 64 + rest.trailingZeroBitCount)
                rest &= rest - 1
            }
        }
        return out
    }

    /// The set bits as ranges, e.g. "0-5,42" (`bit_fmt_full`); empty when no bit is set.
    public var rangeList: String {
        var out = ""
        var first = -1, last = -1
        func flush() {
            guard first >= 0 else { return }
            if !out.isEmpty { out += "," }
            out += first == last ? String(first) : "\(first)-\(last)"
        }
        for i in setBits {
            if i == last + 1, first >= 0 { last = i; continue }
            flush()
            first = i; last = i
        }
        flush()
        return out
    }
}

extension Unpacker {
    /// `unpack_bit_str_hex`: nil for NO_VAL; a missing or malformed mask fails.
    public mutating func bitstring() throws(WireError) -> Bitstring? {
        let count = try u32()
        if count == SlurmNumber.noVal32 { return nil }
        let text = try string()
        guard let text, let bits = Bitstring(bitCount: Int(count), text: text) else {
            throw fail("bitmap \(text ?? "(none)") is not a \(count)-bit hex mask")
        }
        return bits
    }
}

extension Packer {
    /// `pack_bit_str_hex`.
    public mutating func bitstring(_ b: Bitstring?) {
        guard let b else { u32(SlurmNumber.noVal32); return }
        u32(UInt32(truncatingIfNeeded: b.bitCount))
        string(b.text)
    }
}

extension Field {
    public static func bitstring(_ name: String, _ path: WritableKeyPath<Model, Bitstring?>, since: ProtocolVersion = .v22_05,
                                 until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.bitstring($1) }) { (u: inout Unpacker) throws(WireError) in try u.bitstring() }
    }
}
