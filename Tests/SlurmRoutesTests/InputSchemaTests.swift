import XCTest
import SlurmParsing
@testable import SlurmRoutes

/// The request-body reader: strict types, ranges, Slurm's sentinels, flag words, and an error that
/// names the offending value's path for every kind of refusal.
final class InputSchemaTests: XCTestCase {
    struct Limits {
        var cpu: UInt64 = 0xffff_ffff_ffff_fffe
    }

    struct Sample {
        var name: String?
        var tasks: UInt32 = 0xffff_fffe
        var nice: Int32 = 0
        var hold = false
        var timeLimit: UInt32 = 0xffff_fffe
        var planeSize: UInt16 = 0xfffe
        var flags: UInt64 = 0
        var nodes: String?
        var environment: [String] = []
        var limits = Limits()
        var inner = Limits()
    }

    static let flagTable = FlagTable([.bit("A", 1), .bit("B", 2), .equal("MODE_X", 0x10, mask: 0x30),
                                      .equal("MODE_Y", 0x20, mask: 0x30)])
    static let limits = InputSchema<Limits>("limits", empty: Limits(), [.uint64NoVal("cpu", "CPU", \.cpu)])
    static let schema = InputSchema<Sample>("sample", empty: Sample(), [
        .string("name", "Name", \.name),
        .int32("tasks", "Tasks", below: 0xffff_fffe, \.tasks),
        .int32("nice", "Nice", \.nice),
        .bool("hold", "Hold", \.hold),
        .uint32NoVal("time_limit", "Minutes", \.timeLimit),
        .uint16NoVal("plane", "Plane", \.planeSize),
        .flags("flags", "Flags", flagTable, \.flags),
        .commaList("nodes", "Nodes", \.nodes),
        .stringArray("environment", "Environment", \.environment),
        .object("limits", "Limits", limits, \.limits),
        .inline("inner", "Inline", limits.fields, \.inner),
    ])

    func decode(_ json: String) throws -> Sample {
        try Self.schema.decode(try JSONReader.parse(Array(json.utf8)), at: "#/job")
    }

