import XCTest
@testable import SlurmRoutes

final class QueryValuesTests: XCTestCase {
    func testUpdateTime() throws {
        XCTAssertEqual(try QueryValues.updateTime([]), 0, "absent: everything")
        XCTAssertEqual(try QueryValues.updateTime([("update_time", "1700000000")]), 1_700_000_000)
        XCTAssertEqual(try QueryValues.updateTime([("update_time", "5"), ("update_time", "7")]), 7, "the last one counts")
        for bad in ["", "abc", "-1", "1.5", "99999999999999999999"] {
            XCTAssertThrowsError(try QueryValues.updateTime([("update_time", bad)]), bad) { error in
                let invalid = error as? InputError
                XCTAssertEqual(invalid?.path, "#/update_time/")
                XCTAssertEqual(invalid?.code.number, 9202)
            }
        }
    }

    func testShowFlags() throws {
        XCTAssertNil(try QueryValues.showFlags([]))
        XCTAssertEqual(try QueryValues.showFlags([("flags", "DETAIL")]), 0x0002)
        XCTAssertEqual(try QueryValues.showFlags([("flags", "all,detail")]), 0x0003, "words in any case, comma-separated")
        XCTAssertEqual(try QueryValues.showFlags([("flags", "MIXED"), ("flags", "FUTURE")]), 0x0088, "repeated: combined")
        for bad in ["BOGUS", "", "DETAIL,", "DETAIL,,ALL"] {
            XCTAssertThrowsError(try QueryValues.showFlags([("flags", bad)]), bad) { error in
                XCTAssertEqual((error as? InputError)?.code.number, 9207)
            }
        }
    }
}
