/// Why bytes from the controller could not be read as the expected message.
public struct WireError: Error, Equatable, CustomStringConvertible {
    public let offset: Int
    public let message: String
    public var description: String { "at byte \(offset): \(message)" }
}

/// Reads Slurm's wire primitives (src/common/pack.c), bounds-checked: every count is checked
/// against the bytes that remain, so a corrupt or hostile reply fails cleanly instead of trapping
/// or allocating without limit.
public struct Unpacker {
    let bytes: [UInt8]
    public private(set) var offset: Int

    public init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var remaining: Int { bytes.count - offset }

    func fail(_ message: String) -> WireError { WireError(offset: offset, message: message) }

    mutating func take(_ n: Int, _ what: String) throws(WireError) -> ArraySlice<UInt8> {
        guard n >= 0, n <= remaining else { throw fail("\(what): needs \(n) bytes, \(remaining) left") }
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }

    public mutating func u8() throws(WireError) -> UInt8 { try take(1, "u8").first! }
    public mutating func bool() throws(WireError) -> Bool { try u8() != 0 }

    public mutating func u16() throws(WireError) -> UInt16 {
        let b = try take(2, "u16")
        return UInt16(b[b.startIndex]) << 8 | UInt16(b[b.startIndex + 1])
    }

    public mutating func u32() throws(WireError) -> UInt32 {
        let b = try take(4, "u32")
        var v: UInt32 = 0
        for x in b { v = v << 8 | UInt32(x) }
        return v
    }

    public mutating func u64() throws(WireError) -> UInt64 {
        let b = try take(8, "u64")
        var v: UInt64 = 0
        for x in b { v = v << 8 | UInt64(x) }
        return v
    }

    public mutating func time() throws(WireError) -> Int64 { Int64(bitPattern: try u64()) }

    /// `packstr`: nil for length 0; otherwise the bytes must end with the NUL the length counts.
    public mutating func string() throws(WireError) -> String? {
        let n = Int(try u32())
        if n == 0 { return nil }
        let b = try take(n, "string")
        guard b.last == 0 else { throw fail("string not NUL-terminated") }
        return String(decoding: b.dropLast(), as: UTF8.self)
    }

    /// `packmem`.
    public mutating func memory() throws(WireError) -> [UInt8] {
        let n = Int(try u32())
        return Array(try take(n, "memory"))
    }

    /// A u32 count that must fit in what remains, at `elementSize` bytes at least per element.
    mutating func count(_ elementSize: Int, _ what: String) throws(WireError) -> Int {
        let n = Int(try u32())
        guard n <= remaining / max(elementSize, 1) else { throw fail("\(what): count \(n) exceeds the message") }
        return n
    }

    /// A counted array: u32 count, then the elements (at least `elementSize` bytes each).
    mutating func array<T>(_ elementSize: Int, _ what: String,
                           _ element: (inout Unpacker) throws(WireError) -> T) throws(WireError) -> [T] {
        let n = try count(elementSize, what)
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try element(&self)) }
        return out
    }

    public mutating func u16Array() throws(WireError) -> [UInt16] {
        try array(2, "u16 array") { (u: inout Unpacker) throws(WireError) in try u.u16() }
    }

    public mutating func u32Array() throws(WireError) -> [UInt32] {
        try array(4, "u32 array") { (u: inout Unpacker) throws(WireError) in try u.u32() }
    }

    public mutating func u64Array() throws(WireError) -> [UInt64] {
        try array(8, "u64 array") { (u: inout Unpacker) throws(WireError) in try u.u64() }
    }

    /// `packstr_array`; NULL entries become empty strings.
    public mutating func stringArray() throws(WireError) -> [String] {
        try array(4, "string array") { (u: inout Unpacker) throws(WireError) in try u.string() ?? "" }
    }
}

extension Packer {
    public mutating func u16Array(_ a: [UInt16]) { u32(UInt32(a.count)); for v in a { u16(v) } }
    public mutating func u32Array(_ a: [UInt32]) { u32(UInt32(a.count)); for v in a { u32(v) } }
    public mutating func u64Array(_ a: [UInt64]) { u32(UInt32(a.count)); for v in a { u64(v) } }
    public mutating func stringArray(_ a: [String]) { u32(UInt32(a.count)); for v in a { string(v) } }
}
