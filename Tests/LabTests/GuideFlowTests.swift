import Foundation
import XCTest

/// Issue 4's users' guide end to end: Tests/guide/guide_flow.py drives a Python client that openapi-generator
/// makes from the v0.0.43 reference spec, with a root bearer token, against the gateway under
/// systemd-socket-activate on the 26.05 controller. The script asserts every step itself and names the one
/// that failed; it needs the venv of `Tests/lab/lab.sh install`.
final class GuideFlowTests: XCTestCase {
    func testUsersGuideFlowWithAGeneratedClient() throws {
        let lab = try Lab.require()
        let python = (lab.env["LAB_ROOT"] ?? "/var/lib/slurmrestd-swift-lab") + "/venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            if ProcessInfo.processInfo.environment["LAB_REQUIRED"] == "1" {
                XCTFail("\(python) missing: run Tests/lab/lab.sh install")
            }
            throw XCTSkip("no guide venv (Tests/lab/lab.sh install)")
        }
        let gateway = try SocketActivatedGateway.start(lab, .lab26, for: self)
        let transcript = FileManager.default.temporaryDirectory.appendingPathComponent("guide-\(UUID().uuidString).jsonl")
        addTeardownBlock { try? FileManager.default.removeItem(at: transcript) }
        // The steps need an administrator (drain, reservations, reconfigure): root is SlurmUser in the lab.
        let run = try lab.run([python, lab.repo.path + "/Tests/guide/guide_flow.py", gateway.baseURL,
                               try lab.token("root"), "--node", lab.env["LAB_NODE"] ?? "vm",
                               "--transcript", transcript.path],
                              input: Data(), timeout: 600)
        let output = String(decoding: run.stdout, as: UTF8.self) + run.stderr
        if run.status != 0 {
            // The answers up to the failing step, to see what the gateway said.
            let answers = (try? String(contentsOf: transcript, encoding: .utf8)) ?? ""
            XCTFail("guide flow failed (status \(run.status)):\n\(output)\nlast answers:\n\(answers.suffix(4000))")
        }
    }
}
