import Foundation
import XCTest

/// The executable as deployed: one process per connection under systemd-socket-activate (TCP and
/// a UNIX socket for rest_auth/local) and under a real xinetd.
final class SuperServerTests: XCTestCase {
    /// Starts a background process and stops it when the test ends.
    func background(_ lab: Lab, _ argv: [String]) throws {
        let pid = try lab.spawn(argv)
        addTeardownBlock {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }

    /// Sends raw bytes to `address` (`host:port` or a UNIX socket path) with socat as `user`; returns the reply.
    func exchange(_ lab: Lab, _ address: String, _ request: String, user: String = "root") throws -> Data {
        let target = address.hasPrefix("/") ? "UNIX-CONNECT:\(address)" : "TCP:\(address)"
        for _ in 0..<50 {
            let run = try lab.run(["/usr/bin/setpriv", "--reuid=\(user)", "--regid=\(user)", "--clear-groups",
                                   "/usr/bin/socat", "-t", "30", "-", target], input: Data(request.utf8))
            if run.status == 0 && !run.stdout.isEmpty { return run.stdout }
            usleep(100_000)
        }
        throw LabError("no answer from \(address)")
    }

    static func freePort() -> Int { Int.random(in: 20000..<30000) }

    func testSystemdSocketActivateTCP() throws {
        let lab = try Lab.require()
        let port = Self.freePort()
        try background(lab, ["/usr/bin/systemd-socket-activate", "--inetd", "-a", "-l", "127.0.0.1:\(port)",
                            "/usr/bin/setpriv", "--reuid=alice", "--regid=alice", "--clear-groups",
                            lab.executable.path, "-f", lab.conf(.lab26)])
        let token = try lab.token("alice")
        // Two requests on one connection, the second closing it.
        let request = httpRequest("GET", "/slurm/v0.0.43/ping", headers: [("Authorization", "Bearer \(token)")], close: false)
            + httpRequest("GET", "/slurm/v0.0.43/licenses", headers: [("Authorization", "Bearer \(token)")])
        let (responses, rest) = parseResponses(try exchange(lab, "127.0.0.1:\(port)", request))
        XCTAssertEqual(responses.map(\.status), [200, 200])
        XCTAssertEqual(rest.count, 0)
        XCTAssertNotNil((responses.first?.json as? [String: Any])?["pings"])
        XCTAssertNotNil((responses.last?.json as? [String: Any])?["licenses"])
    }

    func testLocalAuthOverUnixSocket() throws {
        let lab = try Lab.require()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("srs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o777])
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        // Every release checks our munge credential and its KangarooTwelve hash of the body.
        for cluster in Lab.Cluster.allCases {
            let socket = dir.appendingPathComponent("\(cluster.rawValue).sock").path
            try background(lab, ["/usr/bin/systemd-socket-activate", "--inetd", "-a", "-l", socket,
                                "/usr/bin/setpriv", "--reuid=alice", "--regid=alice", "--clear-groups",
                                lab.executable.path, "-a", "rest_auth/local", "-f", lab.conf(cluster)])
            for _ in 0..<50 where !FileManager.default.fileExists(atPath: socket) { usleep(100_000) }
            _ = try lab.run(["/bin/chmod", "666", socket], input: Data())
            // alice talks to a gateway running as alice: her munge credential is used.
            let own = parseResponses(try exchange(lab, socket, httpRequest("GET", "/slurm/v0.0.43/diag"), user: "alice"))
            XCTAssertEqual(own.responses.first?.status, 200, "\(cluster): " + (own.responses.first?.text ?? ""))
            let user = ((own.responses.first?.json as? [String: Any])?["meta"] as? [String: Any]).flatMap { $0["client"] as? [String: Any] }?["user"]
            XCTAssertEqual(user as? String, "alice", "\(cluster)")
            // bob is someone else: refused.
            let other = parseResponses(try exchange(lab, socket, httpRequest("GET", "/slurm/v0.0.43/diag"), user: "bob"))
            XCTAssertEqual(other.responses.first?.status, 401, "\(cluster)")
        }
    }

    func testXinetd() throws {
        let lab = try Lab.require()
        let port = Self.freePort()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xinetd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        // The shipped xinetd.d file, pointed at this build, the lab and a free port.
        var service = try String(contentsOf: lab.repo.appendingPathComponent("xinetd.d/slurmrestd-swift"), encoding: .utf8)
        service = service.replacingOccurrences(of: "/usr/local/bin/slurmrestd-swift", with: lab.executable.path)
            .replacingOccurrences(of: "6820", with: String(port))
            .replacingOccurrences(of: "= slurmrestd\n", with: "= alice\n")
            .replacingOccurrences(of: "-a rest_auth/jwt", with: "-a rest_auth/jwt -f \(lab.conf(.lab26))")
        let conf = dir.appendingPathComponent("xinetd.conf")
        try ("defaults\n{\n}\n" + service).write(to: conf, atomically: true, encoding: .utf8)
        try background(lab, ["/usr/sbin/xinetd", "-dontfork", "-f", conf.path, "-pidfile", dir.appendingPathComponent("pid").path])
        let token = try lab.token("alice")
        let (responses, rest) = parseResponses(try exchange(lab, "127.0.0.1:\(port)",
            httpRequest("GET", "/slurm/v0.0.43/ping", headers: [("Authorization", "Bearer \(token)")])))
        XCTAssertEqual(responses.map(\.status), [200])
        XCTAssertEqual(rest.count, 0)
    }
}

extension SuperServerTests {
    /// A request refused while the client is still sending (here: a body over the limit) still gets
    /// its answer over TCP instead of a connection reset.
    func testRejectionReachesATCPClientThatKeepsSending() throws {
        let lab = try Lab.require()
        let port = Self.freePort()
        try background(lab, ["/usr/bin/systemd-socket-activate", "--inetd", "-a", "-l", "127.0.0.1:\(port)",
                             "/usr/bin/setpriv", "--reuid=alice", "--regid=alice", "--clear-groups",
                             lab.executable.path, "-f", lab.conf(.lab26)])
        let request = "POST /slurm/v0.0.43/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 60000000\r\n\r\n"
            + String(repeating: "x", count: 200_000)
        let (responses, _) = parseResponses(try exchange(lab, "127.0.0.1:\(port)", request))
        XCTAssertEqual(responses.map(\.status), [413])
    }
}