    func refusal(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> InputError? {
        do {
            _ = try decode(json)
            XCTFail("accepted \(json)", file: file, line: line)
            return nil
        } catch let error as InputError {
            return error
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return nil
        }
    }

    func testReadsEveryKind() throws {
        let s = try decode("""
            {"name": "x", "tasks": 4, "nice": -5, "hold": true, "time_limit": {"set": true, "number": 5},
             "plane": 3, "flags": ["b", "A", "MODE_X", "MODE_Y"], "nodes": ["n1", "n[2-3]"],
             "environment": ["A=1", "B=2"], "limits": {"cpu": {"infinite": true}}, "inner": {"cpu": 7}}
            """)
        XCTAssertEqual(s.name, "x")
        XCTAssertEqual(s.tasks, 4)
        XCTAssertEqual(s.nice, -5)
        XCTAssertTrue(s.hold)
        XCTAssertEqual(s.timeLimit, 5)
        XCTAssertEqual(s.planeSize, 3)
        XCTAssertEqual(s.flags, 0x23, "bits OR; a later value word replaces an earlier one in its mask")
        XCTAssertEqual(s.nodes, "n1,n[2-3]")
        XCTAssertEqual(s.environment, ["A=1", "B=2"])
        XCTAssertEqual(s.limits.cpu, 0xffff_ffff_ffff_ffff)
        XCTAssertEqual(s.inner.cpu, 7)
    }

    func testAbsentAndNullLeaveTheDefaults() throws {
        let s = try decode(#"{"name": null, "time_limit": null}"#)
        XCTAssertNil(s.name)
        XCTAssertEqual(s.timeLimit, 0xffff_fffe)
        XCTAssertEqual(try decode("{}").tasks, 0xffff_fffe)
    }

    func testNoValForms() throws {
        XCTAssertEqual(try decode(#"{"time_limit": 30}"#).timeLimit, 30)
        XCTAssertEqual(try decode(#"{"time_limit": {"number": 30}}"#).timeLimit, 30)
        XCTAssertEqual(try decode(#"{"time_limit": {"set": false, "number": 30}}"#).timeLimit, 0xffff_fffe)
        XCTAssertEqual(try decode(#"{"time_limit": {"infinite": true}}"#).timeLimit, 0xffff_ffff)
        XCTAssertEqual(try decode(#"{"time_limit": {"set": false}}"#).timeLimit, 0xffff_fffe)
        XCTAssertEqual(try decode(#"{"nodes": "a,b"}"#).nodes, "a,b")
    }

    func testRefusalsNameTheValue() {
        let cases: [(String, Int32, String)] = [
            (#"{"nmae": "x"}"#, 9216, "#/job/nmae"),
            (#"{"name": 5}"#, 9202, "#/job/name"),
            (#"{"tasks": "4"}"#, 9202, "#/job/tasks"),
            (#"{"tasks": 4.5}"#, 9202, "#/job/tasks"),
            (#"{"tasks": -1}"#, 9202, "#/job/tasks"),
            (#"{"tasks": 4294967294}"#, 9202, "#/job/tasks"),
            (#"{"nice": 2147483648}"#, 9202, "#/job/nice"),
            (#"{"hold": 1}"#, 9202, "#/job/hold"),
            (#"{"time_limit": {"set": true}}"#, 9216, "#/job/time_limit/number"),
            (#"{"time_limit": {"number": 4294967295}}"#, 9202, "#/job/time_limit/number"),
            (#"{"time_limit": {"numbr": 5}}"#, 9216, "#/job/time_limit/numbr"),
            (#"{"time_limit": "5"}"#, 9202, "#/job/time_limit"),
            (#"{"plane": 65534}"#, 9202, "#/job/plane"),
            (#"{"flags": ["A", "C"]}"#, 9207, "#/job/flags/1"),
            (#"{"flags": "A"}"#, 9208, "#/job/flags"),
            (#"{"environment": ["A=1", 2]}"#, 9202, "#/job/environment/1"),
            (#"{"nodes": [1]}"#, 9202, "#/job/nodes/0"),
            (#"{"limits": []}"#, 9209, "#/job/limits"),
            (#"{"limits": {"cpu": {"number": -1}}}"#, 9202, "#/job/limits/cpu/number"),
            (#"{"inner": {"memory": 1}}"#, 9216, "#/job/inner/memory"),
            (#"[]"#, 9209, "#/job"),
        ]
        for (json, number, path) in cases {
            guard let e = refusal(json) else { continue }
            XCTAssertEqual(e.code.number, number, json)
            XCTAssertEqual(e.path, path, json)
            XCTAssertEqual(e.code.httpStatus, 400, json)
        }
    }

    func testSpecListsTheFieldsInOrder() {
        var components: [String: SchemaComponent] = [:]
        var w = JSONWriter(pretty: false)
        Self.schema.component.define(&w, &components)
        let spec = String(decoding: w.takeBytes(), as: UTF8.self)
        XCTAssertTrue(spec.hasPrefix(#"{"type":"object","properties":{"name":{"type":"string""#), spec)
        XCTAssertTrue(spec.hasSuffix(#""required":[]}"#), spec)
        XCTAssertNotNil(components["limits"])
        XCTAssertNotNil(components["v0.0.43_uint32_no_val_struct"])
    }
}

/// What happens to a request's body before its handler runs.
final class RequestBodyReadingTests: XCTestCase {
    static let withBody = SlurmRoutes.Operation(method: .POST, path: "/x", operationID: "x", summary: "", responseDescription: "",
                                    response: ErrorResponse.schema.component,
                                    requestBody: RequestBody(ErrorResponse.schema.component, "x"),
                                    handle: { _ in EndpointResult(status: 200) { _ in } })
    static let withoutBody = SlurmRoutes.Operation(method: .GET, path: "/y", operationID: "y", summary: "", responseDescription: "",
                                       response: ErrorResponse.schema.component,
                                       handle: { _ in EndpointResult(status: 200) { _ in } })

    func outcome(_ body: String, _ type: String?, _ op: SlurmRoutes.Operation = withBody) -> (JSONValue?, Int32?, String?) {
        switch RequestBodyReading.read(Array(body.utf8), contentType: type, for: op) {
        case .body(let v): (v, nil, nil)
        case .refused(let code, _, let source): (nil, code.number, source)
        }
    }

    func testJSONBodies() {
        XCTAssertEqual(outcome(#"{"a": 1}"#, "application/json").0, .object([("a", .int(1))]))
        XCTAssertEqual(outcome(#"{"a": 1}"#, "Application/JSON; charset=UTF-8").0, .object([("a", .int(1))]))
        XCTAssertNil(outcome("", nil).0, "no body: the handler decides")
        XCTAssertNil(outcome("", nil).1)
    }

    func testRefusals() {
        XCTAssertEqual(outcome("{}", nil).1, 9204)
        XCTAssertEqual(outcome("{}", "application/x-www-form-urlencoded").1, 9204)
        XCTAssertEqual(outcome("{}", "application/json; charset=latin1").1, 9204)
        let bad = outcome(#"{"job": {"name": tru}}"#, "application/json")
        XCTAssertEqual(bad.1, 9001)
        XCTAssertEqual(bad.2, "#/job/name")
        XCTAssertEqual(outcome("{}", "application/json", Self.withoutBody).1, 9009)
        XCTAssertNil(outcome("", "application/json", Self.withoutBody).1)
    }
}
