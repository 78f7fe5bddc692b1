/// A node count request as `sbatch --nodes` and the REST `nodes` field take it
/// (`verify_node_count`, src/common/proc_args.c): a count (`4`, `2k`), a range (`2-4`), or a set of
/// acceptable sizes (`1,4,8`, `2-4,8`, `1-15:4`), which the controller also receives as
/// `job_size_str`.
struct NodeCount: Equatable {
    let minimum: Int
    let maximum: Int
    /// The acceptable sizes as ranges (`bit_fmt_full`), only for a set of sizes.
    let sizes: String?

    /// MAX_JOB_SIZE_BITMAP (slurm/slurm.h): sizes in a set stay below this.
    static let sizeLimit = 16384

    struct Invalid: Error, Equatable {
        let reason: String
    }

    static func parse(_ text: String) throws(Invalid) -> NodeCount {
        let count: NodeCount
        if text.contains(",") || text.contains(":") {
            count = try sizeSet(text)
        } else if let dash = text.firstIndex(of: "-") {
            var minimum = try nodes(text[..<dash])
            if minimum < 0 { minimum = 1 }
            count = NodeCount(minimum: minimum, maximum: try nodes(text[text.index(after: dash)...]), sizes: nil)
        } else {
            let n = try nodes(Substring(text))
            guard n >= 0 else { throw Invalid(reason: "\"\(text)\" is not a node count") }
            count = NodeCount(minimum: n, maximum: n, sizes: nil)
        }
        guard count.maximum == 0 || count.maximum >= count.minimum else {
            throw Invalid(reason: "the maximum node count \(count.maximum) is below the minimum \(count.minimum)")
        }
        return count
    }

    /// `str_to_nodes`: a decimal with an optional k and then m multiplier; -1 without digits or
    /// beyond an int, as the original; trailing text other than white space is refused.
    static func nodes(_ text: Substring) throws(Invalid) -> Int {
        guard let n = CNumber.strtol(text) else {
            guard CNumber.isBlank(text) else { throw Invalid(reason: "\"\(text)\" is not a node count") }
            return -1
        }
        var value = n.value, rest = n.rest
        if let c = rest.first, c == "k" || c == "K" { value *= 1024; rest = rest.dropFirst() }
        if let c = rest.first, c == "m" || c == "M" { value *= 1024 * 1024; rest = rest.dropFirst() }
        guard CNumber.isBlank(rest) else { throw Invalid(reason: "\"\(text)\" is not a node count") }
        return value < 0 || value > Int(Int32.max) ? -1 : value
    }

    /// A set of sizes: every number below MAX_JOB_SIZE_BITMAP, then `bit_unfmt` on the whole text.
    static func sizeSet(_ text: String) throws(Invalid) -> NodeCount {
        var largest = 0
        for token in text.split(whereSeparator: { $0 == "," || $0 == "-" || $0 == ":" }) {
            guard let n = CNumber.strtol(token), n.rest.isEmpty, n.value < sizeLimit else {
                throw Invalid(reason: "\"\(token)\" is not a valid node count")
            }
            largest = max(largest, n.value)
        }
        var bits = [Bool](repeating: false, count: largest + 1)
        for (start, end) in try ranges(text) {
            guard start >= 0, start < bits.count, end >= 0, end < bits.count else {
                throw Invalid(reason: "\"\(text)\" is not a valid node count")
            }
            if start <= end { for i in start...end { bits[i] = true } }
        }
        guard let first = bits.firstIndex(of: true), let last = bits.lastIndex(of: true) else {
            throw Invalid(reason: "\"\(text)\" names no node count")
        }
        return NodeCount(minimum: first, maximum: last, sizes: rangeText(bits))
    }

    /// `bitfmt2int`: `a-b,c` pairs (other characters are skipped, as there), or `a-b:step`, whose
    /// sizes run from a up to but not including b.
    static func ranges(_ text: String) throws(Invalid) -> [(Int, Int)] {
        guard text.contains(":") else {
            var out: [(Int, Int)] = []
            if text.first == "," { return out } // the C loop stops at a leading comma
            var sum = 0, start: Int?
            for c in text + "," {
                if let d = c.wholeNumberValue, c.isASCII {
                    sum = min(sum * 10 + d, sizeLimit)
                } else if c == "-" {
                    start = sum
                    sum = 0
                } else if c == "," {
                    out.append((start ?? sum, sum))
                    start = nil
                    sum = 0
                }
            }
            return out
        }
        let invalid = Invalid(reason: "\"\(text)\" is not a node count range with a step (first-last:step)")
        guard let start = CNumber.strtol(Substring(text)), start.rest.first == "-",
              let end = CNumber.strtol(start.rest.dropFirst()), end.rest.first == ":",
              let step = CNumber.strtol(end.rest.dropFirst()), step.rest.isEmpty,
              end.value >= start.value, step.value > 0 else { throw invalid }
        return stride(from: start.value, to: end.value, by: step.value).map { ($0, $0) }
    }

    /// `bit_fmt_full`: runs of sizes as `a-b` or `a`, joined by commas.
    static func rangeText(_ bits: [Bool]) -> String {
        var parts: [String] = []
        var i = 0
        while i < bits.count {
            guard bits[i] else { i += 1; continue }
            var j = i
            while j + 1 < bits.count, bits[j + 1] { j += 1 }
            parts.append(i == j ? String(i) : "\(i)-\(j)")
            i = j + 1
        }
        return parts.joined(separator: ",")
    }
}
