/// A streaming JSON writer into a byte buffer. Callers say what comes next (`beginObject`, `key`,
/// `value`, `endArray`...); the writer places commas, colons and, in pretty mode, the original's
/// layout: two-space indentation, `"key": value`, `[]` and `{}` for empty containers.
///
/// Big documents are written in pieces: `takeBytes()` hands over what is buffered so far, and a
/// writer given a `spill` hands its buffer to it at item boundaries once `spillThreshold` bytes are
/// buffered, so a long array never sits in memory whole.
///
/// The buffer is a reference: a writer is used in place (`inout`), never copied.
public struct JSONWriter {
    public let pretty: Bool
    private let out: ByteBuffer
    /// Receives the buffered bytes at a boundary once there are at least `spillThreshold` of them.
    public var spill: (([UInt8]) -> Void)?
    public var spillThreshold = 256 * 1024
    /// How many containers are open, and for each whether it has members yet: one bit per level
    /// for the first 64 levels (`memberBits`, innermost in bit `depth - 1`), `deeper` beyond.
    private var depth = 0
    private var memberBits: UInt64 = 0
    private var deeper: [Bool] = []
    /// True right after `key(_:)`: the next value belongs to it.
    private var afterKey = false

    public init(pretty: Bool = true, capacity: Int = 4096) {
        self.pretty = pretty
        out = ByteBuffer(capacity: capacity)
    }

    /// Hands over the bytes written so far and keeps writing after them.
    public mutating func takeBytes() -> [UInt8] {
        out.take()
    }

    /// Marks a point between two items of a long array: where buffered bytes may be handed on.
    @inline(__always)
    public mutating func boundary() {
        if out.count >= spillThreshold, let spill { spill(out.take()) }
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func key(_ name: String) {
        separate()
        appendString(name)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    /// A member name known in advance (schemas declare theirs once), with its colon.
    public mutating func key(_ name: JSONKey) {
        separate()
        out.append(pretty ? name.prettyMember : name.compactMember)
        afterKey = true
    }

    public mutating func value(_ s: String) { separate(); appendString(s) }
    public mutating func value(_ b: Bool) { separate(); out.append(b ? Self.trueWord : Self.falseWord) }
    public mutating func null() { separate(); out.append(Self.nullWord) }

    public mutating func value(_ n: Int64) {
        separate()
        if n < 0 { out.append(UInt8(ascii: "-")) }
        out.appendDigits(n.magnitude)
    }

    public mutating func value(_ n: UInt64) { separate(); out.appendDigits(n) }
    public mutating func value(_ n: Int) { value(Int64(n)) }

    /// Shortest round-trip form, always as a number with a fraction or exponent (`2.0`, `-0.0`), as
    /// the original's serializer writes doubles, so a client sees a float where the spec says one.
    /// NaN and infinities, which JSON cannot carry, become null.
    public mutating func value(_ d: Double) {
        guard d.isFinite else { null(); return }
        separate()
        if d == d.rounded(.towardZero), abs(d) < 1e15 {
            if d.sign == .minus { out.append(UInt8(ascii: "-")) }
            out.appendDigits(UInt64(abs(d)))
            out.append(UInt8(ascii: "."))
            out.append(UInt8(ascii: "0"))
            return
        }
        appendUTF8(d.description)
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
        out.append(bracket)
        if depth >= 64 { deeper.append(false) } else { memberBits &= ~(1 << UInt64(depth)) }
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        let hadMembers = depth >= 64 ? deeper.removeLast() : memberBits & (1 << UInt64(depth)) != 0
        if pretty && hadMembers { newline() }
        out.append(bracket)
    }

    /// Everything a value or key needs before it: the comma after a previous member, and in pretty
    /// mode the line break and indentation. A value right after its key needs nothing.
    @inline(__always)
    private mutating func separate() {
        if afterKey { afterKey = false; return }
        guard depth > 0 else { return }
        let level = depth - 1
        let hadMembers: Bool
        if level >= 64 {
            hadMembers = deeper[deeper.count - 1]
            deeper[deeper.count - 1] = true
        } else {
            hadMembers = memberBits & (1 << UInt64(level)) != 0
            memberBits |= 1 << UInt64(level)
        }
        if hadMembers { out.append(UInt8(ascii: ",")) }
        if pretty { newline() }
    }

    private mutating func newline() {
        out.append(UInt8(ascii: "\n"))
        var spaces = depth * 2
        while spaces > 0 {
            let n = min(spaces, Self.spaces.count)
            out.append(UnsafeBufferPointer(rebasing: Self.spaces[0..<n]))
            spaces -= n
        }
    }

    private static let spaces = ByteBuffer.immortal([UInt8](repeating: UInt8(ascii: " "), count: 128))
    private static let trueWord = ByteBuffer.immortal(Array("true".utf8))
    private static let falseWord = ByteBuffer.immortal(Array("false".utf8))
    private static let nullWord = ByteBuffer.immortal(Array("null".utf8))

    // MARK: - Scalars

    private mutating func appendUTF8(_ s: String) {
        var s = s
        s.withUTF8 { out.append($0) }
    }

    /// RFC 8259 §7: quote, backslash and control characters are escaped; everything else is UTF-8 as is.
    private mutating func appendString(_ s: String) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            // Most strings need no escape: copy them in one piece.
            var plain = true
            for c in utf8 where c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { plain = false; break }
            if plain { out.append(utf8); return }
            for c in utf8 {
                switch c {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(c)
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(c)
                case 0x0a: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
                case 0x0d: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "b"))
                case 0x0c: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "f"))
                case 0..<0x20:
                    let hex = Self.hexDigits
                    out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "u"))
                    out.append(UInt8(ascii: "0")); out.append(UInt8(ascii: "0"))
                    out.append(hex[Int(c >> 4)]); out.append(hex[Int(c & 0xf)])
                default: out.append(c)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = ByteBuffer.immortal(Array("0123456789abcdef".utf8))
}

