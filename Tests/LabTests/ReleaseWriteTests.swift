import Foundation
import XCTest

/// What an older controller's release cannot carry is refused with a clear error, not sent without it.
final class ReleaseWriteTests: XCTestCase {
    func testAMemberTheReleaseLacksIsRefusedNamingIt() throws {
        let lab = try Lab.require()
        // topology_str came with 25.05: a 24.11 controller would update the node without it.
        let answer = try WriteLab.send(lab, .lab24, "POST", "/slurm/v0.0.43/node/vm", body: #"{"topology_str": "h-release"}"#,
                                       user: "root")
        XCTAssertEqual(answer.status, 501, answer.text)
        let error = WriteLab.errors(answer).first
        XCTAssertEqual(error?["error_number"] as? Int, 2036, answer.text)
        XCTAssertTrue((error?["description"] as? String ?? "").contains("topology_str"), answer.text)
        // The same request where the release has the field goes through (and is undone).
        let accepted = try WriteLab.send(lab, .lab26, "POST", "/slurm/v0.0.43/node/vm", body: #"{"comment": "h-release"}"#,
                                         user: "root")
        XCTAssertEqual(accepted.status, 200, accepted.text)
        _ = try WriteLab.send(lab, .lab26, "POST", "/slurm/v0.0.43/node/vm", body: #"{"comment": ""}"#, user: "root")
    }
}
