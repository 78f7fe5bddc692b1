import XCTest
import SlurmController
import SlurmParsing
@testable import SlurmRoutes

/// The job-writing endpoints: what they refuse before anything is sent (the context has no
/// controller, so a request that got as far as sending would answer 502), and how the
/// controller's answers are rendered.
final class JobWriteEndpointTests: XCTestCase {
    func context(_ body: String?, path: [String: String] = [:]) throws -> RequestContext {
        let controller = ControllerClient(conf: SlurmConf(), authenticator: JWTAuthenticator(token: "t", userName: "alice"),
                                          versionState: ProtocolVersionState(pinned: nil))
        let envelope = Envelope(meta: Meta(accountingStorage: "", clientSource: "test", clientUser: "alice",
                                           clientGroup: "alice", cluster: "lab"))
        return RequestContext(envelope: envelope, controller: controller, query: [], pathParameters: path,
                              body: try body.map { try JSONReader.parse(Array($0.utf8)) },
                              accounts: AccountNames(user: { _ in nil }, group: { _ in nil }))
    }

    struct Answer {
        let status: Int
        let json: JSONValue
        var errors: [JSONValue] { if case .array(let e)? = json["errors"] { return e }; return [] }
        var warnings: [JSONValue] { if case .array(let w)? = json["warnings"] { return w }; return [] }
        var firstError: (number: JSONValue?, source: JSONValue?, description: JSONValue?) {
            (errors.first?["error_number"], errors.first?["source"], errors.first?["description"])
        }
    }

    func answer(_ result: EndpointResult) throws -> Answer {
        var w = JSONWriter(pretty: false)
        result.render(&w)
        return Answer(status: result.status, json: try JSONReader.parse(w.takeBytes()))
    }

    func submit(_ body: String?) throws -> Answer {
        var c = try context(body)
        return try answer(JobSubmitEndpoint.handle(&c))
    }

