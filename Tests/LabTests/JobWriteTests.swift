import Foundation
import XCTest

/// Submitting, updating and allocating jobs, against the real slurmrestd 26.05.5 on the 26.05
/// controller, and on the 22.05 and 24.11 controllers by ours alone. Every job is held (or, for
/// allocations, tiny and immediate), named h-jobinput-*, and cancelled before the test ends.
final class JobWriteTests: XCTestCase {
    /// What differs between two jobs submitted alike: their ids, names and submission moments.
    static let jobVolatile = DifferentialTests.commonVolatile + [
        "jobs[*].job_id", "jobs[*].name", "jobs[*].submit_time", "jobs[*].eligible_time", "jobs[*].accrue_time",
        "jobs[*].last_sched_evaluation", "jobs[*].stdout_expanded", "jobs[*].stderr_expanded", "last_backfill", "last_update",
    ]

    /// A job description with the members a client commonly sets, held so that it never runs.
    static func description(_ name: String, partition: String = "debug") -> String {
        """
        {"name": "\(name)", "hold": true, "partition": "\(partition)", "time_limit": {"set": true, "number": 5},
         "tasks": 1, "cpus_per_task": 1, "environment": ["PATH=/bin:/usr/bin", "LANG=C"],
         "current_working_directory": "/tmp", "comment": "h-jobinput", "mail_type": ["END", "FAIL"],
         "nice": 10, "requeue": false, "rlimits": {"nofile": 1024}, "distribution": "block",
         "memory_per_node": {"set": true, "number": 64}, "kill_warning_signal": "USR1",
         "kill_warning_delay": 60, "flags": ["SPREAD_JOB"]}
        """
    }

    static let script = #"#!/bin/sh\nsleep 1\n"#

    var submitted: [(Lab.Cluster, Int)] = []

    override func tearDown() {
        if let lab = try? Lab.require() {
            for (cluster, id) in submitted {
                do { try cancel(lab, cluster, id) } catch { XCTFail("job \(id) on \(cluster) left behind: \(error)") }
            }
        }
        submitted = []
        super.tearDown()
    }

    func cancel(_ lab: Lab, _ cluster: Lab.Cluster, _ id: Int) throws {
        _ = try lab.inCluster(cluster, ["scancel", String(id)])
    }

    /// One request to ours or to the real slurmrestd, as `user`, with a JSON body.
    func send(_ lab: Lab, _ cluster: Lab.Cluster, real: Bool, _ method: String, _ path: String, body: String = "",
              user: String = "alice", file: StaticString = #filePath, line: UInt = #line) throws -> ParsedResponse {
        try WriteLab.send(lab, cluster, method, path, body: body, user: user, real: real, file: file, line: line)
    }

    func object(_ r: ParsedResponse) -> [String: Any] { r.json as? [String: Any] ?? [:] }

