import XCTest
import SlurmParsing
@testable import SlurmRoutes

final class RouteTableTests: XCTestCase {
    func operationID(_ method: HTTPMethod, _ path: String) -> String? {
        if case .operation(let op, _) = RouteTable.match(method: method, path: path) { return op.operationID }
        return nil
    }

    func testPathsMatchAsTheOriginalMatchesThem() {
        for path in ["/slurm/v0.0.43/ping", "/slurm/v0.0.43/ping/", "//slurm//v0.0.43//ping//", "/slurm/v0.0.43/p%69ng"] {
            XCTAssertEqual(operationID(.GET, path), "slurm_v0043_get_ping", path)
        }
        XCTAssertEqual(operationID(.GET, "/slurm/v0.0.43/diag"), "slurm_v0043_get_diag")
        XCTAssertEqual(operationID(.GET, "/slurm/v0.0.43/licenses/"), "slurm_v0043_get_licenses")
        XCTAssertEqual(operationID(.HEAD, "/slurm/v0.0.43/licenses"), "slurm_v0043_get_licenses", "HEAD is GET without the body")
        for path in ["/SLURM/v0.0.43/ping", "/slurm/v0.0.42/ping", "/slurm/v0.0.43/../v0.0.43/ping", "/slurm/v0.0.43/pi+ng",
                     "/slurm/v0.0.43/ping/extra", "/", "/slurm/v0.0.43/%zz", "*"] {
            guard case .notFound = RouteTable.match(method: .GET, path: path) else { return XCTFail(path) }
        }
        // Escapes are decoded after the check of what is written: a het job component is `10%2B1`.
        guard case .operation(let op, let values) = RouteTable.match(method: .GET, path: "/slurm/v0.0.43/job/10%2B1") else {
            return XCTFail("escaped +")
        }
        XCTAssertEqual(op.operationID, "slurm_v0043_get_job")
        XCTAssertEqual(values, ["job_id": "10+1"])
        guard case .notFound = RouteTable.match(method: .GET, path: "/slurm/v0.0.43/job/10+1") else { return XCTFail("raw +") }
    }

    func testWrongMethodListsTheAllowedOnes() {
        guard case .methodNotAllowed(let allowed) = RouteTable.match(method: .POST, path: "/slurm/v0.0.43/ping") else {
            return XCTFail()
        }
        XCTAssertEqual(allowed, [.GET, .HEAD])
    }

    /// Every operation is declared once with the spec's identity.
    func testOperationsAreUnique() {
        let keys = RouteTable.operations.map { "\($0.method) \($0.path)" }
        XCTAssertEqual(Set(keys).count, keys.count)
        let listed = RouteTable.operations.filter { !$0.hiddenFromSpec }
        XCTAssertEqual(Set(listed.map(\.operationID)).count, listed.count)
    }

    func testQueryPairs() {
        XCTAssertEqual(Query.pairs("a=1&b=x%20y&c&d=p+q&e=%zz").map { "\($0.0)=\($0.1)" }, ["a=1", "b=x y", "c=", "d=p q", "e=%zz"])
        XCTAssertTrue(Query.pairs(nil).isEmpty)
    }

    func testNegotiation() {
        XCTAssertTrue(Negotiation.acceptsJSON(nil))
        XCTAssertTrue(Negotiation.acceptsJSON("application/json"))
        XCTAssertTrue(Negotiation.acceptsJSON("application/json; charset=utf-8"))
        XCTAssertTrue(Negotiation.acceptsJSON("text/html, */*;q=0.1"))
        XCTAssertTrue(Negotiation.acceptsJSON("Application/*"))
        XCTAssertFalse(Negotiation.acceptsJSON("text/html"))
        XCTAssertFalse(Negotiation.acceptsJSON("application/json;q=0"))
        XCTAssertFalse(Negotiation.acceptsJSON("application/x-yaml"))
    }
}
