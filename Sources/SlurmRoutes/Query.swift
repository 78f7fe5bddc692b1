import SlurmParsing

/// `application/x-www-form-urlencoded` query strings: `a=1&b=x%20y` → [("a", "1"), ("b", "x y")].
public enum Query {
    public static func pairs(_ query: String?) -> [(String, String)] {
        guard let query, !query.isEmpty else { return [] }
        return query.split(separator: "&").map { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    /// Every value given for `name`, in order.
    static func values(_ name: String, in query: [(String, String)]) -> [String] {
        query.filter { $0.0 == name }.map(\.1)
    }

    /// The last value given for `name`, if any.
    static func value(_ name: String, in query: [(String, String)]) -> String? {
        query.last(where: { $0.0 == name })?.1
    }

    /// Percent-decoding with `+` as space; malformed escapes are kept as written.
    static func decode(_ s: Substring) -> String {
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "+") { out.append(UInt8(ascii: " ")); i += 1; continue }
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count,
               let hi = hexDigitValue(b[i + 1]), let lo = hexDigitValue(b[i + 2]) {
                out.append(hi << 4 | lo); i += 3; continue
            }
            out.append(b[i]); i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
