import XCTest
@testable import SlurmController

/// A write that sets a field the controller's release cannot carry is refused before sending,
/// naming the field, instead of reaching the controller without it.
final class FieldsLostTests: XCTestCase {
    func testFieldsAReleaseLacksAreNamed() {
        var node = NodeUpdate()
        node.comment = "kept everywhere"
        XCTAssertEqual(node.fieldsLost(in: .v22_05), [])
        node.topology = "rack1"
        XCTAssertEqual(node.fieldsLost(in: .v24_11), ["topology_str"])
        XCTAssertEqual(node.fieldsLost(in: .v25_05), [])
        XCTAssertThrowsError(try node.encodeWhole(version: .v24_11)) { error in
            XCTAssertEqual(error as? ControllerError, .fieldsNotInRelease(["topology_str"], .v24_11))
        }
        XCTAssertEqual(try node.encodeWhole(version: .v26_05), node.encode(version: .v26_05))
    }

    func testUnsetFieldsAndRangesCarriedElsewhereAreNotLost() {
        XCTAssertEqual(JobDescription().fieldsLost(in: .v22_05), [], "defaults lose nothing")
        var job = JobDescription()
        job.jobSizeStr = "2-4"
        job.jobID = 7
        XCTAssertEqual(job.fieldsLost(in: .v22_05), [], "a range is also in min/max nodes; the job id in job_id")
        job.jobSizeStr = "2,4,8"
        job.containerID = "c1"
        XCTAssertEqual(Set(job.fieldsLost(in: .v22_05)), ["job_size_str", "container_id"])
        XCTAssertEqual(JobDescriptionList([JobDescription(), job]).fieldsLost(in: .v22_05).sorted(),
                       ["container_id", "job_size_str"], "a het job: any component")
    }
}
