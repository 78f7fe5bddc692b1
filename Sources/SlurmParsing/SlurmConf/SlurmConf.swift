/// The parts of slurm.conf a REST gateway needs, plus every other key as written.
///
/// Parsing is pure: the caller supplies the text of the main file and closures that read other files
/// and expand `Include` patterns, so this module does no I/O.
public struct SlurmConf: Sendable, Equatable {
    /// A controller line: `SlurmctldHost=name` or `SlurmctldHost=name(address)`. The first is the
    /// primary, the others are backups in order.
    public struct Controller: Sendable, Equatable {
        public var name: String
        public var address: String?
    }

    public var controllers: [Controller] = []
    /// `SlurmctldPort`: one port, or every port of a range such as `6817-6820`.
    public var slurmctldPorts: [UInt16] = [6817]
    public var clusterName: String?
    public var authType = "auth/munge"
    public var authAltTypes: [String] = []
    /// `AuthAltParameters`, e.g. `jwt_key` → `/etc/slurm/jwt.key`; flags without `=` map to "".
    public var authAltParameters: [String: String] = [:]
    /// `AuthInfo`, e.g. `socket` → `/run/munge/munge.socket.2`, `ttl` → `60`.
    public var authInfo: [String: String] = [:]
    public var slurmUser = "root"
    /// Seconds; libslurm's default is 10.
    public var messageTimeout = 10
    public var accountingStorageType: String?
    /// Every `key=value` pair of the top-level lines, keys lower-cased, in file order.
    public var settings: [(key: String, value: String)] = []

    public static func == (a: SlurmConf, b: SlurmConf) -> Bool {
        a.controllers == b.controllers && a.slurmctldPorts == b.slurmctldPorts && a.clusterName == b.clusterName
            && a.authType == b.authType && a.authAltTypes == b.authAltTypes
            && a.authAltParameters == b.authAltParameters && a.authInfo == b.authInfo && a.slurmUser == b.slurmUser
            && a.messageTimeout == b.messageTimeout && a.accountingStorageType == b.accountingStorageType
            && a.settings.elementsEqual(b.settings, by: { $0.key == $1.key && $0.value == $1.value })
    }

    public init() {}
}

public struct SlurmConfError: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String
    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

extension SlurmConf {
    /// Include nesting deeper than this is treated as a loop.
    static let maxIncludeDepth = 16

    public static func parse(text: String, path: String, readFile: (String) -> String?,
                             expandGlob: (String) -> [String]) throws(SlurmConfError) -> SlurmConf {
        var conf = SlurmConf()
        var legacy = LegacyControllers()
        try conf.read(text: text, path: path, depth: 0, readFile: readFile, expandGlob: expandGlob, legacy: &legacy)
        if conf.controllers.isEmpty { conf.controllers = legacy.controllers }
        guard !conf.controllers.isEmpty else {
            throw SlurmConfError(file: path, line: 0, message: "no SlurmctldHost: which controller should be asked?")
        }
        return conf
    }

    /// The pre-18.08 spelling: ControlMachine/ControlAddr and BackupController/BackupAddr.
    struct LegacyControllers {
        var primary: String?, primaryAddress: String?, backup: String?, backupAddress: String?
        var controllers: [Controller] {
            var out: [Controller] = []
            if let p = primary { out.append(Controller(name: p, address: primaryAddress)) }
            if let b = backup { out.append(Controller(name: b, address: backupAddress)) }
            return out
        }
    }

    mutating func read(text: String, path: String, depth: Int, readFile: (String) -> String?,
                       expandGlob: (String) -> [String], legacy: inout LegacyControllers) throws(SlurmConfError) {
        guard depth < Self.maxIncludeDepth else {
            throw SlurmConfError(file: path, line: 0, message: "Include nested too deeply (a loop?)")
        }
        for (number, line) in Self.logicalLines(text) {
            let pairs = Self.pairs(line)
            guard let first = pairs.first else { continue }
            if first.key.lowercased() == "include" {
                let target = first.value.hasPrefix("/") ? first.value : Self.directory(of: path) + "/" + first.value
                let matches = target.contains(where: { "*?[".contains($0) }) ? expandGlob(target) : [target]
                for file in matches {
                    guard let included = readFile(file) else {
                        throw SlurmConfError(file: path, line: number, message: "cannot read included file \(file)")
                    }
                    try read(text: included, path: file, depth: depth + 1, readFile: readFile,
                             expandGlob: expandGlob, legacy: &legacy)
                }
                continue
            }
            // NodeName=, PartitionName=, ... lines describe records, not settings.
            if Self.recordKeys.contains(first.key.lowercased()) { continue }
            for pair in pairs {
                try apply(pair.key.lowercased(), pair.value, file: path, line: number, legacy: &legacy)
            }
        }
    }

    static let recordKeys: Set<String> = ["nodename", "partitionname", "frontendname", "downnodes", "nodeset"]

