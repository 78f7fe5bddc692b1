import XCTest
@testable import SlurmParsing

final class HostListTests: XCTestCase {
    func testExpansion() {
        XCTAssertEqual(HostList.split("vm"), ["vm"])
        XCTAssertEqual(HostList.split("n[1-3],login"), ["n1", "n2", "n3", "login"])
        XCTAssertEqual(HostList.split("n[08-10,15]"), ["n08", "n09", "n10", "n15"])
        XCTAssertEqual(HostList.split("r[1-2]-n[1-2]"), ["r1-n1", "r1-n2", "r2-n1", "r2-n2"])
        XCTAssertEqual(HostList.split(""), [])
        XCTAssertEqual(HostList.split("odd[b-a]"), ["odd[b-a]"], "not a range: kept as written")
        XCTAssertEqual(HostList.split("n[3-1]"), ["n[3-1]"])
    }
}
