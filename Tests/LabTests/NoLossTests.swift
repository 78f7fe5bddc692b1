import Foundation
import XCTest

/// Issue 4's no-loss test: 200 held job submissions over 20 parallel connections to the gateway under
/// systemd-socket-activate (one process per connection), several requests per connection, keep-alive and
/// pipelined. Every submission must be answered once, every answered job id must exist in the controller under
/// the name that was submitted, and the controller must hold exactly as many jobs of the run as there were
/// 200 answers: nothing dropped, nothing duplicated. The jobs are held and cancelled at the end.
final class NoLossTests: XCTestCase {
    static let connections = 20
    static let perConnection = 10

    /// How one connection sends its requests; the patterns alternate between connections.
    enum Pattern: CaseIterable {
        case pipelinedInOneWrite        // all requests in one write, the last asks to close
        case oneAtATime                 // keep-alive: a request, its answer, the next request
        case pipelinedInTwoWrites       // half in one write, their answers, the other half
        case pipelinedClientCloses      // all in one write, none asks to close: the client closes after the answers
    }

    func testEverySubmissionLandsExactlyOnce() throws {
        let lab = try Lab.require()
        let gateway = try SocketActivatedGateway.start(lab, .lab26, for: self)
        let token = try lab.token("alice")
        let prefix = "h-flow-noloss-\(Int(Date().timeIntervalSince1970))-\(getpid())-"
        addTeardownBlock { try? self.cancelJobs(lab, prefix: prefix) }

        let outcome = Outcome()
        let ready = DispatchSemaphore(value: 0), go = DispatchGroup(), done = DispatchGroup()
        go.enter()
        for c in 0..<Self.connections {
            done.enter()
            let numbers = Array((c * Self.perConnection)..<((c + 1) * Self.perConnection))
            let pattern = Pattern.allCases[c % Pattern.allCases.count]
            let thread = Thread {
                defer { done.leave() }
                do {
                    let connection = try LoopbackConnection(port: gateway.port)
                    ready.signal()
                    go.wait()  // all connections open before the first byte is sent
                    let answers = try self.submit(numbers, prefix: prefix, token: token, pattern: pattern, on: connection)
                    outcome.record(numbers, answers, connection: c)
                } catch {
                    ready.signal()
                    outcome.fail("connection \(c) (\(pattern)): \(error)")
                }
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        for _ in 0..<Self.connections { ready.wait() }
        go.leave()
        XCTAssertEqual(done.wait(timeout: .now() + 300), .success, "connections still busy after 300 s")

        let (answered, failures) = outcome.snapshot()
        XCTAssertEqual(failures.count, 0, "\(failures.count) failures, the first: \(failures.prefix(3))")
        let total = Self.connections * Self.perConnection
        // Every submission answered 200 with a job id, each id once.
        XCTAssertEqual(answered.count, total, "submissions answered 200 with a job id")
        XCTAssertEqual(Set(answered.values).count, answered.count, "a job id answered twice: \(answered)")

        // The controller's view, read without the gateway under test.
        let jobs = try controllerJobs(lab, prefix: prefix)
        XCTAssertEqual(jobs.count, answered.count, "jobs of this run in the controller vs 200 answers")
        XCTAssertEqual(Set(jobs.map(\.name)).count, jobs.count, "a submission landed twice")
        let byName = Dictionary(jobs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for (number, id) in answered.sorted(by: { $0.key < $1.key }) {
            guard let job = byName["\(prefix)\(number)"] else {
                XCTFail("submission \(number) answered job \(id), which the controller does not have")
                continue
            }
            XCTAssertEqual(job.id, id, "submission \(number)")
            XCTAssertEqual(job.state, "PENDING", "submission \(number) (job \(id)) is not held")
        }

        try cancelJobs(lab, prefix: prefix)
        let left = try controllerJobs(lab, prefix: prefix).filter { $0.state != "CANCELLED" }
        XCTAssertEqual(left.map(\.id), [], "jobs not cancelled")
    }

    // MARK: - Sending

    func submission(_ number: Int, prefix: String, token: String, close: Bool) -> String {
        let body = """
            {"script":"#!/bin/sh\\ntrue\\n","job":{"name":"\(prefix)\(number)","partition":"debug","hold":true,\
            "time_limit":{"set":true,"number":1},"current_working_directory":"/tmp","environment":["PATH=/bin:/usr/bin"]}}
            """
        return httpRequest("POST", "/slurm/v0.0.43/job/submit",
                           headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")],
                           body: body, close: close)
    }

    /// Sends the submissions `numbers` the way `pattern` says; returns the answers in order.
    func submit(_ numbers: [Int], prefix: String, token: String, pattern: Pattern,
                on connection: LoopbackConnection) throws -> [ParsedResponse] {
        func requests(_ part: ArraySlice<Int>, closing: Bool) -> String {
            part.map { submission($0, prefix: prefix, token: token, close: closing && $0 == numbers.last) }.joined()
        }
        var answers: [ParsedResponse] = []
        switch pattern {
        case .pipelinedInOneWrite:
            try connection.send(requests(numbers[...], closing: true))
            answers = try connection.responses(numbers.count)
        case .oneAtATime:
            for number in numbers {
                try connection.send(submission(number, prefix: prefix, token: token, close: number == numbers.last))
                answers += try connection.responses(1)
            }
        case .pipelinedInTwoWrites:
            let half = numbers.count / 2
            try connection.send(requests(numbers[..<half], closing: true))
            answers = try connection.responses(half)
            try connection.send(requests(numbers[half...], closing: true))
            answers += try connection.responses(numbers.count - half)
        case .pipelinedClientCloses:
            try connection.send(requests(numbers[...], closing: false))
            answers = try connection.responses(numbers.count)
        }
        connection.close()
        return answers
    }

    /// The answers of all connections, gathered from their threads.
    final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var answered: [Int: Int] = [:]   // submission number -> job id
        private var failures: [String] = []

        func record(_ numbers: [Int], _ answers: [ParsedResponse], connection: Int) {
            lock.lock()
            defer { lock.unlock() }
            if answers.count != numbers.count {
                failures.append("connection \(connection): \(answers.count) answers to \(numbers.count) submissions")
            }
            for (number, answer) in zip(numbers, answers) {
                let json = answer.json as? [String: Any]
                let errors = json?["errors"] as? [Any] ?? []
                if answer.status == 200, let id = json?["job_id"] as? Int, id > 0, errors.isEmpty {
                    answered[number] = id
                } else {
                    failures.append("submission \(number): HTTP \(answer.status) \(answer.text.prefix(1500))")
                }
            }
        }

        func fail(_ message: String) {
            lock.lock()
            failures.append(message)
            lock.unlock()
        }

        func snapshot() -> (answered: [Int: Int], failures: [String]) {
            lock.lock()
            defer { lock.unlock() }
            return (answered, failures)
        }
    }

    // MARK: - The controller's view

    struct ControllerJob {
        let id: Int
        let name: String
        let state: String
    }

    /// Every job of the run, in any state.
    func controllerJobs(_ lab: Lab, prefix: String) throws -> [ControllerJob] {
        try lab.inCluster(.lab26, ["squeue", "-h", "-t", "all", "-o", "%A|%j|%T"]).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, fields[1].hasPrefix(prefix), let id = Int(fields[0]) else { return nil }
            return ControllerJob(id: id, name: fields[1], state: fields[2])
        }
    }

    /// Cancels the run's jobs that are still pending; waits until the controller shows them cancelled.
    func cancelJobs(_ lab: Lab, prefix: String) throws {
        let pending = try controllerJobs(lab, prefix: prefix).filter { $0.state != "CANCELLED" }.map { String($0.id) }
        guard !pending.isEmpty else { return }
        _ = try lab.inCluster(.lab26, ["scancel"] + pending)
        for _ in 0..<50 {
            if try controllerJobs(lab, prefix: prefix).allSatisfy({ $0.state == "CANCELLED" }) { return }
            usleep(100_000)
        }
    }
}
