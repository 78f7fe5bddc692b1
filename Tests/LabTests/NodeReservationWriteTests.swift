import Foundation
import XCTest

/// Writes through both gateways, each against the 26.05 controller, compared field by field; then
/// the same writes through ours against 22.05 and 24.11. Everything changed is put back: the node
/// `vm` gets its comment cleared and is resumed at once, reservations are named `h-wire2-…` and
/// deleted. Error texts (`errors[].error`, `description`) are each gateway's own words; numbers and
/// sources are compared.
final class NodeReservationWriteTests: XCTestCase {
    static let volatile = DifferentialTests.commonVolatile + ["errors[*].error", "errors[*].description", "warnings[*].description"]

    /// The same request to both gateways as `user`; the answers must agree but for `volatile` and,
    /// where ours deliberately differs, the status (`ourStatus`) and the empty payload ours adds
    /// to an error answer (`ourEmptyPayload`: the spec's required field, which the original leaves out).
    /// `ourSource`: the first error's source in ours, a JSON pointer where the original names a
    /// function (sources are then not compared).
    func both(_ method: String, _ path: String, body: String = "", user: String = "root", ourStatus: Int? = nil,
              ourEmptyPayload: String? = nil, ourSource: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let lab = try Lab.require()
        let theirs = try WriteLab.send(lab, .lab26, method, path, body: body, user: user, real: true)
        let ours = try WriteLab.send(lab, .lab26, method, path, body: body, user: user)
        XCTAssertEqual(ours.status, ourStatus ?? theirs.status, "\(method) \(path)", file: file, line: line)
        var volatile = Self.volatile
        if let ourSource {
            XCTAssertEqual(WriteLab.errors(ours).first?["source"] as? String, ourSource, file: file, line: line)
            volatile.append("errors[*].source")
        }
        var ourJSON = ours.json as? [String: Any]
        if let key = ourEmptyPayload {
            XCTAssertEqual((ourJSON?[key] as? [Any])?.count, 0, "\(key): empty in ours", file: file, line: line)
            ourJSON?[key] = nil
        }
        XCTAssertEqual(JSONDiff(volatile: volatile).differences(ourJSON, theirs.json), [],
                       "ours:\n\(ours.text)\ntheirs:\n\(theirs.text)", file: file, line: line)
    }