    func assertSame(_ ours: ParsedResponse, _ theirs: ParsedResponse, volatile: [String],
                    file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ours.status, theirs.status, "ours: \(ours.text)\ntheirs: \(theirs.text)", file: file, line: line)
        XCTAssertEqual(JSONDiff(volatile: volatile).differences(ours.json, theirs.json), [],
                       "ours:\n\(ours.text)\ntheirs:\n\(theirs.text)", file: file, line: line)
    }

    /// Submits the same job through both gateways; returns (ours, theirs) job ids.
    func submitBoth(_ lab: Lab, _ tag: String) throws -> (Int, Int) {
        let unique = "\(tag)-\(getpid())"
        func body(_ who: String) -> String {
            #"{"script": "\#(Self.script)", "job": \#(Self.description("h-jobinput-\(who)-\(unique)"))}"#
        }
        let theirs = try send(lab, .lab26, real: true, "POST", "/slurm/v0.0.43/job/submit", body: body("real"))
        let ours = try send(lab, .lab26, real: false, "POST", "/slurm/v0.0.43/job/submit", body: body("ours"))
        let theirID = object(theirs)["job_id"] as? Int, ourID = object(ours)["job_id"] as? Int
        if let theirID { submitted.append((.lab26, theirID)) }
        if let ourID { submitted.append((.lab26, ourID)) }
        // Warnings are compared by number and source; their texts are ours.
        assertSame(ours, theirs, volatile: DifferentialTests.commonVolatile + ["job_id", "warnings[*].description"])
        guard let ourID, let theirID else { throw LabError("no job ids: \(ours.text) / \(theirs.text)") }
        return (ourID, theirID)
    }

    /// The two jobs as the original shows them: equal but for what differs by construction.
    func assertSameJobs(_ lab: Lab, _ ourID: Int, _ theirID: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let a = try send(lab, .lab26, real: true, "GET", "/slurm/v0.0.43/job/\(ourID)")
        let b = try send(lab, .lab26, real: true, "GET", "/slurm/v0.0.43/job/\(theirID)")
        XCTAssertEqual((object(a)["jobs"] as? [Any])?.count, 1, file: file, line: line)
        assertSame(a, b, volatile: Self.jobVolatile, file: file, line: line)
    }

    func testSubmitMatchesTheOriginal() throws {
        let lab = try Lab.require()
        let (ours, theirs) = try submitBoth(lab, "submit")
        try assertSameJobs(lab, ours, theirs)
        // Our GET of our job answers as the original's GET of it.
        try differential("/slurm/v0.0.43/job/\(ours)", volatile: DifferentialTests.commonVolatile + ["last_backfill", "last_update"])
    }

    func testUpdateMatchesTheOriginal() throws {
        let lab = try Lab.require()
        let (ours, theirs) = try submitBoth(lab, "update")
        for change in [#"{"comment": "h-jobinput changed"}"#, #"{"time_limit": {"set": true, "number": 3}}"#,
                       #"{"time_limit": 4, "comment": "again", "nice": 5}"#] {
            let a = try send(lab, .lab26, real: false, "POST", "/slurm/v0.0.43/job/\(ours)", body: change)
            let b = try send(lab, .lab26, real: true, "POST", "/slurm/v0.0.43/job/\(theirs)", body: change)
            assertSame(a, b, volatile: DifferentialTests.commonVolatile)
            XCTAssertEqual(a.status, 200, a.text)
        }
        try assertSameJobs(lab, ours, theirs)
    }

    func testRefusalsMatchTheOriginal() throws {
        let lab = try Lab.require()
        // Invalid partition: the controller's refusal, with Slurm's number.
        let body = #"{"script": "\#(Self.script)", "job": \#(Self.description("h-jobinput-badpart", partition: "nosuch"))}"#
        let theirs = try send(lab, .lab26, real: true, "POST", "/slurm/v0.0.43/job/submit", body: body)
        let ours = try send(lab, .lab26, real: false, "POST", "/slurm/v0.0.43/job/submit", body: body)
        // The controller's own text (RESPONSE_SLURM_RC_MSG) is ours to show; the original logs it.
        assertSame(ours, theirs, volatile: DifferentialTests.commonVolatile + ["errors[*].description", "errors[*].error"])
        XCTAssertEqual((object(ours)["errors"] as? [[String: Any]])?.first?["error_number"] as? Int, 2000)

        let (mine, _) = try submitBoth(lab, "refusals")
        // Someone else's job: bob may not change alice's. ESLURM_USER_ID_MISSING is a 403 by the
        // error catalog's policy (the original answers 422).
        let a = try send(lab, .lab26, real: false, "POST", "/slurm/v0.0.43/job/\(mine)", body: #"{"comment": "bob"}"#, user: "bob")
        let b = try send(lab, .lab26, real: true, "POST", "/slurm/v0.0.43/job/\(mine)", body: #"{"comment": "bob"}"#, user: "bob")
        XCTAssertEqual(a.status, 403, a.text)
        XCTAssertEqual(JSONDiff(volatile: DifferentialTests.commonVolatile + ["errors[*].error", "errors[*].description"]).differences(a.json, b.json), [],
                       "ours:\n\(a.text)\ntheirs:\n\(b.text)")
        // A time limit beyond the partition's, for a job in it: refused for a user.
        for (path, change) in [("\(mine)", #"{"partition": "batch", "time_limit": 500}"#), ("999999", #"{"comment": "x"}"#),
                               ("\(mine)_1", #"{"comment": "x"}"#)] {
            let a = try send(lab, .lab26, real: false, "POST", "/slurm/v0.0.43/job/\(path)", body: change)
            let b = try send(lab, .lab26, real: true, "POST", "/slurm/v0.0.43/job/\(path)", body: change)
            XCTAssertEqual(a.status == 200, b.status == 200, "\(path) \(change)\nours: \(a.text)\ntheirs: \(b.text)")
            // Same outcome and number; our texts and the source naming the member are our own.
            XCTAssertEqual(JSONDiff(volatile: DifferentialTests.commonVolatile + ["errors[*].error", "errors[*].description",
                                                                                  "errors[*].source"])
                .differences(a.json, b.json), [], "\(path) \(change)\nours: \(a.text)\ntheirs: \(b.text)")
        }
    }

    /// Bad input: refused before anything is sent, naming the member; the job list does not change.
    func testBadInputSendsNothing() throws {
        let lab = try Lab.require()
        let cases = [
            ("{\"job\": ", "#/job"),
            (#"{"script": "\#(Self.script)", "job": {"name": "h-jobinput-bad", "time_limit": "soon"}}"#, "#/job/time_limit"),
            (#"{"script": "\#(Self.script)", "job": {"name": "h-jobinput-bad", "nmae": "x"}}"#, "#/job/nmae"),
            (#"{"job": {"name": "h-jobinput-bad", "environment": ["A=1"]}}"#, "#/script"),
            (#"{"script": "sleep 1", "job": {"name": "h-jobinput-bad", "environment": ["A=1"]}}"#, "#/script"),
            (#"{"script": "\#(Self.script)", "job": {"name": "h-jobinput-bad", "tasks": 4294967296}}"#, "#/job/tasks"),
        ]
        for (body, source) in cases {
            let r = try send(lab, .lab26, real: false, "POST", "/slurm/v0.0.43/job/submit", body: body)
            XCTAssertTrue((400..<500).contains(r.status), "\(body): \(r.text)")
            let error = (object(r)["errors"] as? [[String: Any]])?.first
            XCTAssertEqual(error?["source"] as? String, source, body)
        }
        let left = try lab.inCluster(.lab26, ["squeue", "-h", "-t", "all", "-n", "h-jobinput-bad", "-o", "%i"])
        XCTAssertEqual(left.trimmingCharacters(in: .whitespacesAndNewlines), "", "nothing was submitted")
    }

    func testAllocationMatchesTheOriginal() throws {
        let lab = try Lab.require()
        // Immediate: granted at once or refused at once, never queued (the original would wait).
        let body = #"{"job": {"name": "h-jobinput-alloc", "partition": "debug", "time_limit": 1, "immediate": true, "memory_per_node": 10, "environment": ["PATH=/bin"], "current_working_directory": "/tmp"}}"#
        let theirs = try send(lab, .lab26, real: true, "POST", "/slurm/v0.0.43/job/allocate", body: body)
        if let id = object(theirs)["job_id"] as? Int { submitted.append((.lab26, id)); try cancel(lab, .lab26, id) }
        let ours = try send(lab, .lab26, real: false, "POST", "/slurm/v0.0.43/job/allocate", body: body)
        if let id = object(ours)["job_id"] as? Int { submitted.append((.lab26, id)); try cancel(lab, .lab26, id) }
        // Granted (200) by both, or refused as busy by both; the catalog's status for a busy node is 409.
        XCTAssertEqual(ours.status == 200, theirs.status == 200, "ours: \(ours.text)\ntheirs: \(theirs.text)")
        XCTAssertEqual(JSONDiff(volatile: DifferentialTests.commonVolatile + ["job_id", "errors[*].error", "errors[*].description", "warnings[*].description"])
            .differences(ours.json, theirs.json), [], "ours:\n\(ours.text)\ntheirs:\n\(theirs.text)")
    }

    /// What 22.05 and 24.11 controllers do with the same submission and update, through ours.
    func check(_ cluster: Lab.Cluster) throws {
        let lab = try Lab.require()
        let validator = try SpecValidator.v0043()
        let name = "h-jobinput-\(cluster.rawValue)-\(getpid())"
        let submit = try send(lab, cluster, real: false, "POST", "/slurm/v0.0.43/job/submit",
                              body: #"{"script": "\#(Self.script)", "job": \#(Self.description(name))}"#)
        XCTAssertEqual(submit.status, 200, submit.text)
        XCTAssertEqual(validator.validate(submit.json, schema: "v0.0.43_openapi_job_submit_response"), [])
        guard let id = object(submit)["job_id"] as? Int else { return XCTFail("no job id: \(submit.text)") }
        submitted.append((cluster, id))
        XCTAssertEqual(object(submit)["step_id"] as? String, "batch")
        let warnings = (object(submit)["warnings"] as? [[String: Any]])?.compactMap { $0["description"] as? String } ?? []
        XCTAssertTrue(warnings.contains { $0.contains("ESLURM_JOB_HELD") }, "\(warnings)")

        let update = try send(lab, cluster, real: false, "POST", "/slurm/v0.0.43/job/\(id)",
                              body: #"{"comment": "h-jobinput changed", "time_limit": 3}"#)
        XCTAssertEqual(update.status, 200, update.text)
        // `results` is null, as the original prints it for a job that is not an array (the spec has no null).
        var updateAnswer = object(update)
        XCTAssertTrue(updateAnswer.removeValue(forKey: "results") is NSNull, update.text)
        XCTAssertEqual(validator.validate(updateAnswer, schema: "v0.0.43_openapi_job_post_response"), [])

        let shown = try send(lab, cluster, real: false, "GET", "/slurm/v0.0.43/job/\(id)")
        let job = (object(shown)["jobs"] as? [[String: Any]])?.first ?? [:]
        XCTAssertEqual(job["name"] as? String, name)
        XCTAssertEqual(job["comment"] as? String, "h-jobinput changed")
        XCTAssertEqual((job["time_limit"] as? [String: Any])?["number"] as? Int, 3)
        XCTAssertEqual(job["hold"] as? Bool, true)
        XCTAssertEqual(job["partition"] as? String, "debug")

        let refused = try send(lab, cluster, real: false, "POST", "/slurm/v0.0.43/job/submit",
                               body: #"{"script": "\#(Self.script)", "job": \#(Self.description(name, partition: "nosuch"))}"#)
        XCTAssertEqual(refused.status, 422, refused.text)
        XCTAssertEqual((object(refused)["errors"] as? [[String: Any]])?.first?["error_number"] as? Int, 2000)
    }

    func testSlurm22_05() throws { try check(.lab22) }
    func testSlurm24_11() throws { try check(.lab24) }
    func testSlurm26_05() throws { try check(.lab26) }
}
