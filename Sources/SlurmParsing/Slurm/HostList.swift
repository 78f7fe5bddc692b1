/// Slurm host list expressions: `node[01-03,7],login` names node01, node02, node03, node7 and login.
public enum HostList {
    /// Expands a host list into host names, in order, at most `limit` of them. Ranges keep their
    /// zero padding (`[08-10]` gives 08, 09, 10); text that is not a valid range is kept as written.
    public static func split(_ expression: String, limit: Int = .max) -> [String] {
        var hosts: [String] = []
        guard limit > 0 else { return hosts }
        forEachHost(in: expression) { name in
            hosts.append(name)
            return hosts.count < limit
        }
        return hosts
    }

    /// Calls `body` with each host name of the list, in order, until it returns false. A list
    /// may name far more hosts than it has bytes (`n[0-999999][0-999999]`), so the caller decides
    /// how many it can afford; names are made one at a time, without recursion.
    public static func forEachHost(in expression: String, _ body: (String) -> Bool) {
        for item in topLevelItems(expression) where !item.isEmpty {
            guard Pattern(Substring(item)).forEachName(body) else { return }
        }
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

    /// Slurm builds a host name from a range in a buffer of HOST_NAME_MAX + 16 bytes (hostlist.c)
    /// and makes no name that does not fit.
    static let longestRangedName = 79

    /// One item of a list: texts with bracketed ranges between them, read from the first bracket up
    /// to one that is not a valid range; from there on the text is kept as written. An item whose
    /// names could be longer than `longestRangedName` is kept whole as written, so that a long
    /// text is never multiplied by its ranges.
    struct Pattern {
        /// One more text than brackets: text 0, bracket 0, text 1, ..., the rest of the item.
        var texts: [Substring] = []
        var brackets: [[NumberRange]] = []

        init(_ item: Substring) {
            var rest = item
            var longest = 0
            while longest <= HostList.longestRangedName, let open = rest.firstIndex(of: "["),
                  let close = rest[open...].firstIndex(of: "]"),
                  let ranges = NumberRange.list(rest[rest.index(after: open)..<close]) {
                texts.append(rest[..<open])
                brackets.append(ranges)
                longest += rest[..<open].utf8.count + (ranges.map(\.longestText).max() ?? 0)
                rest = rest[rest.index(after: close)...]
            }
            texts.append(rest)
            if !brackets.isEmpty && longest + rest.utf8.count > HostList.longestRangedName {
                texts = [item]
                brackets = []
            }
        }

        /// Calls `body` with each name, the last bracket's numbers turning fastest; false when
        /// `body` asked to stop.
        func forEachName(_ body: (String) -> Bool) -> Bool {
            guard brackets.allSatisfy({ !$0.isEmpty }) else { return true }
            // For each bracket: which of its ranges, and the number within it.
            var rangeIndex = [Int](repeating: 0, count: brackets.count)
            var number = brackets.map { $0[0].low }
            while true {
                var name = String(texts[0])
                for (k, ranges) in brackets.enumerated() {
                    name += ranges[rangeIndex[k]].text(number[k])
                    name += texts[k + 1]
                }
                guard body(name) else { return false }
                var k = brackets.count - 1
                while k >= 0 {
                    if number[k] < brackets[k][rangeIndex[k]].high {
                        number[k] += 1
                        break
                    }
                    if rangeIndex[k] + 1 < brackets[k].count {
                        rangeIndex[k] += 1
                        number[k] = brackets[k][rangeIndex[k]].low
                        break
                    }
                    rangeIndex[k] = 0
                    number[k] = brackets[k][0].low
                    k -= 1
                }
                if k < 0 { return true }
            }
        }
    }

    /// `07-10` (07, 08, 09, 10) or `5`: numbers written with at least the first one's digits.
    struct NumberRange {
        let low: Int
        let high: Int
        let width: Int

        /// A bracket's comma-separated ranges; nil when one is not numeric or descends.
        static func list(_ body: Substring) -> [NumberRange]? {
            var ranges: [NumberRange] = []
            for range in body.split(separator: ",") {
                guard let r = NumberRange(range) else { return nil }
                ranges.append(r)
            }
            return ranges
        }

        init?(_ range: Substring) {
            let parts = range.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 1 || parts.count == 2,
                  parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let low = Int(parts[0]), let high = Int(parts[parts.count - 1]), low <= high, high - low < 1_000_000
            else { return nil }
            self.low = low
            self.high = high
            width = parts[0].count
        }

        func text(_ n: Int) -> String {
            let digits = String(n)
            return digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        }

        var longestText: Int { max(width, String(high).count) }
    }
}
