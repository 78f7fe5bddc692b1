import XCTest
import SlurmParsing
import SlurmController
@testable import SlurmRoutes

/// The shares answer, compared with what the real slurmrestd 26.05.5 wrote for the same controller
/// reply. The lab has no slurmdbd, so its controllers never send associations; this reply came from
/// a stand-in controller (the same bytes as SlurmControllerTests' `26.05/shares-response-stand-in`)
/// and the real slurmrestd's answer to it is kept below.
final class SharesRenderingTests: XCTestCase {
    let envelope = Envelope(meta: Meta(accountingStorage: "", clientSource: "test", clientUser: "alice",
                                       clientGroup: "alice", cluster: "lab26"))

    func render(_ info: SharesInfo) throws -> JSONValue {
        var w = JSONWriter(pretty: false)
        SharesEndpoint.response.render(info, envelope, into: &w)
        return try JSONReader.parse(w.takeBytes())
    }

    /// Where the original writes an integral double it adds ".0" ("1.0") and keeps the sign of zero;
    /// our JSON writer writes "1" and "0". Compared as numbers, the values are the same.
    func numbersAsDoubles(_ v: JSONValue) -> JSONValue {
        switch v {
        case .int(let i): .double(Double(i))
        case .array(let items): .array(items.map(numbersAsDoubles))
        case .object(let members): .object(members.map { ($0.0, numbersAsDoubles($0.1)) })
        default: v
        }
    }

    func testStandInReplyRendersAsTheOriginal() throws {
        let info = try SharesInfo.decode(hexBytes(Self.standInBodyHex), version: .v26_05)
        let ours = try render(info)
        let theirs = try JSONReader.parse(Array(Self.originalShares.utf8))
        XCTAssertEqual(numbersAsDoubles(ours["shares"] ?? .null), numbersAsDoubles(theirs))
        let theirWarnings = try JSONReader.parse(Array(Self.originalWarnings.utf8))
        let ourWarnings = SharesEndpoint.warnings(info, accountingDisabled: true)
        XCTAssertEqual(JSONValue.array(ourWarnings.map { .object([("description", .string($0)), ("source", .string(""))]) }),
                       theirWarnings)
    }

    func testNoListWithoutAccounting() throws {
        let info = SharesInfo(tresNames: [], associations: [], totalShares: 0)
        XCTAssertEqual(try render(info)["shares"], .object([("shares", .array([])), ("total_shares", .int(0))]))
        XCTAssertEqual(SharesEndpoint.warnings(info, accountingDisabled: true), [SharesEndpoint.accountingDisabledWarning])
        XCTAssertEqual(SharesEndpoint.warnings(info, accountingDisabled: false), [])
    }

    func testQueryListsAsTheDataParserSplitsThem() {
        XCTAssertEqual(SharesEndpoint.list(nil), [])
        XCTAssertEqual(SharesEndpoint.list(""), [])
        XCTAssertEqual(SharesEndpoint.list(",,"), [])
        XCTAssertEqual(SharesEndpoint.list("alice"), ["alice"])
        XCTAssertEqual(SharesEndpoint.list(",alice,,Bob,"), ["alice", "Bob"])
    }

    /// FLOAT64_NO_VAL as the 26.05.5 plugin decides it: only the truncated low 32 bits count.
    func testFloat64NoVal() {
        let infinite = NoValNumber(set: false, infinite: true, number: .double(0))
        let unset = NoValNumber(set: false, infinite: false, number: .double(0))
        func set(_ d: Double) -> NoValNumber { NoValNumber(set: true, infinite: false, number: .double(d)) }
        let cases: [(Double, NoValNumber, Bool)] = [
            (0.5, set(0.5), false), (0, set(0), false), (1e20, set(1e20), false), (-0.5, set(-0.5), false),
            (4294967295, infinite, false), (4294967294, unset, false), (-1, infinite, false), (-2, unset, false),
            (8589934591, infinite, false), (4294967295.5, infinite, false),
            (.nan, set(4294967294), true), (.infinity, set(18446744073709551615), true),
            (-.infinity, set(18446744073709551615), true),
        ]
        for (value, expected, warns) in cases {
            let (number, warning) = DumpedNumber.float64NoVal(value)
            XCTAssertEqual(number, expected, "\(value)")
            XCTAssertEqual(warning != nil, warns, "\(value)")
        }
    }

    func testFloat128() {
        XCTAssertEqual(DumpedNumber.float128(2.5).value, 2.5)
        XCTAssertNil(DumpedNumber.float128(2.5).warning)
        XCTAssertEqual(DumpedNumber.float128(.infinity).value, 18446744073709551615)
        XCTAssertEqual(DumpedNumber.float128(-.infinity).warning, "Dumping (0xffffffffffffffff) as place holder for Infinity")
        XCTAssertEqual(DumpedNumber.float128(4294967294).warning, "Dumping (0xfffffffe) as place holder for null")
        #if arch(x86_64) || arch(i386)
        let huge = LongDoubleText.scan("-1e400")!
        XCTAssertEqual(DumpedNumber.float128(huge).value, 18446744073709551615)
        XCTAssertEqual(DumpedNumber.float128(huge).warning, "Dumping -1e+400 using -Infinity as place holder")
        #endif
    }