    mutating func apply(_ key: String, _ value: String, file: String, line: Int,
                        legacy: inout LegacyControllers) throws(SlurmConfError) {
        settings.append((key, value))
        switch key {
        case "slurmctldhost":
            if let open = value.firstIndex(of: "("), value.hasSuffix(")") {
                let name = String(value[..<open])
                let address = String(value[value.index(after: open)..<value.index(before: value.endIndex)])
                controllers.append(Controller(name: name, address: address.isEmpty ? nil : address))
            } else {
                controllers.append(Controller(name: value, address: nil))
            }
        case "controlmachine": legacy.primary = value
        case "controladdr": legacy.primaryAddress = value
        case "backupcontroller": legacy.backup = value
        case "backupaddr": legacy.backupAddress = value
        case "slurmctldport":
            guard let ports = Self.portRange(value) else {
                throw SlurmConfError(file: file, line: line, message: "invalid SlurmctldPort \(value)")
            }
            slurmctldPorts = ports
        case "clustername": clusterName = value.lowercased()
        case "authtype": authType = value
        case "authalttypes": authAltTypes = Self.commaList(value)
        case "authaltparameters": authAltParameters = Self.parameters(value)
        case "authinfo": authInfo = Self.parameters(value)
        case "slurmuser": slurmUser = value
        case "messagetimeout":
            guard let seconds = Int(value), seconds > 0 else {
                throw SlurmConfError(file: file, line: line, message: "invalid MessageTimeout \(value)")
            }
            messageTimeout = seconds
        // Slurm reads any type naming "none" as no accounting (read_config.c).
        case "accountingstoragetype": accountingStorageType = value.lowercased().contains("none") ? nil : value
        default: break
        }
    }

    // MARK: - Lexing

    /// Lines with comments removed (`#` starts one, `\#` is a literal `#`) and backslash
    /// continuations joined, numbered by the line they start on.
    static func logicalLines(_ text: String) -> [(Int, String)] {
        // Bytes, not Characters: every delimiter is ASCII, and this runs for every connection.
        var out: [(Int, String)] = []
        var pending: [UInt8] = []
        var pendingStart = 0
        for (index, raw) in text.utf8.split(separator: newline, omittingEmptySubsequences: false).enumerated() {
            var line: [UInt8] = []
            var escaped = false
            for c in raw where c != carriageReturn {
                if escaped {
                    if c != hash { line.append(backslash) }
                    line.append(c)
                    escaped = false
                    continue
                }
                if c == backslash { escaped = true; continue }
                if c == hash { break }
                line.append(c)
            }
            if pending.isEmpty { pendingStart = index + 1 }
            pending += line
            if escaped { continue }  // a trailing backslash continues the line
            if !pending.allSatisfy(isBlank) { out.append((pendingStart, String(decoding: pending, as: UTF8.self))) }
            pending = []
        }
        if !pending.isEmpty { out.append((pendingStart, String(decoding: pending, as: UTF8.self))) }
        return out
    }

    /// `Key=Value Key2="quoted value"` → pairs; `Include path` → ("Include", path).
    static func pairs(_ line: String) -> [(key: String, value: String)] {
        let b = Array(line.utf8)
        var i = 0
        while i < b.count, isBlank(b[i]) { i += 1 }
        let include = Array("include".utf8)
        if b.count - i > include.count, isBlank(b[i + include.count]),
           zip(b[i...], include).allSatisfy({ $0 | 0x20 == $1 }) {
            var start = i + include.count, end = b.count
            while start < end, isBlank(b[start]) { start += 1 }
            while end > start, isBlank(b[end - 1]) { end -= 1 }
            return [("Include", String(decoding: b[start..<end], as: UTF8.self))]
        }
        var out: [(String, String)] = []
        while i < b.count {
            while i < b.count, isBlank(b[i]) { i += 1 }
            guard i < b.count else { break }
            let keyStart = i
            while i < b.count, b[i] != equals, !isBlank(b[i]) { i += 1 }
            let key = String(decoding: b[keyStart..<i], as: UTF8.self)
            var value = ""
            if i < b.count, b[i] == equals {
                i += 1
                let quoted = i < b.count && b[i] == quote
                if quoted { i += 1 }
                let valueStart = i
                while i < b.count, quoted ? b[i] != quote : !isBlank(b[i]) { i += 1 }
                value = String(decoding: b[valueStart..<i], as: UTF8.self)
                if quoted, i < b.count { i += 1 }
            }
            if !key.isEmpty { out.append((key, value)) }
        }
        return out
    }

    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r"), hash = UInt8(ascii: "#")
    private static let backslash = UInt8(ascii: "\\"), equals = UInt8(ascii: "="), quote = UInt8(ascii: "\"")
    private static func isBlank(_ c: UInt8) -> Bool { c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") }

    static func commaList(_ s: String) -> [String] {
        s.split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
    }

    static func parameters(_ s: String) -> [String: String] {
        var out: [String: String] = [:]
        for item in commaList(s) {
            let kv = item.split(separator: "=", maxSplits: 1)
            out[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
        }
        return out
    }

    /// `6817` → [6817]; `6817-6820` → [6817, 6818, 6819, 6820].
    static func portRange(_ s: String) -> [UInt16]? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let low = UInt16(parts[0]), let high = UInt16(parts.last!),
              low > 0, low <= high else { return nil }
        return Array(low...high)
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
