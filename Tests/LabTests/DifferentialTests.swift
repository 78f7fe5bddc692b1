import Foundation
import XCTest

/// The real slurmrestd 26.05.5 and ours answer the same request against the same 26.05 controller;
/// the JSON must agree field by field except the volatile fields listed here (docs/testing.md).
final class DifferentialTests: XCTestCase {
    /// Values that legitimately differ between two calls or two gateways.
    static let commonVolatile = [
        "meta.client",          // who asked and from where: differs by construction
    ]
    static let pingVolatile = commonVolatile + ["pings[*].latency"]
    /// Counters the controller updates continuously, including for our own calls.
    static let diagVolatile = commonVolatile + [
        "statistics.req_time", "statistics.server_thread_count", "statistics.agent_queue_size",
        "statistics.agent_count", "statistics.agent_thread_count", "statistics.dbd_agent_queue_size",
        "statistics.schedule_cycle_max", "statistics.schedule_cycle_last", "statistics.schedule_cycle_sum",
        "statistics.schedule_cycle_total", "statistics.schedule_cycle_mean", "statistics.schedule_cycle_mean_depth",
        "statistics.schedule_cycle_per_minute", "statistics.schedule_cycle_depth", "statistics.schedule_exit",
        "statistics.schedule_queue_length", "statistics.job_states_ts",
        "statistics.bf_cycle_counter", "statistics.bf_cycle_mean", "statistics.bf_depth_mean",
        "statistics.bf_depth_mean_try", "statistics.bf_cycle_sum", "statistics.bf_cycle_last",
        "statistics.bf_cycle_max", "statistics.bf_exit", "statistics.bf_last_depth", "statistics.bf_last_depth_try",
        "statistics.bf_depth_sum", "statistics.bf_depth_try_sum", "statistics.bf_queue_len",
        "statistics.bf_queue_len_mean", "statistics.bf_queue_len_sum", "statistics.bf_table_size",
        "statistics.bf_table_size_sum", "statistics.bf_table_size_mean", "statistics.bf_when_last_cycle",
        "statistics.bf_active",
        "statistics.rpcs_by_message_type", "statistics.rpcs_by_user", "statistics.pending_rpcs",
        "statistics.pending_rpcs_by_hostlist",
    ]

    func compare(_ path: String, volatile: [String], file: StaticString = #filePath, line: UInt = #line) throws
        -> (ours: ParsedResponse, theirs: ParsedResponse) {
        try differential(path, volatile: volatile, file: file, line: line)
    }

    func testPing() throws {
        _ = try compare("/slurm/v0.0.43/ping", volatile: Self.pingVolatile)
    }

    func testLicenses() throws {
        _ = try compare("/slurm/v0.0.43/licenses", volatile: Self.commonVolatile)
    }

    func testDiag() throws {
        let (o, t) = try compare("/slurm/v0.0.43/diag", volatile: Self.diagVolatile)
        // Message type names are ours to get right: every type both answers list must carry the same name.
        func names(_ r: ParsedResponse) -> [Int: String] {
            let stats = (r.json as? [String: Any])?["statistics"] as? [String: Any]
            let list = stats?["rpcs_by_message_type"] as? [[String: Any]] ?? []
            return Dictionary(list.compactMap { e in (e["type_id"] as? Int).map { ($0, e["message_type"] as? String ?? "") } },
                              uniquingKeysWith: { a, _ in a })
        }
        let ours = names(o), theirs = names(t)
        XCTAssertFalse(theirs.isEmpty)
        for (id, name) in theirs where ours[id] != nil {
            XCTAssertEqual(ours[id], name, "message type \(id)")
        }
    }
}

/// Sends the same GET to the real slurmrestd 26.05.5 and to ours, against the 26.05 controller, as
/// alice with a bearer token; checks one response, the same status, and the same JSON except `volatile`.
@discardableResult
func differential(_ path: String, volatile: [String], user: String = "alice",
                  file: StaticString = #filePath, line: UInt = #line) throws -> (ours: ParsedResponse, theirs: ParsedResponse) {
    let lab = try Lab.require()
    let request = httpRequest("GET", path, headers: [("Authorization", "Bearer \(try lab.token(user))")])
    let theirs = parseResponses(try lab.real(.lab26, request).stdout)
    let ours = parseResponses(try lab.ours(.lab26, request).stdout)
    XCTAssertEqual(ours.responses.count, 1, "exactly one response", file: file, line: line)
    XCTAssertEqual(ours.rest.count, 0, "nothing after the response", file: file, line: line)
    guard let o = ours.responses.first, let t = theirs.responses.first else {
        XCTFail("no response (theirs: \(theirs.responses.count))", file: file, line: line)
        throw LabError("no response")
    }
    XCTAssertEqual(o.status, t.status, file: file, line: line)
    XCTAssertEqual(o.header("Content-Type"), "application/json", file: file, line: line)
    let differences = JSONDiff(volatile: volatile).differences(o.json, t.json)
    XCTAssertEqual(differences, [], "ours:\n\(o.text)\ntheirs:\n\(t.text)", file: file, line: line)
    return (o, t)
}
