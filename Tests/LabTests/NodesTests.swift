import Foundation
import XCTest

/// GET /nodes/ and /node/{node_name}: the same answers as the real slurmrestd 26.05.5 for every
/// node of the lab, and a valid answer from each controller release.
final class NodesTests: XCTestCase {
    /// What may change between the real slurmrestd's call and ours: the table's time stamp (the
    /// controller's clock at packing) and what slurmd reports at each registration.
    static let volatile = DifferentialTests.commonVolatile + [
        "last_update", "nodes[*].cpu_load", "nodes[*].free_mem",
    ]

    func names(_ response: ParsedResponse) -> [String] {
        let nodes = (response.json as? [String: Any])?["nodes"] as? [[String: Any]] ?? []
        return nodes.compactMap { $0["name"] as? String }
    }

    func testAllNodes() throws {
        let (_, theirs) = try differential("/slurm/v0.0.43/nodes/", volatile: Self.volatile)
        XCTAssertFalse(names(theirs).isEmpty)
    }

    /// Other flags than the default ALL, DETAIL and MIXED.
    func testAllNodesWithFlags() throws {
        try differential("/slurm/v0.0.43/nodes/?flags=ALL", volatile: Self.volatile)
        try differential("/slurm/v0.0.43/nodes/?flags=MIXED", volatile: Self.volatile)
        try differential("/slurm/v0.0.43/nodes/?update_time=0", volatile: Self.volatile)
    }

    /// Every node the real slurmrestd lists, one by one; FUTURE ones with the flag that shows them
    /// (without it the original answers 200 with an error entry where we answer 404).
    func testEachNode() throws {
        let (_, shown) = try differential("/slurm/v0.0.43/nodes/", volatile: Self.volatile)
        let (_, withFuture) = try differential("/slurm/v0.0.43/nodes/?flags=FUTURE", volatile: Self.volatile)
        XCTAssertFalse(names(shown).isEmpty)
        for name in names(shown) {
            try differential("/slurm/v0.0.43/node/\(name)", volatile: Self.volatile)
        }
        for name in names(withFuture) {
            try differential("/slurm/v0.0.43/node/\(name)?flags=FUTURE", volatile: Self.volatile)
        }
    }

    /// Nothing changed since a time in the future: 304 without content, as the original answers.
    func testNotModified() throws {
        let lab = try Lab.require()
        let request = httpRequest("GET", "/slurm/v0.0.43/nodes/?update_time=4000000000",
                                  headers: [("Authorization", "Bearer \(try lab.token("alice"))")])
        let theirs = parseResponses(try lab.real(.lab26, request).stdout).responses.first
        let ours = parseResponses(try lab.ours(.lab26, request).stdout).responses.first
        XCTAssertEqual(theirs?.status, 304)
        XCTAssertEqual(ours?.status, 304)
        XCTAssertEqual(ours?.body.count, 0)
    }

    /// An unknown node is a 404 naming it (the original answers 200 with error number 0).
    func testUnknownNode() throws {
        let lab = try Lab.require()
        let request = httpRequest("GET", "/slurm/v0.0.43/node/nosuchnode",
                                  headers: [("Authorization", "Bearer \(try lab.token("alice"))")])
        let ours = try XCTUnwrap(parseResponses(try lab.ours(.lab26, request).stdout).responses.first)
        XCTAssertEqual(ours.status, 404)
        let errors = (ours.json as? [String: Any])?["errors"] as? [[String: Any]]
        XCTAssertEqual(errors?.first?["error_number"] as? Int, 2018)
        XCTAssertEqual(errors?.first?["description"] as? String, "Node nosuchnode not found")
        XCTAssertEqual(((ours.json as? [String: Any])?["nodes"] as? [Any])?.count, 0, "the required list, empty")
    }

    /// Each release's controller: /nodes/ and each of its nodes answer 200, valid against the schema.
    func check(_ cluster: Lab.Cluster) throws {
        let lab = try Lab.require()
        let token = try lab.token("alice")
        func get(_ path: String) throws -> ParsedResponse {
            guard let r = try assertValidAnswer(lab, cluster, path, schema: "v0.0.43_openapi_nodes_resp", token: token) else {
                throw LabError("\(cluster) \(path): no answer")
            }
            return r
        }
        let all = try get("/slurm/v0.0.43/nodes/?flags=FUTURE")
        let nodes = (all.json as? [String: Any])?["nodes"] as? [[String: Any]] ?? []
        XCTAssertFalse(nodes.isEmpty, "\(cluster)")
        for node in nodes {
            let name = node["name"] as? String ?? ""
            XCTAssertFalse((node["state"] as? [String] ?? []).isEmpty, "\(cluster) \(name): a state")
            XCTAssertEqual(names(try get("/slurm/v0.0.43/node/\(name)?flags=FUTURE")), [name], "\(cluster)")
        }
        // Nodes in partitions name them; the lab's vm is in at least one.
        let vm = nodes.first { $0["name"] as? String == "vm" }
        XCTAssertFalse((vm?["partitions"] as? [String] ?? []).isEmpty, "\(cluster): vm's partitions")
    }

    func testSlurm22_05() throws { try check(.lab22) }
    func testSlurm24_11() throws { try check(.lab24) }
    func testSlurm26_05() throws { try check(.lab26) }
}
