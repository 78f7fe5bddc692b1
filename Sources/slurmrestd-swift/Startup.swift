#if canImport(Glibc)
import Glibc
#endif
import SlurmParsing
import SlurmController
import SlurmRoutes

/// Everything decided once per process, before the first byte of the conversation is read.
struct Startup {
    let options: Options
    let conf: SlurmConf
    let authPlugins: [RESTAuthPlugin]
    let pinnedVersion: ProtocolVersion?
    let peer: Peer

    static let version = "0.1.0"

    static func prepare(arguments: [String]) throws(StartupFailure) -> Startup {
        let options: Options
        do {
            options = try Options.parse(arguments: arguments) { name in getenv(name).map { String(cString: $0) } }
        } catch {
            throw .fatal("\(error.message)\n\n" + Options.usage, exitCode: 1)
        }
        if options.showHelp { throw .finished(stderr: Options.usage) }
        if options.showVersion {
            throw .finished(stdout: "slurmrestd-swift \(version) (REST API v0.0.43 of slurmrestd \(Meta.release); Slurm 22.05 to 26.05 controllers)\n")
        }
        if options.generateSpec {
            // Like the original: before slurm.conf and the user check, so anyone may print it.
            var w = JSONWriter(pretty: !options.compactJSON)
            OpenAPIDocument.write(into: &w)
            throw .finished(stdout: String(decoding: w.takeBytes(), as: UTF8.self) + "\n")
        }
        if !options.listen.isEmpty {
            throw .fatal("this program does not listen on sockets (\(options.listen.joined(separator: ", "))): " +
                         "run it from inetd, xinetd or a systemd socket unit with Accept=yes", exitCode: 1)
        }
        if options.authTypes == ["list"] { throw .finished(stdout: "rest_auth/local\nrest_auth/jwt\n") }
        if options.dataParsers.first?.hasPrefix("list") == true { throw .finished(stdout: "data_parser/v0.0.43\n") }
        if options.openapiPlugins == ["list"] { throw .finished(stdout: "openapi/slurmctld\n") }
        // The plugins a site asks for must include what this build serves, or nothing would be served.
        if !options.dataParsers.isEmpty,
           !options.dataParsers.contains(where: { ["v0.0.43", "data_parser/v0.0.43"].contains($0.split(separator: "+").first.map(String.init) ?? "") }) {
            throw .fatal("this build serves data_parser/v0.0.43 only; -d \(options.dataParsers.joined(separator: ",")) leaves nothing to serve", exitCode: 1)
        }
        if !options.openapiPlugins.isEmpty,
           !options.openapiPlugins.contains(where: { $0 == "slurmctld" || $0 == "openapi/slurmctld" }) {
            throw .fatal("this build serves openapi/slurmctld only; -s \(options.openapiPlugins.joined(separator: ",")) leaves nothing to serve", exitCode: 1)
        }
        var pinned: ProtocolVersion?
        if let text = options.protocolVersion {
            guard let v = ProtocolVersion(releaseOrNumber: text) else {
                throw .fatal("unknown Slurm protocol version \"\(text)\": use a release from 22.05 to 26.05", exitCode: 1)
            }
            pinned = v
        }

        let conf = try loadConf(options)
        try switchIdentity(options)
        try refusePrivilegedUser(options, conf)

        let plugins: [RESTAuthPlugin] = options.authTypes.isEmpty
            ? [.jwt, .local] : options.authTypes.compactMap(RESTAuthPlugin.init(rawValue:))
        return Startup(options: options, conf: conf, authPlugins: plugins, pinnedVersion: pinned,
                       peer: Peer.ofStandardInput())
    }

    /// `-f`, then `$SLURM_CONF`, then the default path; Include lines are read relative to it.
    static func loadConf(_ options: Options) throws(StartupFailure) -> SlurmConf {
        let path = options.configPath ?? getenv("SLURM_CONF").map { String(cString: $0) } ?? "/etc/slurm/slurm.conf"
        guard let text = FileSystem.read(path) else {
            throw .fatal("unable to read slurm.conf at \(path): \(String(cString: strerror(errno)))", exitCode: 1)
        }
        do {
            return try SlurmConf.parse(text: text, path: path, readFile: FileSystem.read, expandGlob: FileSystem.glob)
        } catch {
            // The error names the file (and line) itself.
            throw .fatal("\(error)", exitCode: 1)
        }
    }

    /// `-g` then `-u`, as the original: drop supplementary groups, set the group, then the user.
    /// With `-u` alone the process takes the user's own groups (primary and supplementary), where
    /// the original would keep those of whoever started it (root's, under a super-server).
    static func switchIdentity(_ options: Options) throws(StartupFailure) {
        var accountUID: uid_t?
        if options.setGroup == nil, let user = options.setUser {
            guard let account = Accounts.passwordEntry(user) else { throw .fatal("unknown user \(user)", exitCode: 1) }
            guard initgroups(account.name, account.gid) == 0, setgid(account.gid) == 0 else {
                throw .fatal("unable to take the groups of user \(user): \(String(cString: strerror(errno)))", exitCode: 1)
            }
            accountUID = account.uid
        }
        if let group = options.setGroup {
            guard let gid = Accounts.groupID(group) else { throw .fatal("unknown group \(group)", exitCode: 1) }
            guard setgroups(0, nil) == 0, setgid(gid) == 0 else {
                throw .fatal("unable to switch to group \(group): \(String(cString: strerror(errno)))", exitCode: 1)
            }
        }
        if let user = options.setUser {
            guard let uid = accountUID ?? Accounts.userID(user) else { throw .fatal("unknown user \(user)", exitCode: 1) }
            guard setuid(uid) == 0 else {
                throw .fatal("unable to switch to user \(user): \(String(cString: strerror(errno)))", exitCode: 1)
            }
        }
    }

    /// Like the original: never serve as root or as SlurmUser, whose credentials the controller
    /// trusts for everything.
    static func refusePrivilegedUser(_ options: Options, _ conf: SlurmConf) throws(StartupFailure) {
        if options.security.contains("disable_user_check") { return }
        let uid = getuid()
        if uid == 0 || geteuid() == 0 {
            throw .fatal("slurmrestd-swift must not run as the root user (use -u, or run it as an ordinary user)", exitCode: 1)
        }
        if let slurmUser = Accounts.userID(conf.slurmUser), slurmUser == uid {
            throw .fatal("slurmrestd-swift must not run as SlurmUser (\(conf.slurmUser))", exitCode: 1)
        }
    }
}

enum StartupFailure: Error {
    /// Nothing went wrong: print this and exit 0 (help, version).
    case finished(stdout: String = "", stderr: String = "")
    case fatal(String, exitCode: Int32)

    var exitCode: Int32 {
        switch self {
        case .finished: 0
        case .fatal(_, let code): code
        }
    }

    func report() {
        switch self {
        case .finished(let out, let err):
            FileSystem.write(1, out)
            FileSystem.write(2, err)
        case .fatal(let message, _):
            FileSystem.write(2, "slurmrestd-swift: fatal: \(message)\n")
        }
    }
}
