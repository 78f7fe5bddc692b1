import Foundation
import XCTest

/// GET /shares against the lab. Without slurmdbd every controller answers with no association list,
/// and both gateways answer 200 with an empty list and the "accounting storage is disabled" warning.
/// (The original never sends `users`/`accounts` to the controller; ours does, which only shows where
/// accounting runs.)
final class SharesTests: XCTestCase {
    static let path = "/slurm/v0.0.43/shares"

    func testSameAnswerAsTheOriginal() throws {
        for query in ["", "?users=alice", "?accounts=root", "?users=alice&accounts=root", "?users=nosuchuser"] {
            let (ours, _) = try differential(Self.path + query, volatile: DifferentialTests.commonVolatile)
            let body = ours.json as? [String: Any]
            XCTAssertEqual(((body?["shares"] as? [String: Any])?["shares"] as? [Any])?.count, 0, query)
            let warnings = body?["warnings"] as? [[String: Any]] ?? []
            XCTAssertEqual(warnings.compactMap { $0["description"] as? String },
                           ["Shares list is empty because slurm accounting storage is disabled."], query)
        }
    }

    /// 22.05 and 24.11 controllers answer the same request in their own protocol version.
    func check(_ cluster: Lab.Cluster) throws {
        let lab = try Lab.require()
        let token = try lab.token("alice")
        for query in ["", "?users=alice&accounts=root"] {
            guard let r = try assertValidAnswer(lab, cluster, Self.path + query, schema: "v0.0.43_openapi_shares_resp",
                                                token: token) else { continue }
            let body = r.json as? [String: Any]
            XCTAssertEqual(((body?["shares"] as? [String: Any])?["shares"] as? [Any])?.count, 0, "\(cluster) \(query)")
        }
    }

    func testSlurm22_05() throws { try check(.lab22) }
    func testSlurm24_11() throws { try check(.lab24) }
}
