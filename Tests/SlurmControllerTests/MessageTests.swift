import XCTest
@testable import SlurmController

final class MessageTests: XCTestCase {
    /// Statistics replies of each release decode completely, with the values the field-list
    /// interpreter read from the same captures, and re-encode to the same bytes.
    func testStatisticsOfEveryRelease() throws {
        let expected: [String: (reqTime: Int64, submitted: UInt32, cycleSum: UInt64, rpcTypes: Int, users: Int)] = [
            "22.05": (1795575355, 7, 3023, 18, 3),
            "24.11": (1795575380, 1, 744, 9, 2),
            "26.05": (1795575406, 8, 3291, 21, 3),
        ]
        for (release, version) in Vectors.releases {
            let reply = try Reply(Vectors.reply(release, "stats-response"), sentVersion: version)
            let stats = try reply.decode(.responseStatsInfo, as: StatsInfo.self)
            let e = expected[release]!
            XCTAssertEqual(stats.reqTime, e.reqTime, release)
            XCTAssertEqual(stats.jobsSubmitted, e.submitted, release)
            XCTAssertEqual(stats.scheduleCycleSum, e.cycleSum, release)
            XCTAssertEqual(stats.rpcTypeID.count, e.rpcTypes, release)
            XCTAssertEqual(stats.rpcUserID.count, e.users, release)
            XCTAssertEqual(stats.scheduleExit.count, version >= .v23_11 ? 6 : 0, release)
            XCTAssertEqual(stats.encode(version: version), reply.body, "\(release) round trip")
        }
    }

    func testLicenseRepliesWithoutLicenses() throws {
        for (release, version) in Vectors.releases {
            let reply = try Reply(Vectors.reply(release, "license-info-response-none"), sentVersion: version)
            let info = try reply.decode(.responseLicenseInfo, as: LicenseInfo.self)
            XCTAssertEqual(info.licenses, [], release)
            XCTAssertEqual(info.encode(version: version), reply.body, release)
        }
    }

    /// The license record grows by release; each layout round-trips.
    func testLicenseLayoutsByRelease() throws {
        var l = License()
        l.name = "matlab"; l.total = 2; l.inUse = 1; l.reserved = 0; l.remote = 1
        l.lastConsumed = 3; l.lastDeficit = 4; l.lastUpdate = 5; l.mode = 1; l.nodes = "n[1-2]"
        var info = LicenseInfo()
        info.count = 1; info.lastUpdate = 99; info.licenses = [l]
        let sizes: [(ProtocolVersion, Int)] = [(.v22_05, 12 + 4 + 7 + 13), (.v23_02, 12 + 4 + 7 + 13 + 16),
                                               (.v25_05, 12 + 4 + 7 + 13 + 16 + 1 + 11)]
        for (version, size) in sizes {
            let bytes = info.encode(version: version)
            XCTAssertEqual(bytes.count, size, version.release)
            var back = try LicenseInfo.decode(bytes, version: version)
            if version < .v23_02 { back.licenses[0].lastConsumed = 3; back.licenses[0].lastDeficit = 4; back.licenses[0].lastUpdate = 5 }
            if version < .v25_05 { back.licenses[0].mode = 1; back.licenses[0].nodes = "n[1-2]" }
            XCTAssertEqual(back, info, version.release)
        }
    }

    /// The markers give each release's field list; these are the lists of shared/docs/protocol.md.
    func testStatisticsFieldListsByRelease() {
        let all = StatsInfo.fields.names(in: .v22_05, for: { var s = StatsInfo(); s.partsPacked = 1; return s }())
        XCTAssertEqual(all.first, "parts_packed")
        XCTAssertFalse(all.contains("schedule_exit"))
        XCTAssertFalse(all.contains("rpc_queue_enabled"))
        let v2311 = StatsInfo.fields.names(in: .v23_11, for: { var s = StatsInfo(); s.partsPacked = 1; return s }())
        XCTAssertTrue(v2311.contains("schedule_exit") && v2311.contains("bf_exit"))
        XCTAssertFalse(v2311.contains("rpc_queue_enabled"))
        let v2405 = StatsInfo.fields.names(in: .v24_05, for: StatsInfo())
        XCTAssertTrue(v2405.contains("rpc_queue_enabled"))
        XCTAssertFalse(v2405.contains("req_time"), "no scheduler part when parts_packed is 0")
        let v2605 = StatsInfo.fields.names(in: .v26_05, for: StatsInfo())
        XCTAssertEqual(v2605.first, "req_time")
        XCTAssertEqual(v2605.filter { $0 == "schedule_cycle_sum" }.count, 1)
        XCTAssertEqual(v2605.count, 58 - 4, "protocol.md lists 58 entries for 26.05, 4 of them the rpc_queue block")
    }

    /// Corrupt counts never trap or over-allocate: every truncation of a real reply fails cleanly.
    func testTruncatedStatisticsFailCleanly() throws {
        for (release, version) in Vectors.releases {
            let body = try Reply(Vectors.reply(release, "stats-response"), sentVersion: version).body
            for cut in stride(from: 0, to: body.count, by: 7) {
                XCTAssertThrowsError(try StatsInfo.decode(Array(body.prefix(cut)), version: version), "\(release) cut \(cut)")
            }
            var huge = body
            huge.replaceSubrange(huge.count - 8..<huge.count - 4, with: [0x7f, 0xff, 0xff, 0xff])
            XCTAssertThrowsError(try StatsInfo.decode(huge, version: version))
        }
    }

    func testMessageTypeNames() {
        XCTAssertEqual(MessageType.name(of: 1008), "REQUEST_PING")
        XCTAssertEqual(MessageType.name(of: 2035), "REQUEST_STATS_INFO")
        XCTAssertEqual(MessageType.name(of: 8001), "RESPONSE_SLURM_RC")
        XCTAssertEqual(MessageType.name(of: 65000), "65000")
    }
}
