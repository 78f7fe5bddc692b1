import Foundation
import XCTest

/// Request bodies that are wrong in every way the issue lists get a 4xx with the JSON envelope
/// naming the offending value, on the same connection, and nothing reaches the controller: the
/// controller's own RPC counters (GET /diag, rpcs_by_message_type) do not move.
final class BadInputTests: XCTestCase {
    struct Case {
        let method: String
        let path: String
        let body: String
        var contentType = "application/json"
        let status: Int
        let errorNumber: Int
        /// The `source` of the error: the JSON pointer of the offending value (a prefix for syntax errors).
        let source: String
    }

    static let script = ##""#!/bin/sh\ntrue""##
    static let submit = "/slurm/v0.0.43/job/submit"
    static let cases: [Case] = [
        Case(method: "POST", path: submit, body: #"{"script": \#(script), "job": {"name": "x",}}"#,
             status: 400, errorNumber: 9001, source: "#/job"),
        Case(method: "POST", path: submit, body: #"{"script": \#(script), "job": {"name": "h-bad", "tasks": "four"}}"#,
             status: 400, errorNumber: 9202, source: "#/job/tasks"),
        Case(method: "POST", path: submit, body: #"{"script": \#(script), "job": {"name": "h-bad", "nmae": "x"}}"#,
             status: 400, errorNumber: 9216, source: "#/job/nmae"),
        Case(method: "POST", path: submit, body: #"{"script": \#(script), "job": {"nice": 99999999999}}"#,
             status: 400, errorNumber: 9202, source: "#/job/nice"),
        Case(method: "POST", path: submit, body: #"{"script": \#(script), "job": {"time_limit": {"set": true, "number": -5}}}"#,
             status: 400, errorNumber: 9202, source: "#/job/time_limit/number"),
        Case(method: "POST", path: submit, body: #"{"script": \#(script), "job": {"mail_type": ["SOMETIMES"]}}"#,
             status: 400, errorNumber: 9207, source: "#/job/mail_type/0"),
        Case(method: "POST", path: submit, body: #"{"script": \#(script), "job": []}"#,
             status: 400, errorNumber: 9209, source: "#/job"),
        Case(method: "POST", path: submit, body: #"{"script": \#(script)}"#,
             status: 400, errorNumber: 9216, source: "#/job"),
        Case(method: "POST", path: submit, body: #"{"job": {"name": "h-bad"}}"#,
             status: 400, errorNumber: 9216, source: "#/script"),
        Case(method: "POST", path: submit, body: #"{"script": "echo no interpreter", "job": {"name": "h-bad"}}"#,
             status: 400, errorNumber: 9216, source: "#/script"),
        Case(method: "POST", path: submit, body: "", status: 400, errorNumber: 9212, source: "#"),
        Case(method: "POST", path: submit, body: #"{"script": \#(script), "job": {}}"#, contentType: "text/plain",
             status: 415, errorNumber: 9204, source: "Content-Type"),
        Case(method: "POST", path: "/slurm/v0.0.43/node/vm", body: #"{"state": ["SLEEPY"]}"#,
             status: 400, errorNumber: 9207, source: "#/state/0"),
        Case(method: "POST", path: "/slurm/v0.0.43/node/vm", body: #"{"weight": "heavy"}"#,
             status: 400, errorNumber: 9202, source: "#/weight"),
        Case(method: "POST", path: "/slurm/v0.0.43/reservation", body: #"{"name": "h-bad", "duration": "long"}"#,
             status: 400, errorNumber: 9202, source: "#/duration"),
        Case(method: "POST", path: "/slurm/v0.0.43/reservations/", body: #"{"reservations": [{"name": "h-bad", "flagz": []}]}"#,
             status: 400, errorNumber: 9216, source: "#/reservations/0/flagz"),
        Case(method: "DELETE", path: "/slurm/v0.0.43/jobs/", body: #"{"jobs": [1], "signal": "KILL"}"#,
             status: 400, errorNumber: 9202, source: "#/jobs/0"),
    ]

    /// The controller's count of each RPC type, by name.
    func rpcCounts(_ lab: Lab, token: String) throws -> [String: Int] {
        let request = httpRequest("GET", "/slurm/v0.0.43/diag", headers: [("Authorization", "Bearer \(token)")])
        let answer = parseResponses(try lab.ours(.lab26, request).stdout).responses.first
        let stats = (answer?.json as? [String: Any])?["statistics"] as? [String: Any]
        let list = stats?["rpcs_by_message_type"] as? [[String: Any]] ?? []
        XCTAssertFalse(list.isEmpty, "diag lists RPC counts")
        return Dictionary(list.map { ($0["message_type"] as? String ?? "", $0["count"] as? Int ?? 0) },
                          uniquingKeysWith: { a, _ in a })
    }

    func testRefusedBodiesNameTheValueAndSendNothing() throws {
        let lab = try Lab.require()
        let token = try lab.token("root")
        let writes = ["REQUEST_SUBMIT_BATCH_JOB", "REQUEST_UPDATE_NODE", "REQUEST_CREATE_RESERVATION",
                      "REQUEST_UPDATE_RESERVATION", "REQUEST_KILL_JOBS"]
        let before = try rpcCounts(lab, token: token)
        // All requests on one connection: a refused body is an ordinary answer, the connection goes on.
        var stream = ""
        for (i, c) in Self.cases.enumerated() {
            var headers = [("Authorization", "Bearer \(token)")]
            if !c.body.isEmpty { headers.append(("Content-Type", c.contentType)) }
            stream += httpRequest(c.method, c.path, headers: headers, body: c.body, close: i == Self.cases.count - 1)
        }
        let out = parseResponses(try lab.ours(.lab26, stream).stdout)
        XCTAssertEqual(out.responses.count, Self.cases.count, "one answer per request")
        for (c, answer) in zip(Self.cases, out.responses) {
            let what = "\(c.method) \(c.path) \(c.body)"
            XCTAssertEqual(answer.status, c.status, "\(what)\n\(answer.text)")
            let errors = (answer.json as? [String: Any])?["errors"] as? [[String: Any]] ?? []
            XCTAssertEqual(errors.count, 1, "\(what)\n\(answer.text)")
            XCTAssertEqual(errors.first?["error_number"] as? Int, c.errorNumber, "\(what)\n\(answer.text)")
            let source = errors.first?["source"] as? String ?? ""
            XCTAssertTrue(source.hasPrefix(c.source), "\(what): source \(source), expected \(c.source)")
        }
        let after = try rpcCounts(lab, token: token)
        for name in writes {
            XCTAssertEqual(after[name] ?? 0, before[name] ?? 0, "\(name) reached the controller")
        }
    }
}
