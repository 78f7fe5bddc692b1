/// A job's task distribution (`task_dist_states_t`, slurm/slurm.h) read from the text `sbatch
/// --distribution` and the REST `distribution` field take: `plane=N`, or up to three levels
/// (node:socket:core) of `block`, `cyclic` and `fcyclic` with `*` for a level's default, or
/// `arbitrary`, optionally followed by `,pack` or `,nopack` (`verify_dist_type`,
/// src/common/proc_args.c).
struct TaskDistribution: Equatable {
    /// The `task_dist` value: a level code per nibble in the low 16 bits, flags above.
    let value: UInt32
    /// The plane size a `plane=N` distribution names.
    let planeSize: UInt32?

    static let stateBase: UInt32 = 0x00ffff
    static let stateFlags: UInt32 = 0xff0000
    static let cyclic: UInt32 = 0x1
    static let block: UInt32 = 0x2
    static let arbitrary: UInt32 = 0x3
    static let plane: UInt32 = 0x4
    static let unknown: UInt32 = 0x2000
    static let packNodes: UInt32 = 0x80_0000
    static let noPackNodes: UInt32 = 0x40_0000

    /// Why a text is not a distribution.
    struct Invalid: Error, Equatable {
        let reason: String
    }

    /// Level words and their codes; `fcyclic` exists below the node level only.
    static let levelCodes: [(word: String, code: UInt32)] = [("cyclic", 1), ("block", 2), ("fcyclic", 3)]

    static func parse(_ text: String) throws(Invalid) -> TaskDistribution {
        if text.utf8.count >= 5, text.prefix(5).lowercased() == "plane" {
            return TaskDistribution(value: plane, planeSize: try planeSize(text))
        }
        return TaskDistribution(value: try base(text), planeSize: nil)
    }

    /// The size after `=` in `plane=N`: a positive decimal that fits an int. (The original falls
    /// back to its own process environment's SLURM_DIST_PLANESIZE; a server has none to offer.)
    static func planeSize(_ text: String) throws(Invalid) -> UInt32 {
        guard let equals = text.firstIndex(of: "=") else { throw Invalid(reason: "plane needs a size, as in plane=4") }
        let digits = text[text.index(after: equals)...]
        guard let n = CNumber.strtol(digits), n.rest.isEmpty, n.value > 0, n.value <= Int(Int32.max) else {
            throw Invalid(reason: "the plane size must be a positive number")
        }
        return UInt32(n.value)
    }

    /// `_parse_dist_base`: levels joined by `:` (empty ones skipped, as strtok does), then flags after
    /// the first comma.
    static func base(_ text: String) throws(Invalid) -> UInt32 {
        guard let first = text.first, first != "," else { throw Invalid(reason: "the distribution is empty") }
        let head: Substring, flags: Substring?
        if let comma = text.firstIndex(of: ",") {
            head = text[..<comma]
            flags = text[text.index(after: comma)...]
        } else {
            head = Substring(text)
            flags = nil
        }
        let levels = head.split(separator: ":").map { String($0) }
        guard !levels.isEmpty else { throw Invalid(reason: "the distribution is empty") }
        guard levels.count <= 3 else { throw Invalid(reason: "at most three levels (node:socket:core)") }
        // `*` stands for a level's default: block for nodes, cyclic for sockets, the socket's for cores.
        var words: [String] = []
        for (i, level) in levels.enumerated() {
            if level != "*" { words.append(level); continue }
            switch i {
            case 0: words.append("block")
            case 1: words.append("cyclic")
            default: words.append(words[1])
            }
        }
        var result = try levelValue(words.map { $0.lowercased() })
        if let flags, !flags.isEmpty { result = try flagged(result, String(flags)) }
        return result
    }

    /// The value of the joined level words, or of a lone `pack`/`nopack` (the default layout with a flag).
    static func levelValue(_ words: [String]) throws(Invalid) -> UInt32 {
        if words.count == 1 {
            switch words[0] {
            case "cyclic": return cyclic
            case "block": return block
            case "arbitrary", "hostfile": return arbitrary
            default: return try flagged(unknown, words[0])
            }
        }
        guard let node = levelCodes.first(where: { $0.word == words[0] && $0.code != 3 }) else {
            throw Invalid(reason: "unknown node distribution \"\(words[0])\"")
        }
        var value = node.code
        for (i, word) in words.dropFirst().enumerated() {
            guard let level = levelCodes.first(where: { $0.word == word }) else {
                throw Invalid(reason: "unknown distribution \"\(word)\"")
            }
            value |= level.code << (4 * UInt32(i + 1))
        }
        return value
    }

    /// `_parse_dist_flag`: `pack` or `nopack` added to `value`.
    static func flagged(_ value: UInt32, _ word: String) throws(Invalid) -> UInt32 {
        switch word.lowercased() {
        case "pack": return value | packNodes
        case "nopack": return value | noPackNodes
        default: throw Invalid(reason: "unknown distribution \"\(word)\"")
        }
    }

    /// `format_task_dist_states`: the layout's words.
    static func baseText(_ value: UInt32) -> String {
        switch value & stateBase {
        case block: return "block"
        case cyclic: return "cyclic"
        case plane: return "plane"
        case arbitrary: return "arbitrary"
        case let v:
            var words: [String] = []
            for shift: UInt32 in [0, 4, 8] {
                let code = (v >> shift) & 0xf
                if code == 0 { break }
                guard let word = levelCodes.first(where: { $0.code == code })?.word, shift > 0 || code != 3 else {
                    return "unknown"
                }
                words.append(word)
            }
            return words.count >= 2 && v < 0x1000 ? words.joined(separator: ":") : "unknown"
        }
    }

    /// `set_distribution`: what a job's SLURM_DISTRIBUTION says; nil for no distribution.
    static func environmentText(_ value: UInt32) -> String? {
        guard Int32(bitPattern: value) > 0, value != unknown else { return nil }
        var text: String?
        if value & stateBase != unknown { text = baseText(value) }
        switch value & stateFlags {
        case 0: break
        case packNodes: text = text.map { $0 + ",pack" } ?? "pack"
        case noPackNodes: text = text.map { $0 + ",nopack" } ?? "nopack"
        default: break // both flags: the original logs an error and adds neither
        }
        return text
    }
}

/// C's `strtol` on decimal text: leading white space, an optional sign, digits; nil without digits.
/// Values are clamped far beyond any count Slurm accepts, so no arithmetic can trap.
enum CNumber {
    static func strtol(_ text: Substring) -> (value: Int, rest: Substring)? {
        var i = text.startIndex
        while i < text.endIndex, text[i].isCSpace { i = text.index(after: i) }
        var negative = false
        if i < text.endIndex, text[i] == "+" || text[i] == "-" {
            negative = text[i] == "-"
            i = text.index(after: i)
        }
        let digitsStart = i
        var value = 0
        while i < text.endIndex, let d = text[i].wholeNumberValue, text[i].isASCII {
            value = min(value * 10 + d, Int(Int64.max / 16))
            i = text.index(after: i)
        }
        guard i > digitsStart else { return nil }
        return (negative ? -value : value, text[i...])
    }

    /// `xstring_is_whitespace`.
    static func isBlank(_ text: Substring) -> Bool { text.allSatisfy(\.isCSpace) }
}

extension Character {
    /// C's `isspace` in the C locale.
    var isCSpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\u{0B}" || self == "\u{0C}" }
}
