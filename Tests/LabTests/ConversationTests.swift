import Foundation
import XCTest

/// One HTTP/1.1 conversation through the executable, end to end: exactly one well-formed answer
/// per request, in order, and nothing after the last one.
final class ConversationTests: XCTestCase {
    func converse(_ input: String, head: Bool = false) throws -> (responses: [ParsedResponse], rest: Data, status: Int32) {
        let lab = try Lab.require()
        let run = try lab.ours(.lab26, input)
        let parsed = parseResponses(run.stdout, headRequest: head)
        return (parsed.responses, parsed.rest, run.status)
    }

    func bearer() throws -> [(String, String)] { [("Authorization", "Bearer \(try Lab.require().token("alice"))")] }

    func testPipelinedRequestsAnsweredInOrder() throws {
        let h = try bearer()
        let input = httpRequest("GET", "/slurm/v0.0.43/ping/", headers: h, close: false)
            + httpRequest("GET", "/slurm/v0.0.43/nope", headers: h, close: false)
            + httpRequest("GET", "/slurm/v0.0.43/licenses", headers: h, close: false)
            + httpRequest("GET", "//slurm//v0.0.43//diag//", headers: h)
        let c = try converse(input)
        XCTAssertEqual(c.responses.map(\.status), [200, 404, 200, 200])
        XCTAssertEqual(c.rest.count, 0)
        XCTAssertEqual(c.responses.last?.header("Connection")?.lowercased(), "close")
    }

    func testNotFoundAndMethodNotAllowedCarryTheEnvelope() throws {
        let h = try bearer()
        let c = try converse(httpRequest("GET", "/slurm/v0.0.43/pings", headers: h, close: false)
                             + httpRequest("DELETE", "/slurm/v0.0.43/ping", headers: h))
        XCTAssertEqual(c.responses.map(\.status), [404, 405])
        guard c.responses.count == 2 else { return }
        for r in c.responses {
            let errors = (r.json as? [String: Any])?["errors"] as? [[String: Any]]
            XCTAssertEqual(errors?.count, 1, r.text)
            XCTAssertNotNil((r.json as? [String: Any])?["meta"])
        }
        XCTAssertEqual((((c.responses[0].json as? [String: Any])?["errors"] as? [[String: Any]])?.first?["error_number"] as? Int), 9006)
        XCTAssertEqual((((c.responses[1].json as? [String: Any])?["errors"] as? [[String: Any]])?.first?["error_number"] as? Int), 9007)
        XCTAssertEqual(c.responses[1].header("Allow"), "GET, HEAD")
    }

    func testHeadHasHeadersButNoBody() throws {
        let c = try converse(httpRequest("HEAD", "/slurm/v0.0.43/licenses", headers: try bearer()), head: true)
        XCTAssertEqual(c.responses.map(\.status), [200])
        XCTAssertEqual(c.responses.first?.body.count, 0)
        XCTAssertNotNil(Int(c.responses.first?.header("Content-Length") ?? ""))
        XCTAssertEqual(c.rest.count, 0)
    }

    func testEmptyInputIsSilent() throws {
        let c = try converse("")
        XCTAssertEqual(c.responses.count, 0)
        XCTAssertEqual(c.rest.count, 0)
        XCTAssertEqual(c.status, 0)
    }

    func testMalformedRequestGetsOneAnswerThenClose() throws {
        let c = try converse("GARBAGE\r\n\r\n" + httpRequest("GET", "/slurm/v0.0.43/ping", headers: try bearer()))
        XCTAssertEqual(c.responses.map(\.status), [400])
        XCTAssertEqual(c.rest.count, 0)
    }

    func testUnsupportedVersionAndUnknownMethod() throws {
        XCTAssertEqual(try converse("GET /slurm/v0.0.43/ping HTTP/2.0\r\nHost: x\r\n\r\n").responses.map(\.status), [505])
        XCTAssertEqual(try converse("BREW /slurm/v0.0.43/ping HTTP/1.1\r\nHost: x\r\n\r\n").responses.map(\.status), [501])
    }

