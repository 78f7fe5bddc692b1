import Foundation
import XCTest

/// Who may call: the original's headers, bearer tokens, rest_auth/local, and the terse 401 for
/// every missing or refused credential, including when the controller is the one refusing.
final class AuthenticationTests: XCTestCase {
    func status(_ lab: Lab, _ cluster: Lab.Cluster, _ headers: [(String, String)], path: String = "/slurm/v0.0.43/ping",
                arguments: [String] = []) throws -> ParsedResponse {
        let run = try lab.ours(cluster, httpRequest("GET", path, headers: headers), arguments: arguments)
        let (responses, rest) = parseResponses(run.stdout)
        XCTAssertEqual(responses.count, 1, run.stderr)
        XCTAssertEqual(rest.count, 0)
        guard let r = responses.first else { throw LabError("no response: \(run.stderr)") }
        return r
    }

    func assertAuthenticationFailure(_ r: ParsedResponse, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 401, what, file: file, line: line)
        XCTAssertEqual(r.text, "Authentication failure", what, file: file, line: line)
        XCTAssertEqual(r.header("Content-Type"), "text/plain", what, file: file, line: line)
    }

    func testMissingCredentials() throws {
        let lab = try Lab.require()
        assertAuthenticationFailure(try status(lab, .lab26, []), "no headers")
        assertAuthenticationFailure(try status(lab, .lab26, [("X-SLURM-USER-NAME", "alice")]), "user name only")
        assertAuthenticationFailure(try status(lab, .lab26, [("Authorization", "Basic YWxpY2U6eA==")]), "basic auth")
        let token = try lab.token("alice")
        assertAuthenticationFailure(try status(lab, .lab26, [("X-SLURM-USER-TOKEN", token), ("Authorization", "Bearer \(token)")]),
                                    "two tokens")
        // Routing comes after authentication, as in the original.
        assertAuthenticationFailure(try status(lab, .lab26, [], path: "/no/such/path"), "unknown path")
    }

    func testAcceptedHeaderForms() throws {
        let lab = try Lab.require()
        let token = try lab.token("alice")
        for cluster in Lab.Cluster.allCases {
            XCTAssertEqual(try status(lab, cluster, [("X-SLURM-USER-NAME", "alice"), ("X-SLURM-USER-TOKEN", token)]).status, 200, "\(cluster) name+token")
            XCTAssertEqual(try status(lab, cluster, [("X-SLURM-USER-TOKEN", token)]).status, 200, "\(cluster) token")
            XCTAssertEqual(try status(lab, cluster, [("Authorization", "Bearer \(token)")]).status, 200, "\(cluster) bearer")
        }
    }

    /// The controller rejects the token: the original answers a ping with 200 "DOWN"; we answer 401.
    func testControllerRejectsToken() throws {
        let lab = try Lab.require()
        let expired = try lab.token("alice", lifespan: -60)
        let forged = try lab.token("alice").dropLast(4) + "AAAA"
        let alice = try lab.token("alice")
        for cluster in Lab.Cluster.allCases {
            assertAuthenticationFailure(try status(lab, cluster, [("Authorization", "Bearer \(expired)")]), "\(cluster) expired")
            assertAuthenticationFailure(try status(lab, cluster, [("Authorization", "Bearer \(forged)")]), "\(cluster) forged")
            assertAuthenticationFailure(try status(lab, cluster, [("X-SLURM-USER-NAME", "root"), ("X-SLURM-USER-TOKEN", alice)]),
                                        "\(cluster) alice acting as root")
            assertAuthenticationFailure(try status(lab, cluster, [("Authorization", "Bearer \(forged)")], path: "/slurm/v0.0.43/diag"),
                                        "\(cluster) forged diag")
        }
    }

    /// root's token may act for another user, as slurmrestd-style proxies do.
    func testRootTokenActsForUser() throws {
        let lab = try Lab.require()
        let root = try lab.token("root")
        let r = try status(lab, .lab26, [("X-SLURM-USER-NAME", "alice"), ("X-SLURM-USER-TOKEN", root)], path: "/slurm/v0.0.43/diag")
        XCTAssertEqual(r.status, 200, r.text)
    }

    /// rest_auth/local needs a UNIX socket whose peer is our own uid; a pipe is not one.
    func testLocalAuthNeedsUnixSocketPeer() throws {
        let lab = try Lab.require()
        assertAuthenticationFailure(try status(lab, .lab26, [], arguments: ["-a", "rest_auth/local"]), "pipe")
    }

    func testRefusesToRunAsRoot() throws {
        let lab = try Lab.require()
        guard getuid() == 0 else { throw XCTSkip("needs root to try") }
        let run = try lab.run([lab.executable.path, "-f", lab.conf(.lab26)],
                              input: Data(httpRequest("GET", "/slurm/v0.0.43/ping").utf8))
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stdout.isEmpty)
        XCTAssertTrue(run.stderr.contains("root"), run.stderr)
    }
}
