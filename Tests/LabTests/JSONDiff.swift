import Foundation

/// Field-by-field comparison of two JSON documents. Paths look like `statistics.rpcs_by_user[0].count`;
/// `volatile` holds patterns whose values may differ (any path component may be `*`), but the key
/// must still be present on both sides with the same JSON type.
struct JSONDiff {
    let volatile: [String]

    func differences(_ ours: Any?, _ theirs: Any?, path: String = "") -> [String] {
        switch (ours, theirs) {
        case (let a as [String: Any], let b as [String: Any]):
            var out: [String] = []
            for key in Set(a.keys).union(b.keys).sorted() {
                let p = path.isEmpty ? key : "\(path).\(key)"
                switch (a[key], b[key]) {
                case (nil, _): out.append("\(p): missing in ours")
                case (_, nil): out.append("\(p): only in ours")
                default: out += differences(a[key], b[key], path: p)
                }
            }
            return out
        case (let a as [Any], let b as [Any]):
            if a.count != b.count {
                if isVolatile(path) { return [] }
                return ["\(path): \(a.count) items in ours, \(b.count) in theirs"]
            }
            return zip(a, b).enumerated().flatMap { i, pair in differences(pair.0, pair.1, path: "\(path)[\(i)]") }
        default:
            guard kind(ours) == kind(theirs) else {
                return ["\(path): type \(kind(ours)) in ours, \(kind(theirs)) in theirs"]
            }
            if isVolatile(path) { return [] }
            if let a = ours as? NSObject, let b = theirs as? NSObject, a.isEqual(b) { return [] }
            return ["\(path): \(String(describing: ours ?? "nil")) in ours, \(String(describing: theirs ?? "nil")) in theirs"]
        }
    }

    func isVolatile(_ path: String) -> Bool {
        let parts = components(path)
        return volatile.contains { pattern in
            let p = components(pattern)
            guard p.count <= parts.count else { return false }
            return zip(p, parts).allSatisfy { $0 == "*" || $0 == $1 }
        }
    }

    /// `a.b[3].c` → ["a", "b", "[3]", "c"]; a pattern's `[*]` matches any index.
    private func components(_ path: String) -> [String] {
        var out: [String] = []
        for part in path.split(separator: ".") {
            var s = String(part)
            while let open = s.firstIndex(of: "[") {
                if open != s.startIndex { out.append(String(s[..<open])) }
                let close = s[open...].firstIndex(of: "]")!
                let index = String(s[open...close])
                out.append(index == "[*]" ? "*" : index)
                s = String(s[s.index(after: close)...])
            }
            if !s.isEmpty { out.append(s) }
        }
        return out
    }

    private func kind(_ v: Any?) -> String {
        switch v {
        case nil, is NSNull: "null"
        case let b? where isJSONBoolean(b): "boolean"
        case is NSNumber, is Int, is Double: "number"
        case is String: "string"
        case is [Any]: "array"
        case is [String: Any]: "object"
        default: "unknown"
        }
    }
}

/// JSONSerialization gives booleans as NSNumber too; their objCType tells them apart ("c").
func isJSONBoolean(_ v: Any?) -> Bool {
    guard let v else { return false }
    if type(of: v) == Bool.self { return true }
    return (v as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
}