    /// Whatever decodes also renders: byte flips that survive decoding (odd doubles, counts, flags,
    /// long double texts) never trap in the renderer or in the warnings.
    func testMutatedRepliesRender() throws {
        let body = hexBytes(Self.standInBodyHex)
        var state: UInt64 = 0x5ba7e
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var rendered = 0
        for _ in 0..<3000 {
            var bytes = body
            for _ in 0..<(1 + next() % 3) { bytes[next() % bytes.count] = UInt8(truncatingIfNeeded: next()) }
            guard let info = try? SharesInfo.decode(bytes, version: .v26_05) else { continue }
            _ = try render(info)
            _ = SharesEndpoint.warnings(info, accountingDisabled: true)
            rendered += 1
        }
        XCTAssertGreaterThan(rendered, 100)
        var a = AssociationShares()
        a.tresRunSeconds = [0]; a.tresGroupMinutes = [0]
        a.usageTRES = [LongDoubleText.scan(String(repeating: "9", count: 20000))!]
        for d in [Double.nan, -.nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
                  .leastNonzeroMagnitude, -0.0, 9.2233720368547758e18, -9.2233720368547758e18, Double(bitPattern: UInt64.max)] {
            a.sharesNormalized = d; a.usageEffective = d; a.usageNormalized = d; a.fairshareFactor = d; a.levelFairshare = d
            let info = SharesInfo(tresNames: ["cpu"], associations: [a], totalShares: 0)
            _ = try render(info)
            XCTAssertFalse(SharesEndpoint.warnings(info, accountingDisabled: true).isEmpty)
        }
    }

    static let standInBodyHex = """
        000000050000000463707500000000046d656d0000000007656e6572677900000000056e6f6465000000000862696c6c696e670000000003
        000000010000000766616b6532360000000005726f6f74000000000000000000412e848000000000fffffffe000000050000000000000000
        0000000000000005fffffffffffffffeffffffffffffffff000000000000303900000005fffffffffffffffffffffffffffffffe00000000
        0000000100000000000000020000000000000003411e8480000000007ff8000000000000000000000001e2400000000500000009302e3030
        303030300000000009312e3530303030300000000004696e6600000000046e616e0000000012343239343936373239342e30303030303000
        40f86a00000000007ff00000000000000000000000020000000766616b6532360000000006616c6963650000000005726f6f740000000006
        6465627567003fb9999999999999ffffffff0000000500000000000000010000000000000002000000000000000300000000000000040000
        0000000000050000000500000000000000000000000000000000000000000000000000000000000000000000000000000000c12e84800000
        0000c13e848000000000ffffffffffffffff000000050000001e313030303030303030303030303030303030303030302e30303030303000
        0000000a2d322e323530303030000000001a3130303030303030303030303030303030302e30303030303000000000193132333435363738
        3930313233343536372e3030303030300000000009302e33333333333300433e847ffff0bdc042dc122183e3ee000001fffffffe00000000
        00000004626f620000000005726f6f740000000000432e847fffc2f700000000070000000500000000000000010000000000000002000000
        0000000003000000000000000400000000000000050000000500000000000000000000000000000000000000000000000000000000000000
        000000000000000000432e847ffff0bdc04554adf4b7320335fffffffffffffffe0000000500000004316535000000000a2d302e30303030
        303000000001a631303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030
        3030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030
        3030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030
        3030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030
        3030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030
        3030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030
        3030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030303030
        30303030303030303030303030303030303030303030303030303030302e3030303030300000000009302e3130303030300000000004322e
        35004480f0cf064dd59241145855555555550002ffffffffffffffff
        """.split(separator: "\n").joined()

