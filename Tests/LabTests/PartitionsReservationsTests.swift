import Foundation
import XCTest

/// GET partitions and reservations: field for field against the real slurmrestd 26.05.5 on lab26
/// (seeded with partitions debug, batch, ghosts and the reservation maint), our deliberate 404 for
/// unknown names, 304 for update_time, and a schema-valid 200 from the 22.05 and 24.11 controllers.
final class PartitionsReservationsTests: XCTestCase {
    /// The controller stamps `last_update` with the time it packs the reply.
    static let volatile = DifferentialTests.commonVolatile + ["last_update"]

    func testPartitionsAgainstTheOriginal() throws {
        let (ours, _) = try differential("/slurm/v0.0.43/partitions/", volatile: Self.volatile)
        let names = ((ours.json as? [String: Any])?["partitions"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        XCTAssertEqual(names?.isEmpty, false)
    }

    func testOnePartitionAgainstTheOriginal() throws {
        for name in try partitionNames() {
            try differential("/slurm/v0.0.43/partition/\(name)", volatile: Self.volatile)
        }
        // Names match case-insensitively, as in the original.
        if let name = try partitionNames().first {
            try differential("/slurm/v0.0.43/partition/\(name.uppercased())", volatile: Self.volatile)
        }
    }

    func testPartitionFlagsAgainstTheOriginal() throws {
        try differential("/slurm/v0.0.43/partitions/?flags=ALL", volatile: Self.volatile)
        try differential("/slurm/v0.0.43/partitions/?flags=DETAIL&update_time=0", volatile: Self.volatile)
    }

    func testReservationsAgainstTheOriginal() throws {
        let (ours, _) = try differential("/slurm/v0.0.43/reservations/", volatile: Self.volatile)
        let list = (ours.json as? [String: Any])?["reservations"] as? [[String: Any]] ?? []
        for name in list.compactMap({ $0["name"] as? String }) {
            try differential("/slurm/v0.0.43/reservation/\(name)", volatile: Self.volatile)
        }
    }

    /// Nothing changed since a time in the future: 304 with no content, as the original answers.
    func testUnchangedSinceUpdateTime() throws {
        let lab = try Lab.require()
        let future = Int(Date().timeIntervalSince1970) + 86_400
        for path in ["/slurm/v0.0.43/partitions/", "/slurm/v0.0.43/reservations/"] {
            let request = httpRequest("GET", "\(path)?update_time=\(future)",
                                      headers: [("Authorization", "Bearer \(try lab.token("alice"))")])
            let theirs = parseResponses(try lab.real(.lab26, request).stdout).responses.first
            let ours = parseResponses(try lab.ours(.lab26, request).stdout)
            XCTAssertEqual(theirs?.status, 304, path)
            XCTAssertEqual(ours.responses.first?.status, 304, path)
            XCTAssertEqual(ours.responses.first?.body.count, 0, path)
            XCTAssertEqual(ours.rest.count, 0, path)
        }
    }

    /// Unknown names: 404 with the envelope naming what is missing and the required list empty (the
    /// original answers 200 or 422).
    func testUnknownNamesAreNotFound() throws {
        let lab = try Lab.require()
        let cases = [("/slurm/v0.0.43/partition/no-such-partition", 2000),
                     ("/slurm/v0.0.43/reservation/no-such-reservation", 2053)]
        for (path, number) in cases {
            let request = httpRequest("GET", path, headers: [("Authorization", "Bearer \(try lab.token("alice"))")])
            let response = parseResponses(try lab.ours(.lab26, request).stdout).responses.first
            XCTAssertEqual(response?.status, 404, path)
            let body = response?.json as? [String: Any]
            let errors = body?["errors"] as? [[String: Any]]
            XCTAssertEqual(errors?.first?["error_number"] as? Int, number, path)
            XCTAssertEqual(((body?["partitions"] ?? body?["reservations"]) as? [Any])?.count, 0, "the required list, empty: \(path)")
        }
    }

    func testBadQueryValues() throws {
        let lab = try Lab.require()
        for path in ["/slurm/v0.0.43/partitions/?update_time=soon", "/slurm/v0.0.43/partitions/?flags=SOME",
                     "/slurm/v0.0.43/reservations/?update_time=-1"] {
            let request = httpRequest("GET", path, headers: [("Authorization", "Bearer \(try lab.token("alice"))")])
            XCTAssertEqual(parseResponses(try lab.ours(.lab26, request).stdout).responses.first?.status, 400, path)
        }
    }

    /// The older controllers answer the same schema.
    func checkRelease(_ cluster: Lab.Cluster) throws {
        let lab = try Lab.require()
        let token = try lab.token("alice")
        for (path, schema) in [("/slurm/v0.0.43/partitions/", "v0.0.43_openapi_partition_resp"),
                               ("/slurm/v0.0.43/partition/debug", "v0.0.43_openapi_partition_resp"),
                               ("/slurm/v0.0.43/reservations/", "v0.0.43_openapi_reservation_resp")] {
            try assertValidAnswer(lab, cluster, path, schema: schema, token: token)
        }
    }

    func testSlurm22_05() throws { try checkRelease(.lab22) }
    func testSlurm24_11() throws { try checkRelease(.lab24) }

    /// The partitions the lab26 controller lists, from our own answer.
    func partitionNames() throws -> [String] {
        let lab = try Lab.require()
        let request = httpRequest("GET", "/slurm/v0.0.43/partitions/", headers: [("Authorization", "Bearer \(try lab.token("alice"))")])
        let body = parseResponses(try lab.ours(.lab26, request).stdout).responses.first?.json as? [String: Any]
        return (body?["partitions"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
    }
}