    func testNodeComment() throws {
        let lab = try Lab.require()
        defer { _ = try? lab.inCluster(.lab26, ["scontrol", "update", "nodename=vm", "comment="]) }
        try both("POST", "/slurm/v0.0.43/node/vm", body: #"{"comment":"h-wire2-lab"}"#)
        XCTAssertTrue(try lab.inCluster(.lab26, ["scontrol", "show", "node", "vm"]).contains("Comment=h-wire2-lab"))
        try both("POST", "/slurm/v0.0.43/node/vm", body: #"{"comment":""}"#)
        XCTAssertFalse(try lab.inCluster(.lab26, ["scontrol", "show", "node", "vm"]).contains("Comment="))
        // A name in the body is ignored with a warning.
        try both("POST", "/slurm/v0.0.43/node/vm", body: #"{"comment":"","name":["ghost1"]}"#)
    }

    /// Drain then resume at once, through each gateway in turn (a second resume would be refused).
    func testDrainAndResume() throws {
        let lab = try Lab.require()
        defer { _ = try? lab.inCluster(.lab26, ["scontrol", "update", "nodename=vm", "state=resume"]) }
        var answers: [[Any?]] = []
        for real in [true, false] {
            let drained = try WriteLab.send(lab, .lab26, "POST", "/slurm/v0.0.43/node/vm",
                                            body: #"{"state":["DRAIN"],"reason":"h-wire2-lab"}"#, user: "root", real: real)
            XCTAssertTrue(try lab.inCluster(.lab26, ["scontrol", "show", "node", "vm"]).contains("DRAIN"))
            let resumed = try WriteLab.send(lab, .lab26, "POST", "/slurm/v0.0.43/node/vm", body: #"{"state":["RESUME"]}"#,
                                            user: "root", real: real)
            XCTAssertFalse(try lab.inCluster(.lab26, ["sinfo", "-h", "-n", "vm", "-o", "%T"]).contains("drain"))
            XCTAssertEqual([drained.status, resumed.status], [200, 200])
            answers.append([drained.json, resumed.json])
        }
        for i in 0..<2 {
            XCTAssertEqual(JSONDiff(volatile: Self.volatile).differences(answers[1][i], answers[0][i]), [])
        }
    }

    /// Refusals: an unknown node (404 here, 422 there), a user who may not (2010: 403 here, 422
    /// there), deleting an unknown node. A node list without a name is refused by ours before
    /// sending (400, 9216, #/name); the original sends it and the controller answers 2018 for
    /// "(null)".
    func testNodeRefusals() throws {
        let lab = try Lab.require()
        try both("POST", "/slurm/v0.0.43/node/h-wire2-none", body: #"{"comment":"x"}"#, ourStatus: 404)
        try both("POST", "/slurm/v0.0.43/node/vm", body: #"{"comment":"x"}"#, user: "alice", ourStatus: 403)
        try both("POST", "/slurm/v0.0.43/nodes/", body: #"{"name":["h-wire2-n1","h-wire2-n2"],"comment":"x"}"#, ourStatus: 404)
        for body in [#"{"comment":"h-fixes-x"}"#, #"{"name":[],"comment":"h-fixes-x"}"#] {
            let ours = try WriteLab.send(lab, .lab26, "POST", "/slurm/v0.0.43/nodes/", body: body, user: "root")
            XCTAssertEqual(ours.status, 400, body)
            XCTAssertEqual(WriteLab.errors(ours).first?["error_number"] as? Int, 9216, body)
            XCTAssertEqual(WriteLab.errors(ours).first?["source"] as? String, "#/name", body)
        }
        XCTAssertFalse(try lab.inCluster(.lab26, ["scontrol", "show", "node"]).contains("h-fixes-x"))
        try both("DELETE", "/slurm/v0.0.43/node/h-wire2-none", ourStatus: 404)
    }

    /// Bad input never reaches the controller here: 400 naming the value (the original sends a
    /// bad state word as state 0, and ignores unknown fields with a warning).
    func testBadNodeInput() throws {
        let lab = try Lab.require()
        for (body, source) in [(#"{"state":["BOGUS"]}"#, "#/state/0"), (#"{"bogus":1}"#, "#/bogus"), (#"{"weight":"x"}"#, "#/weight")] {
            let ours = try WriteLab.send(lab, .lab26, "POST", "/slurm/v0.0.43/node/vm", body: body, user: "root")
            XCTAssertEqual(ours.status, 400, body)
            XCTAssertEqual(WriteLab.errors(ours).first?["source"] as? String, source, body)
        }
    }

    func reservationBody(_ name: String, start: Int, minutes: Int) -> String {
        """
        {"name":"\(name)","duration":\(minutes),"node_list":["vm"],"users":["alice"],"start_time":\(start),
         "flags":["IGNORE_JOBS","MAGNETIC","DAILY"]}
        """
    }

    /// Create (POST /reservation), update by name (POST /reservation and /reservations/) and delete,
    /// each through both gateways on its own reservation, one after the other (the two would
    /// overlap on the same node and time).
    func testReservationLifecycle() throws {
        let lab = try Lab.require()
        let start = Int(Date().timeIntervalSince1970) + 7200
        let names = ["h-wire2-lab-theirs", "h-wire2-lab-ours"]
        defer { for n in names { _ = try? lab.inCluster(.lab26, ["scontrol", "delete", "reservation", n]) } }
        var answers: [[String: Any]] = []
        for (name, real) in zip(names, [true, false]) {
            let created = try WriteLab.send(lab, .lab26, "POST", "/slurm/v0.0.43/reservation",
                                            body: reservationBody(name, start: start, minutes: 30), user: "root", real: real)
            XCTAssertEqual(created.status, 200, created.text)
            answers.append(created.json as? [String: Any] ?? [:])
            XCTAssertTrue(try lab.inCluster(.lab26, ["scontrol", "show", "reservation", name]).contains("Duration=00:30:00"))
            let updated = try WriteLab.send(lab, .lab26, "POST", "/slurm/v0.0.43/reservations/",
                                            body: #"{"reservations":[{"name":"\#(name)","duration":45}]}"#, user: "root", real: real)
            XCTAssertEqual(updated.status, 200, updated.text)
            XCTAssertTrue(try lab.inCluster(.lab26, ["scontrol", "show", "reservation", name]).contains("Duration=00:45:00"))
            let deleted = try WriteLab.send(lab, .lab26, "DELETE", "/slurm/v0.0.43/reservation/\(name)", user: "root", real: real)
            XCTAssertEqual(deleted.status, 200, deleted.text)
        }
        // The answers differ only in the name.
        let diff = JSONDiff(volatile: Self.volatile + ["reservations[*].name"]).differences(answers[1], answers[0])
        XCTAssertEqual(diff, [])
        XCTAssertFalse(try lab.inCluster(.lab26, ["scontrol", "show", "reservation"]).contains("h-wire2-lab"))
    }

    /// Refusals with nothing created: no start time, no name, an empty list, an unknown
    /// reservation to delete, a user who may not.
    func testReservationRefusals() throws {
        try both("POST", "/slurm/v0.0.43/reservation", body: #"{"name":"h-wire2-x","duration":5,"node_list":["vm"]}"#,
                 ourStatus: 400, ourEmptyPayload: "reservations", ourSource: "#/start_time")
        try both("POST", "/slurm/v0.0.43/reservation", body: #"{"duration":5}"#, ourStatus: 400, ourEmptyPayload: "reservations",
                 ourSource: "#/name")
        try both("POST", "/slurm/v0.0.43/reservations/", body: #"{"reservations":[]}"#)
        try both("DELETE", "/slurm/v0.0.43/reservation/h-wire2-none", ourStatus: 404)
        try both("DELETE", "/slurm/v0.0.43/reservation/maint", user: "alice", ourStatus: 403)
        let start = Int(Date().timeIntervalSince1970) + 7200
        try both("POST", "/slurm/v0.0.43/reservation", body: reservationBody("h-wire2-alice", start: start, minutes: 5),
                 user: "alice", ourStatus: 403, ourEmptyPayload: "reservations")
    }

    func scratchReservation(_ name: String, start: Int, nodes: String = "vm") -> String {
        // OVERLAP: other tests may hold reservations on vm at the same time.
        #"{"name":"\#(name)","start_time":\#(start),"duration":10,"node_list":["\#(nodes)"],"users":["alice"],"#
            + #""flags":["IGNORE_JOBS","OVERLAP"]}"#
    }

    /// POST reservations/ takes effect whole or not at all: a bad description refuses the list
    /// with nothing sent; a refusal by the controller mid-way deletes the reservations created
    /// before it and lists the update that remains. (The original applies each description on
    /// its own: nothing to compare with.)
    func testReservationListAllOrNothing() throws {
        let lab = try Lab.require()
        let names = ["h-fixes-base", "h-fixes-r1", "h-fixes-r2"]
        defer { for n in names { _ = try? lab.inCluster(.lab26, ["scontrol", "delete", "reservation", n]) } }
        func reservations() throws -> String { try lab.inCluster(.lab26, ["scontrol", "show", "reservation"]) }
        let start = Int(Date().timeIntervalSince1970) + 40 * 86400
        let base = try WriteLab.send(lab, .lab26, "POST", "/slurm/v0.0.43/reservation",
                                     body: scratchReservation("h-fixes-base", start: start), user: "root")
        XCTAssertEqual(base.status, 200, base.text)

        // A creation without start_time after a good one: nothing sent.
        let checked = try WriteLab.send(lab, .lab26, "POST", "/slurm/v0.0.43/reservations/", body: """
            {"reservations":[{"name":"h-fixes-base","comment":"h-fixes-never"},\(scratchReservation("h-fixes-r1", start: start)),
             {"name":"h-fixes-r2","duration":5,"node_list":["vm"],"users":["alice"]}]}
            """, user: "root")
        XCTAssertEqual(checked.status, 400, checked.text)
        XCTAssertEqual(WriteLab.errors(checked).first?["source"] as? String, "#/reservations/2/start_time")
        var now = try reservations()
        XCTAssertFalse(now.contains("h-fixes-r1"))
        XCTAssertFalse(now.contains("h-fixes-never"))

        // The controller refuses the third (no such node): the creation is undone, the update stays.
        let refused = try WriteLab.send(lab, .lab26, "POST", "/slurm/v0.0.43/reservations/", body: """
            {"reservations":[{"name":"h-fixes-base","comment":"h-fixes-kept"},\(scratchReservation("h-fixes-r1", start: start)),
             \(scratchReservation("h-fixes-r2", start: start, nodes: "h-fixes-nonode"))]}
            """, user: "root")
        XCTAssertEqual(refused.status, 422, "a node inside the description: " + refused.text)
        XCTAssertEqual(WriteLab.errors(refused).first?["error_number"] as? Int, 2018)
        XCTAssertEqual(WriteLab.errors(refused).first?["source"] as? String, "#/reservations/2")
        let json = refused.json as? [String: Any]
        let listed = (json?["reservations"] as? [[String: Any]])?.map { $0["name"] as? String }
        XCTAssertEqual(listed, ["h-fixes-base"], refused.text)
        let warned = (json?["warnings"] as? [[String: Any]])?.compactMap { $0["source"] as? String }
        XCTAssertEqual(warned?.filter { $0.hasPrefix("#/") }, ["#/reservations/1", "#/reservations/0"], refused.text)
        now = try reservations()
        XCTAssertFalse(now.contains("h-fixes-r1"), now)
        XCTAssertTrue(now.contains("h-fixes-kept"), now)
    }

    /// The same writes through ours against the older controllers.
    func testOlderReleases() throws {
        let lab = try Lab.require()
        for cluster in [Lab.Cluster.lab22, .lab24] {
            defer { _ = try? lab.inCluster(cluster, ["scontrol", "update", "nodename=vm", "comment="]) }
            let comment = try WriteLab.send(lab, cluster, "POST", "/slurm/v0.0.43/node/vm", body: #"{"comment":"h-wire2-lab"}"#, user: "root")
            XCTAssertEqual(comment.status, 200, "\(cluster): \(comment.text)")
            XCTAssertTrue(try lab.inCluster(cluster, ["scontrol", "show", "node", "vm"]).contains("Comment=h-wire2-lab"))
            let name = "h-wire2-lab-\(cluster)"
            defer { _ = try? lab.inCluster(cluster, ["scontrol", "delete", "reservation", name]) }
            let start = Int(Date().timeIntervalSince1970) + 7200
            let created = try WriteLab.send(lab, cluster, "POST", "/slurm/v0.0.43/reservation",
                                            body: reservationBody(name, start: start, minutes: 30), user: "root")
            XCTAssertEqual(created.status, 200, "\(cluster): \(created.text)")
            let deleted = try WriteLab.send(lab, cluster, "DELETE", "/slurm/v0.0.43/reservation/\(name)", user: "root")
            XCTAssertEqual(deleted.status, 200, "\(cluster): \(deleted.text)")
        }
    }
}

/// What the write lab tests share: one request to either gateway, and its errors.
enum WriteLab {
    /// One request to ours or to the real slurmrestd as `user`, with a JSON body; ours must answer
    /// once and write nothing after the answer.
    static func send(_ lab: Lab, _ cluster: Lab.Cluster, _ method: String, _ path: String, body: String = "",
                     user: String, real: Bool = false, file: StaticString = #filePath, line: UInt = #line) throws -> ParsedResponse {
        var headers = [("Authorization", "Bearer \(try lab.token(user))")]
        if !body.isEmpty { headers.append(("Content-Type", "application/json")) }
        let request = httpRequest(method, path, headers: headers, body: body)
        let run = real ? try lab.real(cluster, request) : try lab.ours(cluster, request)
        let parsed = parseResponses(run.stdout)
        guard let response = parsed.responses.first else {
            XCTFail("\(real ? "theirs" : "ours") \(method) \(path): no answer (\(run.stderr))", file: file, line: line)
            throw LabError("no answer")
        }
        if !real {
            XCTAssertEqual(parsed.responses.count, 1, file: file, line: line)
            XCTAssertEqual(parsed.rest.count, 0, file: file, line: line)
        }
        return response
    }

    static func errors(_ r: ParsedResponse) -> [[String: Any]] {
        (r.json as? [String: Any])?["errors"] as? [[String: Any]] ?? []
    }
}
