import XCTest
@testable import SlurmParsing

final class JSONWriterTests: XCTestCase {
    func render(pretty: Bool, _ body: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter(pretty: pretty)
        body(&w)
        return String(decoding: w.takeBytes(), as: UTF8.self)
    }

    func sample(_ w: inout JSONWriter) {
        w.beginObject()
        w.key("a"); w.value(Int64(1))
        w.key("b"); w.beginArray(); w.value(Int64(1)); w.value(Int64(-2)); w.endArray()
        w.key("c"); w.beginArray(); w.endArray()
        w.key("d"); w.beginObject(); w.endObject()
        w.key("e"); w.beginObject(); w.key("f"); w.value(true); w.key("g"); w.null(); w.endObject()
        w.key("s"); w.value("q\"\\/\n\t\u{01}é")
        w.endObject()
    }

    /// The original's pretty layout: two spaces, `"key": value`, `[]` and `{}` when empty.
    func testPrettyLayout() {
        XCTAssertEqual(render(pretty: true, sample), """
        {
          "a": 1,
          "b": [
            1,
            -2
          ],
          "c": [],
          "d": {},
          "e": {
            "f": true,
            "g": null
          },
          "s": "q\\"\\\\/\\n\\t\\u0001é"
        }
        """)
    }

    func testCompactLayout() {
        XCTAssertEqual(render(pretty: false, sample), #"{"a":1,"b":[1,-2],"c":[],"d":{},"e":{"f":true,"g":null},"s":"q\"\\/\n\t\u0001é"}"#)
    }

    func testNumbers() {
        XCTAssertEqual(render(pretty: false) { w in
            w.beginArray()
            w.value(Int64.min); w.value(Int64.max); w.value(UInt64.max); w.value(0.5); w.value(2.0); w.value(Double.nan)
            w.endArray()
        }, "[-9223372036854775808,9223372036854775807,18446744073709551615,0.5,2,null]")
    }

    func testTakeBytesContinues() {
        var w = JSONWriter(pretty: false)
        w.beginArray(); w.value(Int64(1))
        let first = w.takeBytes()
        w.value(Int64(2)); w.endArray()
        XCTAssertEqual(String(decoding: first + w.takeBytes(), as: UTF8.self), "[1,2]")
    }

    func testWriteValue() {
        let v = JSONValue.object([("x", .array([.int(1), .double(1.5), .string("s"), .bool(false), .null]))])
        var w = JSONWriter(pretty: false)
        w.write(v)
        XCTAssertEqual(String(decoding: w.takeBytes(), as: UTF8.self), #"{"x":[1,1.5,"s",false,null]}"#)
    }

    func testSpillHandsOverWholeItemsOnly() {
        var pieces: [[UInt8]] = []
        var w = JSONWriter(pretty: false)
        w.spillThreshold = 8
        w.spill = { pieces.append($0) }
        w.beginArray()
        for i in 0..<5 {
            w.beginObject(); w.key("n"); w.value(i); w.endObject()
            w.boundary()
        }
        w.endArray()
        let rest = w.takeBytes()
        XCTAssertEqual(pieces.map { String(decoding: $0, as: UTF8.self) }, ["[{\"n\":0}", ",{\"n\":1}", ",{\"n\":2}", ",{\"n\":3}", ",{\"n\":4}"])
        XCTAssertEqual(String(decoding: pieces.joined() + rest, as: UTF8.self),
                       "[{\"n\":0},{\"n\":1},{\"n\":2},{\"n\":3},{\"n\":4}]")
        // Without a spill, nothing leaves the buffer.
        var quiet = JSONWriter(pretty: false)
        quiet.spillThreshold = 1
        quiet.beginArray(); quiet.value(1); quiet.boundary(); quiet.endArray()
        XCTAssertEqual(String(decoding: quiet.takeBytes(), as: UTF8.self), "[1]")
    }
}
