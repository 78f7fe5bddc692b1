import Foundation
import XCTest

/// The running lab (Tests/lab/lab.sh start): cluster config paths, ports, the JWT key, and ways to
/// run our executable and the real slurmrestd against a cluster with a raw HTTP request.
struct Lab {
    enum Cluster: String, CaseIterable {
        case lab22, lab24, lab26
        var envPrefix: String { rawValue.uppercased() }
    }

    let env: [String: String]
    let repo: URL
    let executable: URL

    /// Loads `$LAB_ROOT/lab.env`. Without a running lab the tests are skipped, unless
    /// `LAB_REQUIRED=1` (the README's test command and CI) makes that a failure.
    static func require(file: StaticString = #filePath, line: UInt = #line) throws -> Lab {
        let root = ProcessInfo.processInfo.environment["LAB_ROOT"] ?? "/var/lib/slurmrestd-swift-lab"
        let required = ProcessInfo.processInfo.environment["LAB_REQUIRED"] == "1"
        guard let text = try? String(contentsOfFile: root + "/lab.env", encoding: .utf8) else {
            if required { XCTFail("lab.env not found under \(root): start the lab (Tests/lab/lab.sh start)", file: file, line: line) }
            throw XCTSkip("no lab running (Tests/lab/lab.sh start)")
        }
        var env: [String: String] = [:]
        for line in text.split(separator: "\n") where line.contains("=") && !line.hasPrefix("#") {
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            var value = String(parts[1])
            if value.hasPrefix("'") && value.hasSuffix("'") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            if value.hasPrefix("\"") && value.hasSuffix("\"") && value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            env[String(parts[0])] = value
        }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let configured = ProcessInfo.processInfo.environment["SLURMRESTD_SWIFT_BIN"]
        let candidates = [configured, repo.path + "/.build/release/slurmrestd-swift", repo.path + "/.build/debug/slurmrestd-swift"]
        guard let bin = candidates.compactMap({ $0 }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            XCTFail("slurmrestd-swift is not built (swift build)", file: file, line: line)
            throw XCTSkip("not built")
        }
        return Lab(env: env, repo: repo, executable: URL(fileURLWithPath: bin))
    }

    func conf(_ c: Cluster) -> String { env["\(c.envPrefix)_CONF"]! }

    /// Runs a Slurm command as root with the cluster's own client tools and configuration (inside
    /// its folder for the chroot clusters), as lab.sh does; its standard output.
    func inCluster(_ c: Cluster, _ command: [String]) throws -> String {
        let folder = env["\(c.envPrefix)_FOLDER"] ?? ""
        let argv = folder.isEmpty
            ? ["/usr/bin/env", "SLURM_CONF=\(conf(c))"] + command
            : ["/usr/sbin/chroot", folder, "/usr/bin/env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
               "SLURM_CONF=\(conf(c).dropFirst(folder.count))"] + command
        let run = try run(argv, input: Data())
        guard run.status == 0 else { throw LabError("\(command.joined(separator: " ")): \(run.stderr)") }
        return String(decoding: run.stdout, as: UTF8.self)
    }

    /// A fresh token for `user`, signed with the lab's key.
    func token(_ user: String, lifespan: Int = 600) throws -> String {
        let out = try run(["/bin/bash", repo.path + "/Tests/lab/lab.sh", "token", user, String(lifespan)], input: Data())
        return String(decoding: out.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Our executable as `alice`, serving `request` from a pipe.
    func ours(_ c: Cluster, _ request: String, arguments: [String] = [], environment: [String: String] = [:]) throws -> RunResult {
        try run(["/usr/bin/setpriv", "--reuid=alice", "--regid=alice", "--clear-groups", executable.path,
                 "-f", conf(c)] + arguments, input: Data(request.utf8), environment: environment)
    }

    /// The real slurmrestd of the cluster's own release, as `alice`, inet mode.
    func real(_ c: Cluster, _ request: String) throws -> RunResult {
        try run(["/bin/bash", repo.path + "/Tests/lab/lab.sh", "real-slurmrestd", c.rawValue], input: Data(request.utf8))
    }

    struct RunResult {
        let stdout: Data
        let stderr: String
        let status: Int32
    }

    /// Runs a program to completion with `input` on stdin (posix_spawn and waitpid: no run loop
    /// or signal thread involved, so it behaves the same beside background processes).
    func run(_ argv: [String], input: Data, environment: [String: String] = [:], timeout: TimeInterval = 60) throws -> RunResult {
        let dir = FileManager.default.temporaryDirectory.path
        let id = UUID().uuidString
        let inPath = "\(dir)/lab-in-\(id)", outPath = "\(dir)/lab-out-\(id)", errPath = "\(dir)/lab-err-\(id)"
        try input.write(to: URL(fileURLWithPath: inPath))
        defer { for p in [inPath, outPath, errPath] { unlink(p) } }
        let pid = try spawn(argv, environment: environment, stdin: inPath, stdout: outPath, stderr: errPath)
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw LabError("timed out: \(argv.joined(separator: " "))")
            }
            usleep(1_000)
        }
        let out = try Data(contentsOf: URL(fileURLWithPath: outPath))
        let err = String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self)
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return RunResult(stdout: out, stderr: err, status: exit)
    }

    /// Starts a program with its standard streams on files (/dev/null when nil); returns its pid.
    func spawn(_ argv: [String], environment: [String: String] = [:], stdin: String? = nil, stdout: String? = nil,
               stderr: String? = nil) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv)
        guard rc == 0 else { throw LabError("cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
        return pid
    }
}

struct LabError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Builds a raw HTTP/1.1 request with CRLF line ends.
func httpRequest(_ method: String = "GET", _ path: String, headers: [(String, String)] = [],
                 body: String = "", close: Bool = true) -> String {
    var lines = ["\(method) \(path) HTTP/1.1", "Host: localhost"]
    for (k, v) in headers { lines.append("\(k): \(v)") }
    if !body.isEmpty { lines.append("Content-Length: \(body.utf8.count)") }
    if close { lines.append("Connection: close") }
    return lines.joined(separator: "\r\n") + "\r\n\r\n" + body
}