    func testTruncatedBodyIs400() throws {
        let c = try converse("POST /slurm/v0.0.43/ping HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\nshort")
        XCTAssertEqual(c.responses.map(\.status), [400])
    }

    /// Our executable reading from a pipe that stays open, with a short read timeout.
    func streaming(readTimeout: Int) throws -> (process: Process, input: FileHandle, output: FileHandle) {
        let lab = try Lab.require()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        p.arguments = ["--reuid=alice", "--regid=alice", "--clear-groups", lab.executable.path, "-f", lab.conf(.lab26),
                       "--read-timeout", String(readTimeout)]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        return (p, input.fileHandleForWriting, output.fileHandleForReading)
    }

    func testStalledClientIsDropped() throws {
        // A request that never finishes, on a pipe that stays open: the read timeout ends it with 408.
        let (p, input, output) = try streaming(readTimeout: 1)
        input.write(Data("GET /slurm/v0.0.43/ping HTTP/1.1\r\nHost: x\r\n".utf8))
        let started = Date()
        let data = output.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(parseResponses(data).responses.map(\.status), [408])
        try input.close()
    }
}

extension ConversationTests {
    /// A client that keeps sending a byte now and then still has the timeout for the whole request.
    func testTricklingClientIsDropped() throws {
        let (p, input, output) = try streaming(readTimeout: 2)
        signal(SIGPIPE, SIG_IGN)
        let started = Date()
        for byte in "GET /slurm/v0.0.43/ping HTTP/1.1\r\n".utf8 {
            guard p.isRunning, (try? input.write(contentsOf: Data([byte]))) != nil else { break }
            usleep(200_000)
        }
        p.waitUntilExit()
        XCTAssertLessThan(Date().timeIntervalSince(started), 4)
        XCTAssertEqual(parseResponses(output.readDataToEndOfFile()).responses.map(\.status), [408])
    }
}

extension ConversationTests {
    /// The original's variables: compact JSON, and our own pin of the protocol version.
    func testEnvironmentVariables() throws {
        let lab = try Lab.require()
        let request = httpRequest("GET", "/slurm/v0.0.43/licenses", headers: try bearer())
        let compact = parseResponses(try lab.ours(.lab26, request, environment: ["SLURMRESTD_JSON": "compact"]).stdout)
        XCTAssertEqual(compact.responses.first?.status, 200)
        XCTAssertFalse(compact.responses.first?.text.contains("\n") ?? true, "compact JSON is one line")
        let pinned = parseResponses(try lab.ours(.lab24, request, environment: ["SLURMRESTD_PROTOCOL_VERSION": "24.11"]).stdout)
        XCTAssertEqual(pinned.responses.first?.status, 200)
        let bad = try lab.ours(.lab24, request, environment: ["SLURMRESTD_PROTOCOL_VERSION": "21.08"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stdout.isEmpty)
        XCTAssertTrue(bad.stderr.contains("21.08"), bad.stderr)
    }
}

extension ConversationTests {
    /// The document is served where the original serves it, after authentication as everything else.
    func testOpenAPIDocumentIsServed() throws {
        let lab = try Lab.require()
        let c = try converse(httpRequest("GET", "/openapi/v3", headers: try bearer(), close: false)
                             + httpRequest("GET", "/openapi.json"))
        XCTAssertEqual(c.responses.map(\.status), [200, 401])
        let doc = c.responses.first?.json as? [String: Any]
        XCTAssertEqual(doc?["openapi"] as? String, "3.0.3")
        XCTAssertNotNil((doc?["paths"] as? [String: Any])?["/slurm/v0.0.43/ping/"])
        let printed = try lab.run([lab.executable.path, "--generate-openapi-spec"], input: Data())
        XCTAssertEqual(printed.status, 0, "printing the document needs no slurm.conf and no user check")
        XCTAssertEqual(try JSONSerialization.jsonObject(with: printed.stdout) as? NSDictionary, doc.map { $0 as NSDictionary })
    }
}
