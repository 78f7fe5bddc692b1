/// Why a request body is not acceptable JSON: where (byte offset and the path of the value being
/// read, e.g. `#/job/tasks`) and what.
public struct JSONError: Error, Equatable, CustomStringConvertible {
    public let offset: Int
    public let path: String
    public let message: String
    public var description: String { "\(message) at \(path) (byte \(offset))" }
}

/// A strict RFC 8259 reader: one value, optional surrounding whitespace, nothing else. It refuses
/// what lenient parsers let through (trailing commas, leading zeros, NaN, control characters in
/// strings, invalid UTF-8, lone surrogates, duplicate keys) and nesting deeper than `maxDepth`.
public struct JSONReader {
    public static let defaultMaxDepth = 64

    private let bytes: [UInt8]
    private var i = 0
    private let maxDepth: Int
    private var path: [String] = []

    public static func parse(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONError) -> JSONValue {
        var r = JSONReader(bytes: bytes, maxDepth: maxDepth)
        r.skipWhitespace()
        let v = try r.value()
        r.skipWhitespace()
        guard r.i == bytes.count else { throw r.error("unexpected text after the JSON value") }
        return v
    }

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private func error(_ message: String) -> JSONError {
        JSONError(offset: i, path: "#" + path.map { "/" + $0 }.joined(), message: message)
    }

    private var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func skipWhitespace() {
        while let c = peek, c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d { i += 1 }
    }

    private mutating func expect(_ literal: String, _ v: JSONValue) throws(JSONError) -> JSONValue {
        let l = Array(literal.utf8)
        guard bytes.count - i >= l.count, bytes[i..<(i + l.count)].elementsEqual(l) else { throw error("invalid literal") }
        i += l.count
        return v
    }

    private mutating func value() throws(JSONError) -> JSONValue {
        guard let c = peek else { throw error("unexpected end of input") }
        switch c {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character")
        }
    }

    private mutating func object() throws(JSONError) -> JSONValue {
        guard path.count < maxDepth else { throw error("nested deeper than \(maxDepth) levels") }
        i += 1
        var members: [(String, JSONValue)] = []
        var seen = Set<String>()
        skipWhitespace()
        if peek == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let key = try string()
            guard seen.insert(key).inserted else { throw error("duplicate member \"\(key)\"") }
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw error("expected ':'") }
            i += 1
            skipWhitespace()
            path.append(key)
            let v = try value()
            path.removeLast()
            members.append((key, v))
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "}"): i += 1; return .object(members)
            default: throw error("expected ',' or '}'")
            }
        }
    }

    private mutating func array() throws(JSONError) -> JSONValue {
        guard path.count < maxDepth else { throw error("nested deeper than \(maxDepth) levels") }
        i += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipWhitespace()
            path.append(String(items.count))
            items.append(try value())
            path.removeLast()
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","): i += 1
            case UInt8(ascii: "]"): i += 1; return .array(items)
            default: throw error("expected ',' or ']'")
            }
        }
    }

    private mutating func number() throws(JSONError) -> JSONValue {
        let start = i
        if peek == UInt8(ascii: "-") { i += 1 }
        guard let first = peek, isDigit(first) else { throw error("invalid number") }
        i += 1
        if first == UInt8(ascii: "0"), let c = peek, isDigit(c) { throw error("leading zero in a number") }
        while let c = peek, isDigit(c) { i += 1 }
        var integral = true
        if peek == UInt8(ascii: ".") {
            integral = false
            i += 1
            guard let c = peek, isDigit(c) else { throw error("invalid fraction") }
            while let c = peek, isDigit(c) { i += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            integral = false
            i += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { i += 1 }
            guard let c = peek, isDigit(c) else { throw error("invalid exponent") }
            while let c = peek, isDigit(c) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if integral, let n = Int64(text) { return .int(n) }
        guard let d = Double(text), d.isFinite else { throw error("number out of range") }
        return .double(d)
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private mutating func string() throws(JSONError) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard let c = peek else { throw error("unterminated string") }
            switch c {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                i += 1
                guard let e = peek else { throw error("unterminated escape") }
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0c)
                case UInt8(ascii: "n"): out.append(0x0a)
                case UInt8(ascii: "r"): out.append(0x0d)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xd800..<0xdc00).contains(scalar) {
                        guard peek == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "u") else {
                            throw error("lone surrogate in \\u escape")
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xdc00..<0xe000).contains(low) else { throw error("lone surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xd800) << 10) + (low - 0xdc00)
                    } else if (0xdc00..<0xe000).contains(scalar) {
                        throw error("lone surrogate in \\u escape")
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
                default: throw error("invalid escape")
                }
            case 0..<0x20:
                throw error("control character in a string")
            case 0x80...:
                let n = try utf8Length(at: i)
                out.append(contentsOf: bytes[i..<(i + n)])
                i += n
            default:
                out.append(c)
                i += 1
            }
        }
    }

    private mutating func hex4() throws(JSONError) -> UInt32 {
        guard bytes.count - i >= 4 else { throw error("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            guard let digit = hexDigitValue(c) else { throw error("invalid \\u escape") }
            let d = UInt32(digit)
            v = v << 4 | d
            i += 1
        }
        return v
    }

    /// The length of a well-formed UTF-8 sequence (no overlong forms, no surrogates, ≤ U+10FFFF).
    private func utf8Length(at p: Int) throws(JSONError) -> Int {
        let b0 = bytes[p]
        let (n, low, high): (Int, UInt8, UInt8) = switch b0 {
        case 0xc2...0xdf: (2, 0x80, 0xbf)
        case 0xe0: (3, 0xa0, 0xbf)
        case 0xe1...0xec, 0xee...0xef: (3, 0x80, 0xbf)
        case 0xed: (3, 0x80, 0x9f)
        case 0xf0: (4, 0x90, 0xbf)
        case 0xf1...0xf3: (4, 0x80, 0xbf)
        case 0xf4: (4, 0x80, 0x8f)
        default: (0, 0, 0)
        }
        guard n > 0, p + n <= bytes.count, (low...high).contains(bytes[p + 1]),
              bytes[(p + 2)..<(p + n)].allSatisfy({ $0 & 0xc0 == 0x80 }) else { throw error("invalid UTF-8") }
        return n
    }
}
