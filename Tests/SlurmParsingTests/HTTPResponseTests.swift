import XCTest
@testable import SlurmParsing

final class HTTPResponseTests: XCTestCase {
    func request(_ method: HTTPMethod, _ version: HTTPVersion = .http1_1) -> HTTPRequest {
        HTTPRequest(method: method, target: "/", path: "/", query: nil, version: version, headers: HTTPHeaders())
    }

    func testSerialization() {
        let r = HTTPResponse(status: HTTPStatus(code: 200), headers: [("Content-Type", "application/json")], body: Array("{}".utf8))
        XCTAssertEqual(String(decoding: r.serialize(for: request(.GET), close: false), as: UTF8.self),
                       "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
        XCTAssertEqual(String(decoding: r.serialize(for: request(.GET, .http1_0), close: true), as: UTF8.self),
                       "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
        XCTAssertEqual(String(decoding: r.serialize(for: request(.GET, .http1_0), close: false), as: UTF8.self),
                       "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\n{}")
        // HEAD: the length GET would have, no content.
        XCTAssertEqual(String(decoding: r.serialize(for: request(.HEAD), close: false), as: UTF8.self),
                       "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n")
        let notModified = HTTPResponse(status: HTTPStatus(code: 304))
        XCTAssertEqual(String(decoding: notModified.serialize(for: request(.GET), close: false), as: UTF8.self),
                       "HTTP/1.1 304 Not Modified\r\n\r\n")
    }

    func testEveryErrorHasAStatusAndASlurmNumber() {
        let errors: [HTTPError] = [.malformedRequestLine, .invalidMethodToken, .unknownMethod("X"), .invalidTarget,
            .uriTooLong, .unsupportedVersion("HTTP/2.0"), .invalidVersion, .invalidHeaderField, .obsoleteLineFolding,
            .whitespaceBeforeColon, .headersTooLarge, .tooManyHeaderFields, .missingHost, .multipleHost,
            .invalidContentLength, .multipleContentLength, .contentLengthWithTransferEncoding,
            .unsupportedTransferEncoding("gzip"), .transferEncodingInHTTP10, .invalidChunk, .bodyTooLarge,
            .truncatedHead, .truncatedBody, .unsupportedExpectation("x"), .requestTimeout]
        for e in errors {
            XCTAssertTrue((400..<600).contains(e.status), "\(e)")
            XCTAssertGreaterThan(e.slurmError.number, 0)
            XCTAssertFalse(e.description.isEmpty)
            XCTAssertNotEqual(HTTPStatus(code: e.status).reason, "Status \(e.status)")
        }
    }

    func testStreamedFraming() {
        let r = HTTPResponse(status: HTTPStatus(code: 200), headers: [("Content-Type", "application/json")])
        func text(_ b: [UInt8]) -> String { String(decoding: b, as: UTF8.self) }
        XCTAssertEqual(text(r.streamingHead(version: .http1_1, close: false)),
                       "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
        XCTAssertEqual(text(r.streamingHead(version: .http1_1, close: true)),
                       "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        // HTTP/1.0 has no chunks: the content ends where the connection does.
        XCTAssertEqual(text(r.streamingHead(version: .http1_0, close: false)),
                       "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n")
        XCTAssertEqual(text(HTTPResponse.chunk(Array(repeating: UInt8(ascii: "x"), count: 26), version: .http1_1)),
                       "1a\r\n" + String(repeating: "x", count: 26) + "\r\n")
        XCTAssertEqual(HTTPResponse.chunk([], version: .http1_1), [], "an empty chunk would end the content")
        XCTAssertEqual(text(HTTPResponse.chunk(Array("ab".utf8), version: .http1_0)), "ab")
        XCTAssertEqual(text(HTTPResponse.streamEnd(version: .http1_1)), "0\r\n\r\n")
        XCTAssertEqual(HTTPResponse.streamEnd(version: .http1_0), [])
        XCTAssertEqual(text(HTTPResponse(status: HTTPStatus(code: 200)).head(close: false, contentLength: 99)),
                       "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n")
    }
}
