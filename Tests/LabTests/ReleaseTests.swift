import Foundation
import XCTest

/// Every endpoint on every lab controller release (22.05, 24.11, 26.05): one well-formed answer that
/// is valid against the reference v0.0.43 schema, in that controller's own protocol version.
final class ReleaseTests: XCTestCase {
    static let endpoints = [
        ("/slurm/v0.0.43/ping", "v0.0.43_openapi_ping_array_resp"),
        ("/slurm/v0.0.43/diag/", "v0.0.43_openapi_diag_resp"),
        ("/slurm/v0.0.43/licenses", "v0.0.43_openapi_licenses_resp"),
    ]

    func check(_ cluster: Lab.Cluster) throws {
        let lab = try Lab.require()
        let token = try lab.token("alice")
        for (path, schema) in Self.endpoints {
            try assertValidAnswer(lab, cluster, path, schema: schema, token: token)
        }
        // The configured licenses (lab.sh: fluent:4, matlab:2) come back from every release.
        let run = try lab.ours(cluster, httpRequest("GET", "/slurm/v0.0.43/licenses", headers: [("Authorization", "Bearer \(token)")]))
        let body = parseResponses(run.stdout).responses.first?.json as? [String: Any]
        let names = (body?["licenses"] as? [[String: Any]])?.compactMap { $0["LicenseName"] as? String } ?? []
        XCTAssertEqual(Set(names), ["fluent", "matlab"], "\(cluster)")
        // Ping names the configured controller and finds it up.
        let ping = try lab.ours(cluster, httpRequest("GET", "/slurm/v0.0.43/ping", headers: [("Authorization", "Bearer \(token)")]))
        let pings = (parseResponses(ping.stdout).responses.first?.json as? [String: Any])?["pings"] as? [[String: Any]]
        XCTAssertEqual(pings?.first?["responding"] as? Bool, true, "\(cluster)")
        XCTAssertEqual(pings?.first?["mode"] as? String, "primary", "\(cluster)")
    }

    func testSlurm22_05() throws { try check(.lab22) }
    func testSlurm24_11() throws { try check(.lab24) }
    func testSlurm26_05() throws { try check(.lab26) }
}

/// The common ground of every release check: GET `path` from our gateway on `cluster` with `token`
/// gives one answer and nothing after it, a 200, valid against the reference `schema`, without
/// errors. Returns the answer for further checks (nil when there was none).
@discardableResult
func assertValidAnswer(_ lab: Lab, _ cluster: Lab.Cluster, _ path: String, schema: String, token: String,
                       file: StaticString = #filePath, line: UInt = #line) throws -> ParsedResponse? {
    let validator = try SpecValidator.v0043()
    let run = try lab.ours(cluster, httpRequest("GET", path, headers: [("Authorization", "Bearer \(token)")]))
    let (responses, rest) = parseResponses(run.stdout)
    XCTAssertEqual(responses.count, 1, "\(cluster) \(path): \(run.stderr)", file: file, line: line)
    XCTAssertEqual(rest.count, 0, file: file, line: line)
    guard let r = responses.first else { return nil }
    XCTAssertEqual(r.status, 200, "\(cluster) \(path): \(r.text)", file: file, line: line)
    XCTAssertEqual(validator.validate(r.json, schema: schema), [], "\(cluster) \(path)", file: file, line: line)
    XCTAssertEqual(((r.json as? [String: Any])?["errors"] as? [Any])?.count, 0, "\(cluster) \(path): \(r.text)",
                   file: file, line: line)
    return r
}
