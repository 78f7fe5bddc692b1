import XCTest
import SlurmParsing
import SlurmController
@testable import SlurmRoutes

/// Rendering from models, compared with the shapes the real slurmrestd 26.05.5 prints.
final class RenderingTests: XCTestCase {
    let envelope = Envelope(meta: Meta(accountingStorage: "", clientSource: "test", clientUser: "alice",
                                       clientGroup: "alice", cluster: "lab26"))

    func render<P>(_ schema: ResponseSchema<P>, _ payload: P?, _ envelope: Envelope? = nil) -> String {
        var w = JSONWriter(pretty: false)
        schema.render(payload, envelope ?? self.envelope, into: &w)
        return String(decoding: w.takeBytes(), as: UTF8.self)
    }

    static let meta = #""meta":{"plugin":{"type":"openapi/slurmctld","name":"Slurm OpenAPI slurmctld","data_parser":"data_parser/v0.0.43","accounting_storage":""},"client":{"source":"test","user":"alice","group":"alice"},"command":[],"slurm":{"version":{"major":"26","micro":"5","minor":"05"},"release":"26.05.5","cluster":"lab26"}}"#

    func testPing() {
        let pings = [ControllerPing(hostname: "vm", responding: true, latency: 961, offset: 0, controllerCount: 2),
                     ControllerPing(hostname: "b", responding: false, latency: 5, offset: 1, controllerCount: 2)]
        XCTAssertEqual(render(PingEndpoint.response, pings),
                       #"{"pings":[{"hostname":"vm","pinged":"UP","responding":true,"latency":961,"mode":"primary","primary":true},"#
                       + #"{"hostname":"b","pinged":"DOWN","responding":false,"latency":5,"mode":"backup","primary":false}],"#
                       + Self.meta + #","errors":[],"warnings":[]}"#)
        XCTAssertEqual(ControllerPing(hostname: "c", responding: true, latency: 0, offset: 2, controllerCount: 3).mode, "backup2")
    }

    func testLicensesAndFreeCount() {
        var l = License()
        l.name = "fluent"; l.total = 4; l.inUse = 1; l.lastDeficit = 1
        var info = LicenseInfo()
        info.lastUpdate = 1795582087
        info.licenses = [l]
        XCTAssertEqual(render(LicensesEndpoint.response, info),
                       #"{"licenses":[{"LicenseName":"fluent","Total":4,"Used":1,"Free":2,"Remote":false,"Reserved":0,"#
                       + #""LastConsumed":0,"LastDeficit":1,"LastUpdate":0}],"last_update":{"set":true,"infinite":false,"number":1795582087},"#
                       + Self.meta + #","errors":[],"warnings":[]}"#)
        l.inUse = 9
        XCTAssertEqual(LicensesEndpoint.free(l), 0, "never below zero")
        l.total = 0xffff_ffff
        XCTAssertEqual(LicensesEndpoint.free(l), 0xffff_ffff, "unlimited stays unlimited")
    }

    /// An error answer keeps the fields the spec requires, empty, so generated clients can read it.
    func testErrorAnswerCarriesTheRequiredFieldsEmpty() {
        var e = envelope
        e.errors.append(APIError(.invalidJobID, description: "no job 9", source: "test"))
        XCTAssertEqual(render(PingEndpoint.response, nil, e),
                       #"{"pings":[],"# + Self.meta + #","errors":[{"description":"no job 9","error_number":2017,"error":"No such job","source":"test"}],"warnings":[]}"#)
        XCTAssertEqual(render(ErrorResponse.schema, nil, e),
                       "{" + Self.meta + #","errors":[{"description":"no job 9","error_number":2017,"error":"No such job","source":"test"}],"warnings":[]}"#,
                       "the bare envelope has no payload")
    }

    func testFlagTables() {
        let table = FlagTable([
            .equal("INVALID", 0xffff_fffe, mask: 0xffff_ffff),
            .equal("IDLE", 2, mask: 0xf),
            .equal("DOWN", 1, mask: 0xf),
            .bit("DRAIN", 0x200),
            .bit("ALIAS", 0x200, hidden: true),
            .bit("FAIL", 0x2000),
        ])
        XCTAssertEqual(table.words(2), ["IDLE"])
        XCTAssertEqual(table.words(0x2201), ["DOWN", "DRAIN", "FAIL"], "table order; hidden words never rendered")
        XCTAssertEqual(table.words(0xffff_fffe), ["INVALID"], "a matched value hides the bits it covers")
        XCTAssertEqual(table.words(0x10), [], "no word for bits the table does not name")
        XCTAssertEqual(table.specWords, ["INVALID", "IDLE", "DOWN", "DRAIN", "ALIAS", "FAIL"])
    }

    func testNoValNumbers() {
        XCTAssertEqual(NoValNumber(uint64: 5), NoValNumber(set: true, infinite: false, number: .integer(5)))
        XCTAssertEqual(NoValNumber(uint64: SlurmNumber.noVal64), NoValNumber(set: false, infinite: false, number: .integer(0)))
        XCTAssertEqual(NoValNumber(uint64: SlurmNumber.infinite64), NoValNumber(set: false, infinite: true, number: .integer(0)))
        XCTAssertEqual(NoValNumber(uint32: SlurmNumber.noVal32), NoValNumber(set: false, infinite: false, number: .integer(0)))
        XCTAssertEqual(NoValNumber(uint32: SlurmNumber.infinite32), NoValNumber(set: false, infinite: true, number: .integer(0)))
        XCTAssertEqual(NoValNumber(uint32: 0), NoValNumber(set: true, infinite: false, number: .integer(0)))
        XCTAssertEqual(NoValNumber(uint16: SlurmNumber.noVal16), NoValNumber(set: false, infinite: false, number: .integer(0)))
        XCTAssertEqual(NoValNumber(uint16: 7), NoValNumber(set: true, infinite: false, number: .integer(7)))
        // As the original's build decides: the value cast to u32 against INFINITE and NO_VAL.
        XCTAssertEqual(NoValNumber(double: -1), NoValNumber(set: false, infinite: true, number: .double(0)))
        XCTAssertEqual(NoValNumber(double: Double(SlurmNumber.noVal32)), NoValNumber(set: false, infinite: false, number: .double(0)))
        XCTAssertEqual(NoValNumber(double: .infinity), NoValNumber(set: true, infinite: false, number: .double(Double(SlurmNumber.infinite64))))
        XCTAssertEqual(NoValNumber(double: 2.5), NoValNumber(set: true, infinite: false, number: .double(2.5)))
    }

    func testDiagnosticsDerivedValues() {
        var s = StatsInfo()
        s.reqTime = 1000; s.reqTimeStart = 1000 - 180
        s.scheduleCycleCounter = 6; s.scheduleCycleSum = 60; s.scheduleCycleDepth = 12
        s.bfCycleCounter = 2; s.bfTableSizeSum = 10; s.bfQueueLenSum = 4
        s.scheduleExit = [1, 2, 3, 4, 5, 6]
        s.rpcTypeID = [1008, 2035]; s.rpcTypeCount = [2, 0]; s.rpcTypeTime = [10, 0]
        s.rpcUserID = [0]; s.rpcUserCount = [3]; s.rpcUserTime = [9]
        s.rpcDumpTypes = [1008]; s.rpcDumpHostlist = ["n[1-2]"]
        s.rpcQueueTypeID = [2035]; s.rpcQueueCount = [7]
        let d = Diagnostics(s, userName: { $0 == 0 ? "root" : "?" })
        var w = JSONWriter(pretty: false)
        DiagEndpoint.statsSchema.render(d, into: &w)
        let json = try! JSONReader.parse(w.takeBytes())
        XCTAssertEqual(json["schedule_cycle_mean"], .int(10))
        XCTAssertEqual(json["schedule_cycle_mean_depth"], .int(2))
        XCTAssertEqual(json["schedule_cycle_per_minute"], .int(2))
        XCTAssertEqual(json["bf_table_size_mean"], .int(5))
        XCTAssertEqual(json["bf_queue_len_mean"], .int(2))
        XCTAssertEqual(json["schedule_exit"]?["max_sched_time"], .int(5))
        guard case .array(let types) = json["rpcs_by_message_type"]! else { return XCTFail() }
        XCTAssertEqual(types[0]["message_type"], .string("REQUEST_PING"))
        XCTAssertEqual(types[0]["average_time"]?["number"], .int(5))
        XCTAssertEqual(types[1]["average_time"]?["set"], .bool(false), "no average without calls")
        XCTAssertEqual(json["rpcs_by_user"], .array([.object([("user_id", .int(0)), ("user", .string("root")), ("count", .int(3)),
            ("total_time", .int(9)), ("average_time", .object([("set", .bool(true)), ("infinite", .bool(false)), ("number", .int(3))]))])]))
        XCTAssertEqual(json["pending_rpcs_by_hostlist"], .array([.object([("type_id", .int(1008)), ("message_type", .string("REQUEST_PING")),
            ("count", .array([.string("n1"), .string("n2")]))])]))
        XCTAssertEqual(json["pending_rpcs"], .array([.object([("type_id", .int(2035)), ("message_type", .string("REQUEST_STATS_INFO")),
            ("count", .int(7))])]))
    }
}
