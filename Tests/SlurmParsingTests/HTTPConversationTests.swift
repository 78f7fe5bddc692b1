import XCTest
@testable import SlurmParsing

/// HTTP cases as a table, llhttp style: raw input on the left, what the conversation decides on
/// the right. Each case is also fed one byte at a time, which must not change the outcome.
final class HTTPConversationTests: XCTestCase {
    enum Outcome: Equatable {
        case request(String, String)  // method, path
        case rejected(Int)            // status
        case continue100
        case closed
        case waiting                  // needs more input (no end of input given)
    }

    /// Runs the conversation to its end over `input`; every dispatched request is "answered" and
    /// kept open unless it asked to close.
    func outcomes(_ input: [UInt8], endInput: Bool = true, byteByByte: Bool = false) -> [Outcome] {
        var c = HTTPConversation()
        var out: [Outcome] = []
        var pending = byteByByte ? input.map { [$0] } : [input]
        var ended = false
        while true {
            switch c.next() {
            case .dispatch(let box):
                out.append(.request(box.request.method.rawValue, box.request.path))
                c.responded(closing: !box.request.keepAlive)
            case .sendContinue: out.append(.continue100)
            case .reject(let e, _): out.append(.rejected(e.status)); return out
            case .close: out.append(.closed); return out
            case .needInput:
                if !pending.isEmpty { c.receive(pending.removeFirst()) }
                else if endInput && !ended { c.endOfInput(); ended = true }
                else { out.append(.waiting); return out }
            }
        }
    }