    static let originalShares = """
        {"shares":[{"id":1,"cluster":"fake26","name":"root","parent":"","partition":"","shares_normalized":{"set":true
        ,"infinite":false,"number":1.0},"shares":{"set":false,"infinite":false,"number":0},"tres":{"run_seconds":[{"na
        me":"cpu","value":{"set":true,"infinite":false,"number":0}},{"name":"mem","value":{"set":true,"infinite":false
        ,"number":5}},{"name":"energy","value":{"set":false,"infinite":false,"number":0}},{"name":"node","value":{"set
        ":false,"infinite":true,"number":0}},{"name":"billing","value":{"set":true,"infinite":false,"number":12345}}],
        "group_minutes":[{"name":"cpu","value":{"set":false,"infinite":true,"number":0}},{"name":"mem","value":{"set":
        false,"infinite":false,"number":0}},{"name":"energy","value":{"set":true,"infinite":false,"number":1}},{"name"
        :"node","value":{"set":true,"infinite":false,"number":2}},{"name":"billing","value":{"set":true,"infinite":fal
        se,"number":3}}],"usage":[{"name":"cpu","value":0.0},{"name":"mem","value":1.5},{"name":"energy","value":1.844
        6744073709552e+19},{"name":"node","value":0.0},{"name":"billing","value":4294967294.0}]},"effective_usage":{"s
        et":true,"infinite":false,"number":0.5},"usage_normalized":{"set":true,"infinite":false,"number":4294967294.0}
        ,"usage":123456,"fairshare":{"factor":{"set":true,"infinite":false,"number":0.10000000000000001},"level":{"set
        ":true,"infinite":false,"number":1.8446744073709552e+19}},"type":["ASSOCIATION"]},{"id":2,"cluster":"fake26","
        name":"alice","parent":"root","partition":"debug","shares_normalized":{"set":true,"infinite":false,"number":9.
        9999999999999995e-08},"shares":{"set":false,"infinite":true,"number":0},"tres":{"run_seconds":[{"name":"cpu","
        value":{"set":true,"infinite":false,"number":1}},{"name":"mem","value":{"set":true,"infinite":false,"number":2
        }},{"name":"energy","value":{"set":true,"infinite":false,"number":3}},{"name":"node","value":{"set":true,"infi
        nite":false,"number":4}},{"name":"billing","value":{"set":true,"infinite":false,"number":5}}],"group_minutes":
        [{"name":"cpu","value":{"set":true,"infinite":false,"number":0}},{"name":"mem","value":{"set":true,"infinite":
        false,"number":0}},{"name":"energy","value":{"set":true,"infinite":false,"number":0}},{"name":"node","value":{
        "set":true,"infinite":false,"number":0}},{"name":"billing","value":{"set":true,"infinite":false,"number":0}}],
        "usage":[{"name":"cpu","value":1e+21},{"name":"mem","value":-2.25},{"name":"energy","value":1e+17},{"name":"no
        de","value":12345678901234568.0},{"name":"billing","value":0.33333299999999999}]},"effective_usage":{"set":fal
        se,"infinite":true,"number":0.0},"usage_normalized":{"set":false,"infinite":false,"number":0.0},"usage":-1,"fa
        irshare":{"factor":{"set":false,"infinite":true,"number":0.0},"level":{"set":true,"infinite":false,"number":12
        3456789.123}},"type":["USER"]},{"id":4294967294,"cluster":"","name":"bob","parent":"root","partition":"","shar
        es_normalized":{"set":false,"infinite":false,"number":0.0},"shares":{"set":true,"infinite":false,"number":7},"
        tres":{"run_seconds":[{"name":"cpu","value":{"set":true,"infinite":false,"number":1}},{"name":"mem","value":{"
        set":true,"infinite":false,"number":2}},{"name":"energy","value":{"set":true,"infinite":false,"number":3}},{"n
        ame":"node","value":{"set":true,"infinite":false,"number":4}},{"name":"billing","value":{"set":true,"infinite"
        :false,"number":5}}],"group_minutes":[{"name":"cpu","value":{"set":true,"infinite":false,"number":0}},{"name":
        "mem","value":{"set":true,"infinite":false,"number":0}},{"name":"energy","value":{"set":true,"infinite":false,
        "number":0}},{"name":"node","value":{"set":true,"infinite":false,"number":0}},{"name":"billing","value":{"set"
        :true,"infinite":false,"number":0}}],"usage":[{"name":"cpu","value":100000.0},{"name":"mem","value":-0.0},{"na
        me":"energy","value":1.8446744073709552e+19},{"name":"node","value":0.10000000000000001},{"name":"billing","va
        lue":2.5}]},"effective_usage":{"set":false,"infinite":true,"number":0.0},"usage_normalized":{"set":true,"infin
        ite":false,"number":1e+20},"usage":-2,"fairshare":{"factor":{"set":true,"infinite":false,"number":100000000000
        00000.0},"level":{"set":true,"infinite":false,"number":0.33333333333333331}},"type":[]}],"total_shares":-1}
        """.split(separator: "\n").joined()

    static let originalWarnings = """
        [{"description":"Dumping (0xfffffffe) as place holder for null","source":""},{"description":"Dumping (0xffffff
        ffffffffff) as place holder for Infinity","source":""},{"description":"Dumping (0xfffffffe) as place holder fo
        r null","source":""},{"description":"Dumping (0xffffffffffffffff) as place holder for Infinity","source":""},{
        "description":"Dumping (0xffffffffffffffff) as place holder for Infinity","source":""},{"description":"Dumping
         (0xfffffffe) as place holder for null","source":""},{"description":"Dumping (0xfffffffffffffffe) as place hol
        der for null","source":""},{"description":"Dumping 1e+413 using +Infinity as place holder","source":""},{"desc
        ription":"Dumping (0xffffffffffffffff) as place holder for Infinity","source":""}]
        """.split(separator: "\n").joined()
}

/// "0a1b..." → bytes.
func hexBytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.utf8)
    return stride(from: 0, to: digits.count - 1, by: 2).map { i in
        UInt8(String(decoding: digits[i...(i + 1)], as: UTF8.self), radix: 16) ?? 0
    }
}
