/// Command-line flags and environment variables, declared once: parsing, precedence and the usage
/// text all come from `Options.table`. Flags and `SLURMRESTD_*` names are the original slurmrestd's,
/// plus two of our own (read timeout, protocol version pin).
struct Options {
    var authTypes: [String] = []
    var dataParsers: [String] = []
    var openapiPlugins: [String] = []
    var configPath: String?
    var setGroup: String?
    var setUser: String?
    var verbosity = 0
    var readTimeoutSeconds = 60
    var protocolVersion: String?
    var compactJSON = false
    var security: [String] = []
    var listen: [String] = []
    var showVersion = false
    var showHelp = false
    var generateSpec = false

    struct Entry {
        let short: Character?
        let long: String?
        let environment: String?
        let valueName: String?
        let help: String
        let apply: (inout Options, String) throws(OptionsError) -> Void
    }

    static let table: [Entry] = [
        Entry(short: "a", long: nil, environment: "SLURMRESTD_AUTH_TYPES", valueName: "plugins",
              help: "REST authentication: rest_auth/jwt, rest_auth/local (comma list; default: both)") { o, v throws(OptionsError) in
            o.authTypes = commaList(v).map { $0.hasPrefix("rest_auth/") ? String($0.dropFirst(10)) : $0 }
            for t in o.authTypes where t != "jwt" && t != "local" && t != "list" {
                throw OptionsError("unknown authentication plugin: rest_auth/\(t)")
            }
        },
        Entry(short: "d", long: nil, environment: "SLURMRESTD_DATA_PARSER_PLUGINS", valueName: "plugins",
              help: "data_parser plugins to serve: this build serves v0.0.43 (list: show them)") { o, v in
            o.dataParsers = commaList(v)
        },
        Entry(short: "f", long: nil, environment: nil, valueName: "slurm.conf",
              help: "slurm.conf to read (else $SLURM_CONF, else /etc/slurm/slurm.conf)") { o, v in o.configPath = v },
        Entry(short: "g", long: nil, environment: nil, valueName: "group",
              help: "switch to this group before serving") { o, v in o.setGroup = v },
        Entry(short: "h", long: "help", environment: nil, valueName: nil,
              help: "print this text and exit") { o, _ in o.showHelp = true },
        Entry(short: "s", long: nil, environment: "SLURMRESTD_OPENAPI_PLUGINS", valueName: "plugins",
              help: "OpenAPI plugins to serve: this build serves slurmctld (list: show them)") { o, v in
            o.openapiPlugins = commaList(v)
        },
        Entry(short: "t", long: nil, environment: nil, valueName: "threads",
              help: "worker threads (ignored: one process serves one connection)") { _, _ in },
        Entry(short: "u", long: nil, environment: nil, valueName: "user",
              help: "switch to this user before serving") { o, v in o.setUser = v },
        Entry(short: "v", long: nil, environment: nil, valueName: nil,
              help: "log each request to stderr (method, path, status, milliseconds)") { o, _ in o.verbosity += 1 },
        Entry(short: "V", long: nil, environment: nil, valueName: nil,
              help: "print the version and exit") { o, _ in o.showVersion = true },
        Entry(short: nil, long: "generate-openapi-spec", environment: nil, valueName: nil,
              help: "print the OpenAPI document of what is served and exit") { o, _ in o.generateSpec = true },
        Entry(short: nil, long: "max-connections", environment: "SLURMRESTD_MAX_CONNECTIONS", valueName: "count",
              help: "accepted for compatibility; the super-server limits connections") { _, v throws(OptionsError) in
            guard let n = Int(v), n >= 1 else { throw OptionsError("--max-connections needs a number of at least 1") }
        },
        Entry(short: nil, long: "read-timeout", environment: "SLURMRESTD_READ_TIMEOUT", valueName: "seconds",
              help: "drop a silent or stalled client after this many seconds (default 60)") { o, v throws(OptionsError) in
            guard let n = Int(v), n >= 1, n <= 86400 else { throw OptionsError("read timeout must be 1 to 86400 seconds") }
            o.readTimeoutSeconds = n
        },
        Entry(short: nil, long: "protocol-version", environment: "SLURMRESTD_PROTOCOL_VERSION", valueName: "release",
              help: "speak this Slurm release's RPC protocol (22.05 ... 26.05) instead of discovering it") { o, v in
            o.protocolVersion = v
        },
        Entry(short: nil, long: nil, environment: "SLURMRESTD_JSON", valueName: "compact|pretty",
              help: "JSON layout (default pretty)") { o, v in o.compactJSON = (v == "compact") },
        Entry(short: nil, long: nil, environment: "SLURMRESTD_SECURITY", valueName: "flags",
              help: "disable_user_check allows running as root or SlurmUser") { o, v in o.security = commaList(v) },
        Entry(short: nil, long: nil, environment: "SLURMRESTD_LISTEN", valueName: "addresses",
              help: "not supported: this program serves the connection on stdin/stdout") { o, v in o.listen += commaList(v) },
    ]

    /// Environment first, then the command line, so flags override variables.
    static func parse(arguments: [String], environment: (String) -> String?) throws(OptionsError) -> Options {
        var o = Options()
        for e in table {
            if let name = e.environment, let value = environment(name), !value.isEmpty { try e.apply(&o, value) }
        }
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            i += 1
            let entry: Entry
            var inlineValue: String?
            if arg.hasPrefix("--") {
                let body = arg.dropFirst(2)
                let name = body.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                if body.contains("=") { inlineValue = String(body.drop(while: { $0 != "=" }).dropFirst()) }
                guard let e = table.first(where: { $0.long == name }) else { throw OptionsError("unknown option: \(arg)") }
                entry = e
            } else if arg.hasPrefix("-") && arg.count >= 2 {
                let letter = arg[arg.index(after: arg.startIndex)]
                guard let e = table.first(where: { $0.short == letter }) else { throw OptionsError("unknown option: \(arg)") }
                entry = e
                if arg.count > 2 {
                    if e.valueName != nil { inlineValue = String(arg.dropFirst(2)) }
                    else {
                        // Grouped flags such as -vvv.
                        for c in arg.dropFirst(1) {
                            guard let g = table.first(where: { $0.short == c && $0.valueName == nil }) else {
                                throw OptionsError("unknown option: -\(c)")
                            }
                            try g.apply(&o, "")
                        }
                        continue
                    }
                }
            } else {
                o.listen.append(arg)
                continue
            }
            if entry.valueName != nil {
                let value: String
                if let inlineValue { value = inlineValue }
                else {
                    guard i < arguments.count else { throw OptionsError("option \(arg) needs a value") }
                    value = arguments[i]
                    i += 1
                }
                try entry.apply(&o, value)
            } else {
                try entry.apply(&o, "")
            }
        }
        return o
    }

    static var usage: String {
        var text = "Usage: slurmrestd-swift [OPTIONS]\n"
        text += "Serves one HTTP connection on stdin/stdout (run it from inetd, xinetd or a systemd socket).\n\n"
        for e in table {
            var names: [String] = []
            if let s = e.short { names.append("-\(s)") }
            if let l = e.long { names.append("--\(l)") }
            if let env = e.environment { names.append("$\(env)") }
            if names.isEmpty { continue }
            var left = names.joined(separator: ", ")
            if let v = e.valueName { left += " <\(v)>" }
            text += "  " + left + "\n      " + e.help + "\n"
        }
        return text
    }
}

struct OptionsError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

func commaList(_ s: String) -> [String] {
    s.split(separator: ",").map { String($0.drop(while: { $0 == " " })) }.filter { !$0.isEmpty }
}
