#if canImport(Glibc)
import Glibc
#endif

#if arch(x86_64) || arch(i386)
/// C's `long double` as Slurm's x86 builds hold it (80-bit extended precision).
public typealias LongDouble = Float80
/// The printf length modifier for a `LongDouble` argument.
private let longDoubleModifier = "L"
#else
/// Swift has no type for this platform's C `long double`; the widest it has stands in.
public typealias LongDouble = Double
private let longDoubleModifier = ""
#endif

/// `packdouble` sends the IEEE bits of the value times FLOAT_MULT and `unpackdouble` divides by it
/// again (src/common/pack.c), so the value read is `bits / 1e6` (not always exactly the value sent).
let floatMultiplier = 1_000_000.0

/// `long double` values travel as text (`packlongdouble` prints `%Lf`; `unpacklongdouble` reads it back
/// with `sscanf("%Lf")`).
public enum LongDoubleText {
    /// printf of one `LongDouble` with a conversion such as "f" or "g" (`%Lf`, `%Lg`).
    public static func format(_ value: LongDouble, conversion: String) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let format = "%" + longDoubleModifier + conversion
        var needed = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
        if needed >= buffer.count {
            // %Lf of a huge value has thousands of digits.
            buffer = [CChar](repeating: 0, count: Int(needed) + 1)
            needed = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        return needed < 0 ? "" : String(decoding: buffer.prefix(Int(needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// What `sscanf(text, "%Lf")` reads: white space skipped, then the longest leading decimal or
    /// hexadecimal number, `inf`/`infinity` or `nan` (with an optional sign); nil when the text starts
    /// with none of these.
    public static func scan(_ text: String) -> LongDouble? {
        let b = Array(text.utf8)
        var i = 0
        while i < b.count, b[i] == 0x20 || (0x09...0x0d).contains(b[i]) { i += 1 }
        let start = i
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        func word(_ w: String) -> Bool {
            let letters = Array(w.utf8)
            guard b.count - i >= letters.count else { return false }
            return zip(b[i..<(i + letters.count)], letters).allSatisfy { $0 | 0x20 == $1 }
        }
        if word("infinity") { i += 8 }
        else if word("inf") { i += 3 }
        else if word("nan") { i += 3 }
        else {
            // glibc: "0x" must go on with a hex digit or a point, and "0x." alone reads as zero.
            let hex = b.count - i > 1 && b[i] == UInt8(ascii: "0") && b[i + 1] | 0x20 == UInt8(ascii: "x")
            if hex {
                guard b.count - i > 2, isHexDigit(b[i + 2]) || b[i + 2] == UInt8(ascii: ".") else { return nil }
                i += 2
            }
            let isMantissaDigit = hex ? isHexDigit : isDigit
            let digitsStart = i
            while i < b.count, isMantissaDigit(b[i]) { i += 1 }
            var digits = i - digitsStart
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                let fractionStart = i
                while i < b.count, isMantissaDigit(b[i]) { i += 1 }
                digits += i - fractionStart
            }
            if hex && digits == 0 { return b[start] == UInt8(ascii: "-") ? -0.0 : 0 }
            guard digits > 0 else { return nil }
            if i < b.count, b[i] | 0x20 == (hex ? UInt8(ascii: "p") : UInt8(ascii: "e")) {
                var j = i + 1
                if j < b.count, b[j] == UInt8(ascii: "+") || b[j] == UInt8(ascii: "-") { j += 1 }
                let exponentStart = j
                while j < b.count, isDigit(b[j]) { j += 1 }
                if j > exponentStart { i = j }
            }
        }
        return LongDouble(String(decoding: b[start..<i], as: UTF8.self))
    }

    private static func isDigit(_ c: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) }
    private static func isHexDigit(_ c: UInt8) -> Bool { isDigit(c) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(c | 0x20) }
}

extension Unpacker {
    /// `unpackdouble`.
    public mutating func double() throws(WireError) -> Double {
        Double(bitPattern: try u64()) / floatMultiplier
    }

    /// `unpacklongdouble`: text that must start with a number; a NaN reads as 0, as Slurm does to
    /// undo a glibc that printed "nan" for zero.
    public mutating func longDouble() throws(WireError) -> LongDouble {
        guard let text = try string(), let value = LongDoubleText.scan(text) else {
            throw fail("long double is not a number")
        }
        return value.isNaN ? 0 : value
    }

    /// `unpacklongdouble_array`.
    public mutating func longDoubleArray() throws(WireError) -> [LongDouble] {
        try array(4, "long double array") { (u: inout Unpacker) throws(WireError) in try u.longDouble() }
    }
}

extension Packer {
    /// `packdouble`.
    public mutating func double(_ v: Double) { u64((v * floatMultiplier).bitPattern) }

    /// `packlongdouble`.
    public mutating func longDouble(_ v: LongDouble) { string(LongDoubleText.format(v, conversion: "f")) }

    public mutating func longDoubleArray(_ a: [LongDouble]) { u32(UInt32(a.count)); for v in a { longDouble(v) } }
}

extension Field {
    public static func double(_ name: String, _ path: WritableKeyPath<Model, Double>, since: ProtocolVersion = .v22_05,
                              until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.double($1) }) { (u: inout Unpacker) throws(WireError) in try u.double() }
    }

    public static func longDoubleArray(_ name: String, _ path: WritableKeyPath<Model, [LongDouble]>, since: ProtocolVersion = .v22_05,
                                       until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.longDoubleArray($1) }) {
            (u: inout Unpacker) throws(WireError) in try u.longDoubleArray()
        }
    }
}
