import XCTest
import SlurmParsing
@testable import SlurmRoutes

final class AuthenticationTests: XCTestCase {
    func identify(_ fields: [(String, String)], plugins: [RESTAuthPlugin] = [.local, .jwt], local: Bool = false)
        -> Authentication.Outcome {
        Authentication.identify(HTTPHeaders(fields.map { (name: $0.0, value: $0.1) }), plugins: plugins, localPeerIsOwnUser: local)
    }

    func testHeaderForms() {
        XCTAssertEqual(identify([("X-SLURM-USER-NAME", "alice"), ("X-SLURM-USER-TOKEN", "t")]), .identified(.token("t", userName: "alice")))
        XCTAssertEqual(identify([("x-slurm-user-token", "t")]), .identified(.token("t", userName: nil)))
        XCTAssertEqual(identify([("Authorization", "Bearer t")]), .identified(.token("t", userName: nil)))
        XCTAssertEqual(identify([("Authorization", "Bearer t"), ("X-SLURM-USER-NAME", "bob")]), .identified(.token("t", userName: "bob")))
    }

    func testRefusals() {
        XCTAssertEqual(identify([]), .refused)
        XCTAssertEqual(identify([("X-SLURM-USER-NAME", "alice")]), .refused, "a name without a token")
        XCTAssertEqual(identify([("Authorization", "Basic abc")]), .refused)
        XCTAssertEqual(identify([("Authorization", "Bearer ")]), .refused)
        XCTAssertEqual(identify([("X-SLURM-USER-TOKEN", "")]), .refused)
        XCTAssertEqual(identify([("X-SLURM-USER-TOKEN", "a"), ("Authorization", "Bearer b")]), .refused, "two tokens are ambiguous")
    }

    func testLocalAndPluginOrder() {
        XCTAssertEqual(identify([], local: true), .identified(.local))
        XCTAssertEqual(identify([], plugins: [.jwt], local: true), .refused, "local not enabled")
        XCTAssertEqual(identify([("X-SLURM-USER-TOKEN", "t")], plugins: [.local], local: false), .refused, "jwt not enabled")
        XCTAssertEqual(identify([("X-SLURM-USER-TOKEN", "t")], plugins: [.jwt, .local], local: true),
                       .identified(.token("t", userName: nil)))
    }
}
