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
}
