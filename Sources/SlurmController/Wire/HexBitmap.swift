import SlurmParsing

/// A bitmap as `pack_bit_str_hex` sends it (src/common/pack.h): its size in bits, then a hex mask
/// string ("0x" and upper-case digits, the most significant first, one digit per four bits), or
/// only NO_VAL for no bitmap. The node table's hidden entries and a partition's nodes travel this way.
public struct HexBitmap: Equatable, Sendable {
    public let bitCount: UInt32
    /// The mask's digit values, least significant first (digit k holds bits 4k ..< 4k+4), without
    /// the zero digits at the top, so that equal bitmaps compare equal whatever their padding.
    let digits: [UInt8]

    public init(bitCount: UInt32, setting indices: [Int]) {
        var digits = [UInt8](repeating: 0, count: (Int(bitCount) + 3) / 4)
        for i in indices where i >= 0 && i < Int(bitCount) { digits[i / 4] |= 1 << UInt8(i % 4) }
        self.init(bitCount: bitCount, digits: digits)
    }

    init(bitCount: UInt32, digits: [UInt8]) {
        self.bitCount = bitCount
        self.digits = Array(digits[..<(digits.lastIndex(where: { $0 != 0 }).map { $0 + 1 } ?? 0)])
    }

    /// Parses the mask as `bit_unfmt_hexmask` does, refusing digits that are not hex and set bits
    /// beyond the size (the C reader fails on both).
    init?(bitCount: UInt32, mask: String) {
        var text = Substring(mask)
        if text.hasPrefix("0x") { text = text.dropFirst(2) }
        var digits: [UInt8] = []
        digits.reserveCapacity(text.utf8.count)
        for c in text.utf8.reversed() {
            guard let value = hexDigitValue(c) else { return nil }
            digits.append(value)
        }
        for (k, value) in digits.enumerated() where value != 0 {
            let highest = 4 * k + (value >= 8 ? 3 : value >= 4 ? 2 : value >= 2 ? 1 : 0)
            guard highest < Int(bitCount) else { return nil }
        }
        self.init(bitCount: bitCount, digits: digits)
    }

    public func contains(_ index: Int) -> Bool {
        guard index >= 0, index / 4 < digits.count else { return false }
        return digits[index / 4] & (1 << UInt8(index % 4)) != 0
    }

    /// The mask as `bit_fmt_hexmask` writes it: one digit per started group of four bits.
    var mask: String {
        let width = (Int(bitCount) + 3) / 4
        if width == 0 { return "0x0" }
        var out = "0x"
        for k in stride(from: width - 1, through: 0, by: -1) {
            let value = k < digits.count ? digits[k] : 0
            out.append(Character(Unicode.Scalar(value < 10 ? 48 + value : 55 + value)))
        }
        return out
    }

}

extension Unpacker {
    /// `unpack_bit_str_hex`: nil for NO_VAL or an empty bitmap.
    public mutating func hexBitmap() throws(WireError) -> HexBitmap? {
        let size = try u32()
        if size == 0xffff_fffe { return nil }
        let mask = try string()
        if size == 0 { return nil }
        guard let mask, let bitmap = HexBitmap(bitCount: size, mask: mask) else {
            throw fail("bitmap of \(size) bits with a bad mask")
        }
        return bitmap
    }
}

extension Packer {
    /// `pack_bit_str_hex`: NO_VAL alone for no bitmap.
    public mutating func hexBitmap(_ bitmap: HexBitmap?) {
        guard let bitmap else { u32(0xffff_fffe); return }
        u32(bitmap.bitCount)
        string(bitmap.mask)
    }
}

extension Field {
    public static func hexBitmap(_ name: String, _ path: WritableKeyPath<Model, HexBitmap?>,
                                 since: ProtocolVersion = .v22_05, until: ProtocolVersion? = nil,
                                 when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.hexBitmap($1) }) {
            (u: inout Unpacker) throws(WireError) in try u.hexBitmap()
        }
    }
}
