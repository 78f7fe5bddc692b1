/// Slurm host list expressions: `node[01-03,7],login` names node01, node02, node03, node7 and login.
public enum HostList {
    /// Expands a host list into host names, in order. Ranges keep their zero padding
    /// (`[08-10]` gives 08, 09, 10); text that is not a valid range is kept as written.
    public static func split(_ expression: String) -> [String] {
        var hosts: [String] = []
        for item in topLevelItems(expression) where !item.isEmpty {
            hosts.append(contentsOf: expand(Substring(item)))
        }
        return hosts
    }

    /// Splits on commas that are outside brackets.
    static func topLevelItems(_ s: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        for c in s {
            switch c {
            case "[": depth += 1; current.append(c)
            case "]": depth = max(0, depth - 1); current.append(c)
            case "," where depth == 0: items.append(current); current = ""
            default: current.append(c)
            }
        }
        items.append(current)
        return items
    }

    /// Expands the first bracket of `item` and recurses on the rest (several brackets multiply).
    static func expand(_ item: Substring) -> [String] {
        guard let open = item.firstIndex(of: "["), let close = item[open...].firstIndex(of: "]") else {
            return [String(item)]
        }
        let prefix = item[..<open]
        let body = item[item.index(after: open)..<close]
        let suffixes = expand(item[item.index(after: close)...])
        var out: [String] = []
        for range in body.split(separator: ",") {
            guard let values = numbers(range) else { return [String(item)] }
            for v in values {
                for s in suffixes { out.append(prefix + v + s) }
            }
        }
        return out
    }

    /// `07-10` → ["07", "08", "09", "10"]; `5` → ["5"]; nil when not numeric or descending.
    static func numbers(_ range: Substring) -> [String]? {
        let parts = range.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let low = Int(parts[0]), let high = Int(parts.last!), low <= high, high - low < 1_000_000
        else { return nil }
        let width = parts[0].count
        return (low...high).map { n in
            let digits = String(n)
            return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        }
    }
}