    static let cases: [(String, String, [Outcome])] = [
        ("simple GET", "GET /slurm/v0.0.43/ping HTTP/1.1\r\nHost: x\r\n\r\n", [.request("GET", "/slurm/v0.0.43/ping"), .closed]),
        ("empty input", "", [.closed]),
        ("bare LF lines", "GET /a HTTP/1.1\nHost: x\n\n", [.request("GET", "/a"), .closed]),
        ("leading empty line", "\r\nGET /a HTTP/1.1\r\nHost: x\r\n\r\n", [.request("GET", "/a"), .closed]),
        ("query and fragment", "GET /a?b=1#f HTTP/1.1\r\nHost: x\r\n\r\n", [.request("GET", "/a"), .closed]),
        ("absolute form", "GET http://h:1/a/b HTTP/1.1\r\nHost: h\r\n\r\n", [.request("GET", "/a/b"), .closed]),
        ("three pipelined", "GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\nGET /3 HTTP/1.1\r\nHost: x\r\n\r\n",
         [.request("GET", "/1"), .request("GET", "/2"), .request("GET", "/3"), .closed]),
        ("connection close stops the conversation", "GET /1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n",
         [.request("GET", "/1"), .closed]),
        ("HTTP/1.0 closes", "GET /1 HTTP/1.0\r\n\r\nGET /2 HTTP/1.0\r\n\r\n", [.request("GET", "/1"), .closed]),
        ("HTTP/1.0 keep-alive", "GET /1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /2 HTTP/1.0\r\n\r\n",
         [.request("GET", "/1"), .request("GET", "/2"), .closed]),
        ("content-length body", "POST /p HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET /n HTTP/1.1\r\nHost: x\r\n\r\n",
         [.request("POST", "/p"), .request("GET", "/n"), .closed]),
        ("chunked body", "POST /p HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: t\r\n\r\n",
         [.request("POST", "/p"), .closed]),
        ("HEAD", "HEAD /a HTTP/1.1\r\nHost: x\r\n\r\n", [.request("HEAD", "/a"), .closed]),
        ("malformed request line", "GARBAGE\r\n\r\n", [.rejected(400)]),
        ("two spaces", "GET  /a HTTP/1.1\r\nHost: x\r\n\r\n", [.rejected(400)]),
        ("unknown method", "BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n", [.rejected(501)]),
        ("invalid method token", "G(T /a HTTP/1.1\r\nHost: x\r\n\r\n", [.rejected(400)]),
        ("HTTP/2.0", "GET /a HTTP/2.0\r\nHost: x\r\n\r\n", [.rejected(505)]),
        ("HTTP/0.9 style", "GET /a\r\n\r\n", [.rejected(400)]),
        ("bad version", "GET /a HTTP/1.x\r\nHost: x\r\n\r\n", [.rejected(400)]),
        ("relative target", "GET a/b HTTP/1.1\r\nHost: x\r\n\r\n", [.rejected(400)]),
        ("missing Host", "GET /a HTTP/1.1\r\n\r\n", [.rejected(400)]),
        ("two Host", "GET /a HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", [.rejected(400)]),
        ("obs-fold", "GET /a HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  2\r\n\r\n", [.rejected(400)]),
        ("space before colon", "GET /a HTTP/1.1\r\nHost : x\r\n\r\n", [.rejected(400)]),
        ("no colon", "GET /a HTTP/1.1\r\nHost x\r\n\r\n", [.rejected(400)]),
        ("control char in value", "GET /a HTTP/1.1\r\nHost: x\u{01}y\r\n\r\n", [.rejected(400)]),
        ("CL and TE", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", [.rejected(400)]),
        ("differing CL", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", [.rejected(400)]),
        ("same CL twice", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nab", [.request("POST", "/a"), .closed]),
        ("negative CL", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", [.rejected(400)]),
        ("gzip TE", "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", [.rejected(501)]),
        ("TE in 1.0", "POST /a HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", [.rejected(400)]),
        ("bad chunk size", "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", [.rejected(400)]),
        ("chunk without CRLF", "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", [.rejected(400)]),
        ("chunk size overflow", "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n", [.rejected(400)]),
        ("body over the limit", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 52428801\r\n\r\n", [.rejected(413)]),
        ("truncated body", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc", [.rejected(400)]),
        ("truncated head", "GET /a HTTP/1.1\r\nHost: x\r\n", [.rejected(400)]),
        ("expect 100-continue", "POST /a HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
         [.continue100, .rejected(400)]),
        ("expect with body present", "POST /a HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nab",
         [.request("POST", "/a"), .closed]),
        ("other expectation", "POST /a HTTP/1.1\r\nHost: x\r\nExpect: coffee\r\n\r\n", [.rejected(417)]),
    ]

    func testTable() {
        for (name, input, expected) in Self.cases {
            XCTAssertEqual(outcomes(Array(input.utf8)), expected, name)
        }
    }

    /// Splitting the input at every byte gives the same decisions (the 100-continue case is the one
    /// whose interim answer depends on timing, so it is left out).
    func testByteByByteFeedingChangesNothing() {
        for (name, input, expected) in Self.cases where !name.hasPrefix("expect") {
            XCTAssertEqual(outcomes(Array(input.utf8), byteByByte: true), expected, name)
        }
    }

    func testChunkedBodyIsDecoded() {
        var c = HTTPConversation()
        c.receive(Array("POST /p HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n1\r\n!\r\n0\r\n\r\n".utf8))
        guard case .dispatch(let box) = c.next() else { return XCTFail() }
        XCTAssertEqual(box.request.body, Array("hello!".utf8))
    }

    func testLimits() {
        let longTarget = "GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n"
        XCTAssertEqual(outcomes(Array(longTarget.utf8)), [.rejected(414)])
        let bigHeader = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 70000) + "\r\n\r\n"
        XCTAssertEqual(outcomes(Array(bigHeader.utf8)), [.rejected(431)])
        let many = "GET / HTTP/1.1\r\nHost: x\r\n" + (0..<101).map { "X-\($0): 1\r\n" }.joined() + "\r\n"
        XCTAssertEqual(outcomes(Array(many.utf8)), [.rejected(431)])
        // An endless request line without a newline is cut off at the limit, not buffered forever.
        let endless = "GET /" + String(repeating: "a", count: 70000)
        XCTAssertEqual(outcomes(Array(endless.utf8), endInput: false), [.rejected(414)])
    }

    func testTimeouts() {
        var idle = HTTPConversation()
        XCTAssertEqual(idle.next(), .needInput)
        idle.readTimedOut()
        XCTAssertEqual(idle.next(), .close, "a silent client is dropped without an answer")

        var stalled = HTTPConversation()
        stalled.receive(Array("GET / HTTP/1.1\r\nHo".utf8))
        XCTAssertEqual(stalled.next(), .needInput)
        stalled.readTimedOut()
        guard case .reject(let e, _) = stalled.next() else { return XCTFail() }
        XCTAssertEqual(e.status, 408)

        var betweenRequests = HTTPConversation()
        betweenRequests.receive(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        guard case .dispatch = betweenRequests.next() else { return XCTFail() }
        betweenRequests.responded(closing: false)
        XCTAssertEqual(betweenRequests.next(), .needInput)
        betweenRequests.readTimedOut()
        XCTAssertEqual(betweenRequests.next(), .close)
    }

    func testKeepAliveRules() {
        func request(_ version: String, _ connection: String?) -> HTTPRequest {
            var text = "GET / \(version)\r\nHost: x\r\n"
            if let connection { text += "Connection: \(connection)\r\n" }
            var c = HTTPConversation()
            c.receive(Array((text + "\r\n").utf8))
            guard case .dispatch(let box) = c.next() else { fatalError() }
            return box.request
        }
        XCTAssertTrue(request("HTTP/1.1", nil).keepAlive)
        XCTAssertFalse(request("HTTP/1.1", "close").keepAlive)
        XCTAssertFalse(request("HTTP/1.1", "keep-alive, Close").keepAlive)
        XCTAssertFalse(request("HTTP/1.0", nil).keepAlive)
        XCTAssertTrue(request("HTTP/1.0", "Keep-Alive").keepAlive)
    }
}