    func testSubmitRefusalsSendNothing() throws {
        let env = #""environment": ["A=1"]"#
        let cases: [(String?, Int32, String)] = [
            (nil, 9212, "#"),
            (#"[]"#, 9209, "#"),
            (##"{"job": {\##(env)}}"##, 9216, "#/script"),
            (##"{"script": "", "job": {\##(env)}}"##, 9216, "#/script"),
            (##"{"script": "#!/bin/sh", "job": {}, "jobs": [{}]}"##, 9216, "#/jobs"),
            (##"{"script": "#!/bin/sh"}"##, 9216, "#/job"),
            (#"{"job": {"script": ""}}"#, 2009, "#/job/script"),
            (##"{"script": "", "job": {"script": "#!/bin/sh"}}"##, 2009, "#/script"),
            (##"{"script": "echo hello", "job": {\##(env)}}"##, 9216, "#/script"),
            (##"{"job": {"script": " #!/bin/sh"}}"##, 9216, "#/job/script"),
            (#"{"jobs": []}"#, 9216, "#/jobs"),
            (##"{"jobs": [{"name": "a"}, {"script": "#!/bin/sh"}]}"##, 2009, "#/jobs/0/script"),
            (#"{"jobs": [{"script": "hostname"}]}"#, 9216, "#/jobs/0/script"),
            (##"{"script": "#!/bin/sh", "job": {"time_limit": "1"}}"##, 9202, "#/job/time_limit"),
            (##"{"script": "#!/bin/sh", "job": {"user_id": "no-such-user-here"}}"##, 2166, "#/job/user_id"),
            (##"{"script": "#!/bin/sh", "job": {}, "extra": 1}"##, 9216, "#/extra"),
        ]
        for (body, number, source) in cases {
            let a = try submit(body)
            XCTAssertEqual(a.firstError.number, .int(Int64(number)), body ?? "no body")
            XCTAssertEqual(a.firstError.source, .string(source), body ?? "no body")
            XCTAssertTrue((400..<500).contains(a.status), "\(body ?? "no body"): \(a.status)")
            XCTAssertNil(a.json["job_id"], "an error answer has no payload, as the original's")
        }
        let tooMany = "{\"jobs\": [" + Array(repeating: ##"{"script": "#!/bin/sh"}"##, count: 129).joined(separator: ",") + "]}"
        XCTAssertEqual(try submit(tooMany).firstError.source, .string("#/jobs"))
    }

    func testSubmissionTakesTheScriptBesideTheJob() throws {
        let request = try JobSubmitEndpoint.request.decode(try JSONReader.parse(Array(
            ##"{"script": "#!/bin/sh\ntrue\n", "jobs": [{"script": "#!/bin/bash"}, {"name": "second"}]}"##.utf8)))
        guard case .hetJob(let jobs) = try Submission(request, ids: JobDescriptionInputTests.ids) else {
            return XCTFail("not a heterogeneous job")
        }
        XCTAssertEqual(jobs.map(\.script), ["#!/bin/sh\ntrue\n", nil])
        XCTAssertEqual(jobs.map(\.name), [nil, "second"])
        XCTAssertEqual(jobs.map(\.allocSID), [SlurmNumber.noVal32, SlurmNumber.noVal32])
        guard case .hetJob(let sent) = Submission.hetJob(jobs).fillingSession() else { return XCTFail("not a heterogeneous job") }
        XCTAssertTrue(sent.allSatisfy { $0.allocSID != SlurmNumber.noVal32 }, "the session is filled in, as libslurm does")
        let external = try JobSubmitEndpoint.request.decode(try JSONReader.parse(Array(#"{"job": {"flags": ["EXTERNAL_JOB"]}}"#.utf8)))
        guard case .job(let job) = try Submission(external, ids: JobDescriptionInputTests.ids) else { return XCTFail("not a job") }
        XCTAssertNil(job.script, "an external job has no script")
    }

    func testSubmittedHeldJob() throws {
        var answer = SubmitResponse()
        answer.jobID = 42
        answer.stepID = 0xffff_fffb
        answer.errorCode = 2042
        let a = try self.answer(JobSubmitEndpoint.submitted(answer, hetJob: false, try context(nil)))
        XCTAssertEqual(a.status, 200)
        XCTAssertEqual(a.json["job_id"], .int(42))
        XCTAssertEqual(a.json["step_id"], .string("batch"))
        XCTAssertEqual(a.json["job_submit_user_msg"], .string(""))
        XCTAssertEqual(a.errors, [])
        XCTAssertEqual(a.warnings, [
            .object([("description", .string("Job submission resulted in non-zero return code: Job is in held state, pending scheduler release")),
                     ("source", .string("slurm_submit_batch_job()"))]),
            .object([("description", .string("Job is in held state, pending scheduler release")),
                     ("source", .string("slurm_submit_batch_job()"))]),
        ])
        answer.errorCode = 2051
        let flagged = try self.answer(JobSubmitEndpoint.submitted(answer, hetJob: true, try context(nil)))
        XCTAssertEqual(flagged.status, 422, "a code that is not a wait is an error, though the job exists")
        XCTAssertEqual(flagged.firstError.number, .int(2051))
        XCTAssertEqual(flagged.firstError.source, .string("slurm_submit_batch_het_job()"))
        XCTAssertEqual(flagged.json["job_id"], .int(42))
    }

    func testRefusalCodes() {
        XCTAssertEqual(JobWriteOutcome.refusal(.slurm(2000, "invalid partition specified: x")).httpStatus, 422,
                       "a name in the body the controller does not know")
        XCTAssertEqual(JobWriteOutcome.refusal(.slurm(2017, nil)).httpStatus, 404)
        XCTAssertEqual(JobWriteOutcome.refusal(.slurm(2010, nil)).httpStatus, 403, "the catalog's policy")
        XCTAssertEqual(JobWriteOutcome.refusal(.slurm(11, nil)).httpStatus, 503)
        XCTAssertEqual(JobWriteOutcome.refusal(.connectFailed("x")).httpStatus, 502)
        XCTAssertEqual(JobWriteOutcome.stepText(0xffff_fffd), "TBD")
        XCTAssertEqual(JobWriteOutcome.stepText(3), "3")
    }

    func update(_ id: String, _ body: String?) throws -> Answer {
        var c = try context(body, path: ["job_id": id])
        return try answer(JobUpdateEndpoint.handle(&c))
    }

    func testUpdateRefusalsSendNothing() throws {
        let cases: [(String, String?, Int32, String)] = [
            ("7_3", #"{"comment": "x"}"#, 9000, "#/job_id/"),
            ("abc", #"{"comment": "x"}"#, 9000, "#/job_id/"),
            ("0", #"{"comment": "x"}"#, 9000, "#/job_id/"),
            ("7", nil, 9212, "#"),
            ("7", #"{"comment": 1}"#, 9202, "#/comment"),
            ("7", #"{"time_limit": {"number": 4294967295}}"#, 9202, "#/time_limit/number"),
        ]
        for (id, body, number, source) in cases {
            let a = try update(id, body)
            XCTAssertEqual(a.firstError.number, .int(Int64(number)), "\(id) \(body ?? "")")
            XCTAssertEqual(a.firstError.source, .string(source), "\(id) \(body ?? "")")
            XCTAssertTrue((400..<500).contains(a.status), "\(id): \(a.status)")
            XCTAssertEqual(a.json["results"], .null, "the original prints results: null on errors too")
        }
    }

    func testUpdateTargets() {
        var job = JobDescription()
        JobUpdateEndpoint.target(&job, SelectedJob(jobID: 7, hetJobOffset: 1))
        XCTAssertEqual(job.jobID, 7)
        XCTAssertEqual(job.jobIDString, "7+1", "the component, not the leader")
        job = JobDescription()
        JobUpdateEndpoint.target(&job, SelectedJob(jobID: 9))
        XCTAssertEqual(job.jobID, 9)
        XCTAssertNil(job.jobIDString)
    }

    func testUpdateAnswers() throws {
        var ok = try answer(JobUpdateEndpoint.updated(.updated(message: nil), try context(nil)))
        XCTAssertEqual(ok.json["results"], .null)
        XCTAssertEqual(ok.warnings, [])
        ok = try answer(JobUpdateEndpoint.updated(.updated(message: "some fields were left alone"), try context(nil)))
        XCTAssertEqual(ok.warnings.first?["description"], .string("some fields were left alone"))
        var task = JobArrayResult()
        task.jobArrayID = "7_[1-3]"
        var refused = JobArrayResult()
        refused.jobArrayID = "7_4"
        refused.errorCode = 2002
        refused.errorMessage = "no"
        let a = try answer(JobUpdateEndpoint.updated(.arrayResults([task, refused]), try context(nil)))
        XCTAssertEqual(a.status, 200)
        XCTAssertEqual(a.json["results"], .array([
            .object([("job_id", .int(7)), ("step_id", .string("7_[1-3]")), ("error", .string("No error")),
                     ("error_code", .int(0)), ("why", .string(""))]),
            .object([("job_id", .int(7)), ("step_id", .string("7_4")), ("error", .string(SlurmErrorCode.accessDenied.text)),
                     ("error_code", .int(2002)), ("why", .string("no"))]),
        ]))
        XCTAssertEqual(a.warnings.count, 1)
        XCTAssertEqual(a.warnings.first?["source"], .string("slurm_update_job2()"))
    }

    func allocate(_ body: String?) throws -> Answer {
        var c = try context(body)
        return try answer(JobAllocateEndpoint.handle(&c))
    }

    func testAllocationRefusalsSendNothing() throws {
        let cases: [(String?, Int32, String)] = [
            (#"{}"#, 9216, "#/job"),
            (#"{"job": {}, "hetjob": [{}]}"#, 9216, "#/hetjob"),
            (#"{"hetjob": []}"#, 9216, "#/hetjob"),
            (#"{"job": {"nodes": "x"}}"#, 9202, "#/job/nodes"),
            (#"{"jobs": []}"#, 9216, "#/jobs"),
        ]
        for (body, number, source) in cases {
            let a = try allocate(body)
            XCTAssertEqual(a.firstError.number, .int(Int64(number)), body ?? "")
            XCTAssertEqual(a.firstError.source, .string(source), body ?? "")
            XCTAssertTrue((400..<500).contains(a.status), "\(body ?? ""): \(a.status)")
        }
        XCTAssertEqual(try allocate(#"{"job": {"name": "fine"}}"#).status, 502, "valid: sent (and no controller here)")
    }

    func testAllocationPreparation() {
        var job = JobDescription()
        job.userID = 5
        job.otherPort = 9
        job.minNodes = 0
        job.allocRespPort = 4242
        JobAllocateEndpoint.prepare(&job)
        XCTAssertEqual([job.userID, job.groupID], [JobDescription.slurmAuthNobody, JobDescription.slurmAuthNobody])
        XCTAssertEqual(job.otherPort, 0)
        XCTAssertEqual(job.minNodes, 1)
        XCTAssertEqual(job.allocRespPort, 0, "no callback port: the answer does not wait")
        job.immediate = 1
        job.allocRespPort = 4242
        JobAllocateEndpoint.prepare(&job)
        XCTAssertEqual(job.allocRespPort, 4242)
    }

    func testAllocationAnswers() throws {
        var granted = ResourceAllocation()
        granted.jobID = 50
        granted.nodeCount = 1
        var a = try answer(JobAllocateEndpoint.allocated([granted], JobDescription(), try context(nil)))
        XCTAssertEqual(a.json["job_id"], .int(50))
        XCTAssertEqual(a.json["job_submit_user_msg"], .string(""))
        XCTAssertEqual(a.warnings, [])
        var second = granted
        second.jobID = 51
        second.jobSubmitUserMessage = "hello"
        a = try answer(JobAllocateEndpoint.allocated([granted, second], JobDescription(), try context(nil)))
        XCTAssertEqual(a.json["job_id"], .int(51), "the last component's id, as the original")
        XCTAssertEqual(a.json["job_submit_user_msg"], .string("hello"))
        var queued = granted
        queued.nodeCount = 0
        queued.errorCode = 2042
        a = try answer(JobAllocateEndpoint.allocated([queued], JobDescription(), try context(nil)))
        XCTAssertEqual(a.status, 200)
        XCTAssertEqual(a.warnings.map { $0["source"] }, [.string("slurm_submit_batch_job()"),
                                                        .string("slurm_allocate_resources_blocking()")])
    }
}
