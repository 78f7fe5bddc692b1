import XCTest
@testable import SlurmParsing

/// JSONTestSuite-style cases: y_ must parse, n_ must be refused.
final class JSONReaderTests: XCTestCase {
    func parse(_ s: String) throws -> JSONValue { try JSONReader.parse(Array(s.utf8)) }

    static let accepted: [(String, JSONValue)] = [
        ("null", .null), ("true", .bool(true)), ("false", .bool(false)), ("0", .int(0)), ("-0", .int(0)),
        ("123", .int(123)), ("-9223372036854775808", .int(Int64.min)), ("1.5", .double(1.5)), ("1e3", .double(1000)),
        ("1E-2", .double(0.01)), ("-1.25e+2", .double(-125)), ("18446744073709551616", .double(18446744073709551616)),
        ("\"\"", .string("")), ("\"a\\u00e9\\n\"", .string("aé\n")), ("\"\\ud83d\\ude00\"", .string("😀")),
        ("\"\\/\\\\\\\"\\b\\f\\r\\t\"", .string("/\\\"\u{08}\u{0c}\r\t")), ("\"é😀\"", .string("é😀")),
        ("[]", .array([])), ("{}", .object([])), (" \t\r\n[ 1 , 2 ] \n", .array([.int(1), .int(2)])),
        ("{\"a\":{\"b\":[null]}}", .object([("a", .object([("b", .array([.null]))]))])),
        ("{\"b\":1,\"a\":2}", .object([("b", .int(1)), ("a", .int(2))])),
    ]

    static let refused: [(String, String)] = [
        ("", "empty"), (" ", "blank"), ("[1,]", "trailing comma"), ("{\"a\":1,}", "trailing comma in object"),
        ("01", "leading zero"), ("-01", "leading zero negative"), ("1.", "bare dot"), (".5", "no integer part"),
        ("1e", "empty exponent"), ("+1", "plus sign"), ("NaN", "NaN"), ("Infinity", "Infinity"), ("1e999", "out of range"),
        ("tru", "short literal"), ("True", "capital literal"), ("nul", "short null"), ("[1 2]", "missing comma"),
        ("{\"a\" 1}", "missing colon"), ("{a:1}", "unquoted key"), ("{'a':1}", "single quotes"), ("\"abc", "unterminated"),
        ("\"\\x\"", "bad escape"), ("\"\\u12\"", "short unicode"), ("\"\\ud800\"", "lone high surrogate"),
        ("\"\\udc00\"", "lone low surrogate"), ("\"\\ud800\\u0041\"", "high then non-low"), ("\"a\u{01}b\"", "control char"),
        ("\"tab\there\"", "raw tab"), ("[1] [2]", "two values"), ("{\"a\":1}x", "trailing text"), ("[", "open array"),
        ("{", "open object"), ("{\"a\":1,\"a\":2}", "duplicate key"), ("//c\n1", "comment"), ("[1,,2]", "double comma"),
    ]

    func testAccepted() throws {
        for (text, value) in Self.accepted {
            XCTAssertEqual(try parse(text), value, text)
        }
    }

    func testRefused() {
        for (text, why) in Self.refused {
            XCTAssertThrowsError(try parse(text), why)
        }
    }

    func testInvalidUTF8() {
        for bytes: [UInt8] in [[0x22, 0xff, 0x22], [0x22, 0xc0, 0xaf, 0x22], [0x22, 0xed, 0xa0, 0x80, 0x22],
                               [0x22, 0xf4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xe2, 0x82, 0x22]] {
            XCTAssertThrowsError(try JSONReader.parse(bytes), "\(bytes)")
        }
    }

    func testErrorsNameThePath() {
        XCTAssertThrowsError(try parse("{\"job\":{\"tasks\":01}}")) { e in
            XCTAssertEqual((e as? JSONError)?.path, "#/job/tasks")
        }
        XCTAssertThrowsError(try parse("{\"jobs\":[{},{\"x\":tru}]}")) { e in
            XCTAssertEqual((e as? JSONError)?.path, "#/jobs/1/x")
        }
    }

    func testDepthLimit() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        XCTAssertNoThrow(try parse(ok))
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        XCTAssertThrowsError(try parse(deep))
        XCTAssertThrowsError(try JSONReader.parse(Array(String(repeating: "[", count: 100_000).utf8)), "no stack overflow")
    }

    /// What the writer writes, the reader reads back unchanged.
    func testRoundTrip() throws {
        for (text, value) in Self.accepted {
            for pretty in [true, false] {
                var w = JSONWriter(pretty: pretty)
                w.write(value)
                XCTAssertEqual(try JSONReader.parse(w.takeBytes()), value, text)
            }
        }
        var big = JSONWriter(pretty: false)
        big.beginArray()
        for n in 0..<50_000 { big.beginObject(); big.key("n\(n)"); big.value(Int64(n)); big.endObject() }
        big.endArray()
        guard case .array(let items) = try JSONReader.parse(big.takeBytes()) else { return XCTFail() }
        XCTAssertEqual(items.count, 50_000)
    }
}
