/// A streaming JSON writer into a byte buffer. Callers say what comes next (`beginObject`, `key`,
/// `value`, `endArray`...); the writer places commas, colons and, in pretty mode, the original's
/// layout: two-space indentation, `"key": value`, `[]` and `{}` for empty containers.
///
/// Big documents are written in pieces: `takeBytes()` hands over what is buffered so far.
public struct JSONWriter {
    public let pretty: Bool
    public private(set) var bytes: [UInt8] = []
    /// One entry per open container: whether it has members yet.
    private var hasMembers: [Bool] = []
    /// True right after `key(_:)`: the next value belongs to it.
    private var afterKey = false

    public init(pretty: Bool = true, capacity: Int = 4096) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    /// Hands over the bytes written so far and keeps writing after them.
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func key(_ name: String) {
        separate()
        appendString(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    public mutating func value(_ s: String) { separate(); appendString(s) }
    public mutating func value(_ b: Bool) { separate(); appendASCII(b ? "true" : "false") }
    public mutating func null() { separate(); appendASCII("null") }

    public mutating func value(_ n: Int64) {
        separate()
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(n.magnitude)
    }

    public mutating func value(_ n: UInt64) { separate(); appendDigits(n) }
    public mutating func value(_ n: Int) { value(Int64(n)) }

    /// Shortest round-trip form; NaN and infinities, which JSON cannot carry, become null.
    public mutating func value(_ d: Double) {
        guard d.isFinite else { null(); return }
        separate()
        if d == d.rounded(.towardZero), abs(d) < 1e15 {
            if d < 0 { bytes.append(UInt8(ascii: "-")) }
            appendDigits(UInt64(abs(d)))
            return
        }
        appendASCII(d.description)
    }

    /// Writes a whole parsed value.
    public mutating func write(_ v: JSONValue) {
        switch v {
        case .null: null()
        case .bool(let b): value(b)
        case .int(let i): value(i)
        case .double(let d): value(d)
        case .string(let s): value(s)
        case .array(let items):
            beginArray()
            for item in items { write(item) }
            endArray()
        case .object(let members):
            beginObject()
            for (k, item) in members { key(k); write(item) }
            endObject()
        }
    }

    // MARK: - Layout

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        hasMembers.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadMembers = hasMembers.removeLast()
        if pretty && hadMembers { newline() }
        bytes.append(bracket)
    }

    /// Everything a value or key needs before it: the comma after a previous member, and in pretty
    /// mode the line break and indentation. A value right after its key needs nothing.
    private mutating func separate() {
        if afterKey { afterKey = false; return }
        guard !hasMembers.isEmpty else { return }
        if hasMembers[hasMembers.count - 1] { bytes.append(UInt8(ascii: ",")) }
        hasMembers[hasMembers.count - 1] = true
        if pretty { newline() }
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<hasMembers.count { bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: " ")) }
    }

    // MARK: - Scalars

    private mutating func appendASCII(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func appendASCII(_ s: String) { bytes.append(contentsOf: s.utf8) }

    private mutating func appendDigits(_ n: UInt64) {
        let start = bytes.count
        var v = n
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        } while v > 0
        bytes[start...].reverse()
    }

    /// RFC 8259 §7: quote, backslash and control characters are escaped; everything else is UTF-8 as is.
    private mutating func appendString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        // Most strings need no escape: copy them whole.
        let copied = s.utf8.withContiguousStorageIfAvailable { utf8 in
            for c in utf8 where c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied == true {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for c in s.utf8 {
            switch c {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(c)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(c)
            case 0x0a: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0d: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
            case 0x0c: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          hex[Int(c >> 4)], hex[Int(c & 0xf)]])
            default: bytes.append(c)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
