import Foundation
import XCTest

/// Controllers that are down, slow, backed up by a second one, or spoken to in a pinned version:
/// each gets a clean, complete answer within bounded time.
final class ControllerFailureTests: XCTestCase {
    /// A slurm.conf for cluster lab26 with other controller lines and timeouts.
    func conf(_ lab: Lab, controllers: [String], port: Int, messageTimeout: Int = 10) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("conf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let text = "ClusterName=lab26\n" + controllers.map { "SlurmctldHost=\($0)\n" }.joined()
            + "SlurmctldPort=\(port)\nMessageTimeout=\(messageTimeout)\nAuthType=auth/munge\n"
        let path = dir.appendingPathComponent("slurm.conf")
        try text.write(to: path, atomically: true, encoding: .utf8)
        _ = try lab.run(["/bin/chmod", "644", path.path], input: Data())
        return path.path
    }

    func get(_ lab: Lab, conf: String, _ path: String, arguments: [String] = []) throws -> (ParsedResponse, TimeInterval) {
        let token = try lab.token("alice")
        let started = Date()
        let run = try lab.run(["/usr/bin/setpriv", "--reuid=alice", "--regid=alice", "--clear-groups", lab.executable.path,
                               "-f", conf] + arguments,
                              input: Data(httpRequest("GET", path, headers: [("Authorization", "Bearer \(token)")]).utf8))
        let (responses, rest) = parseResponses(run.stdout)
        XCTAssertEqual(responses.count, 1, run.stderr)
        XCTAssertEqual(rest.count, 0)
        guard let r = responses.first else { throw LabError("no response: \(run.stderr)") }
        return (r, Date().timeIntervalSince(started))
    }

    func errorNumber(_ r: ParsedResponse) -> Int? {
        (((r.json as? [String: Any])?["errors"] as? [[String: Any]])?.first?["error_number"] as? Int)
    }

    func testControllerDownIs502() throws {
        let lab = try Lab.require()
        let conf = try conf(lab, controllers: ["vm(127.0.0.1)"], port: 1)
        let (r, _) = try get(lab, conf: conf, "/slurm/v0.0.43/diag")
        XCTAssertEqual(r.status, 502, r.text)
        XCTAssertEqual(errorNumber(r), 1800)
        let (ping, _) = try get(lab, conf: conf, "/slurm/v0.0.43/ping")
        XCTAssertEqual(ping.status, 200, "ping reports the controller down rather than failing")
        XCTAssertEqual(((ping.json as? [String: Any])?["pings"] as? [[String: Any]])?.first?["responding"] as? Bool, false)
    }

    /// A controller that accepts and never answers: 504 after MessageTimeout, not a hang.
    func testSilentControllerTimesOut() throws {
        let lab = try Lab.require()
        let port = Int.random(in: 30000..<40000)
        let pid = try lab.spawn(["/usr/bin/socat", "TCP-LISTEN:\(port),bind=127.0.0.1,reuseaddr,fork", "EXEC:/bin/sleep 30"])
        addTeardownBlock { kill(pid, SIGTERM); var s: Int32 = 0; waitpid(pid, &s, 0) }
        usleep(300_000)
        let conf = try conf(lab, controllers: ["vm(127.0.0.1)"], port: port, messageTimeout: 1)
        let (r, elapsed) = try get(lab, conf: conf, "/slurm/v0.0.43/licenses", arguments: ["--protocol-version", "26.05"])
        XCTAssertEqual(r.status, 504, r.text)
        XCTAssertLessThan(elapsed, 10)
    }

    /// The primary cannot be reached; the backup answers.
    func testBackupControllerAnswers() throws {
        let lab = try Lab.require()
        let conf = try conf(lab, controllers: ["primary(no-such-host.invalid)", "vm(127.0.0.1)"], port: 7817)
        let (r, _) = try get(lab, conf: conf, "/slurm/v0.0.43/licenses")
        XCTAssertEqual(r.status, 200, r.text)
        let (ping, _) = try get(lab, conf: conf, "/slurm/v0.0.43/ping")
        let pings = (ping.json as? [String: Any])?["pings"] as? [[String: Any]] ?? []
        XCTAssertEqual(pings.map { $0["hostname"] as? String }, ["primary", "vm"])
        XCTAssertEqual(pings.map { $0["responding"] as? Bool }, [false, true])
        XCTAssertEqual(pings.map { $0["mode"] as? String }, ["primary", "backup"])
    }

    /// A pinned release is spoken without discovery; a wrong pin is a clean 502.
    func testPinnedProtocolVersion() throws {
        let lab = try Lab.require()
        let (old, _) = try get(lab, conf: lab.conf(.lab26), "/slurm/v0.0.43/diag", arguments: ["--protocol-version", "24.11"])
        XCTAssertEqual(old.status, 200, "26.05 accepts 24.11 clients")
        let (wrong, _) = try get(lab, conf: lab.conf(.lab22), "/slurm/v0.0.43/diag", arguments: ["--protocol-version", "26.05"])
        XCTAssertEqual(wrong.status, 401, "22.05 closes on an unknown version; with a token that reads as a refused credential")
        let (byNumber, _) = try get(lab, conf: lab.conf(.lab24), "/slurm/v0.0.43/licenses",
                                          arguments: ["--protocol-version", "0x2a00"])
        XCTAssertEqual(byNumber.status, 200, "a protocol number works as well as a release name")
    }
}