/// A member name written ahead of time, quoted, escaped and with its colon, for names written many
/// times (every job of a list). Keys belong to schemas declared once for the life of the process,
/// so their bytes live in storage that is never freed, which spares a reference count per member.
public struct JSONKey: @unchecked Sendable {
    public let name: String
    let compactMember: UnsafeBufferPointer<UInt8>
    let prettyMember: UnsafeBufferPointer<UInt8>

    public init(_ name: String) {
        self.name = name
        var w = JSONWriter(pretty: false, capacity: name.utf8.count + 3)
        w.value(name)
        let quoted = w.takeBytes()
        compactMember = ByteBuffer.immortal(quoted + [UInt8(ascii: ":")])
        prettyMember = ByteBuffer.immortal(quoted + [UInt8(ascii: ":"), UInt8(ascii: " ")])
    }
}

/// The writer's growable byte storage: plain memory written in place, without the copy-on-write
/// checks an array makes on every append.
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Bytes kept for the life of the process (tables of constant text).
    static func immortal(_ bytes: [UInt8]) -> UnsafeBufferPointer<UInt8> {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = storage.initialize(from: bytes)
        return UnsafeBufferPointer(storage)
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        let n = bytes.count
        if count + n > capacity { grow(to: count + n) }
        (base + count).update(from: source, count: n)
        count += n
    }

    /// Decimal digits of `n`, written backwards into place then reversed.
    func appendDigits(_ n: UInt64) {
        if count + 20 > capacity { grow(to: count + 20) }
        let start = count
        var v = n
        repeat {
            base[count] = UInt8(ascii: "0") + UInt8(v % 10)
            count += 1
            v /= 10
        } while v > 0
        var i = start, j = count - 1
        while i < j {
            let t = base[i]; base[i] = base[j]; base[j] = t
            i += 1; j -= 1
        }
    }

    /// The bytes so far, leaving the buffer empty (its memory is kept for what follows).
    func take() -> [UInt8] {
        defer { count = 0 }
        return Array(UnsafeBufferPointer(start: base, count: count))
    }

    private func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
