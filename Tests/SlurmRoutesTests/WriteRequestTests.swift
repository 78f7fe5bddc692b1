import XCTest
import SlurmParsing
@testable import SlurmController
@testable import SlurmRoutes

/// The write endpoints turn a request into the same controller message as the real slurmrestd
/// 26.05.5: its frames were captured with tcpdump while it served the same bodies on lab26
/// (`rest-*` vectors, beside the controller tests' vectors). Where the bytes differ, the test
/// says why.
final class WriteRequestTests: XCTestCase {
    /// The body of a captured request frame (u32 length, 16-byte header, auth section, body).
    func capturedBody(_ name: String) throws -> (type: UInt16, body: [UInt8]) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SlurmControllerTests/Vectors/26.05/\(name)-request.bin")
        let frame = [UInt8](try Data(contentsOf: url))
        var u = Unpacker(frame, offset: 4)
        XCTAssertEqual(try u.u16(), ProtocolVersion.v26_05.rawValue)
        _ = try u.u16()
        let type = try u.u16()
        let length = Int(try u.u32())
        _ = try u.u16(); _ = try u.u16(); _ = try u.u16()
        let plugin = try u.u32()
        for _ in 0..<(plugin == 102 ? 2 : 1) { _ = try u.string() }
        XCTAssertEqual(u.remaining, length, name)
        return (type, Array(frame.suffix(length)))
    }

    func json(_ text: String) throws -> JSONValue { try JSONReader.parse(Array(text.utf8)) }

    func context(query: [(String, String)] = [], accounting: Bool = false) -> RequestContext {
        let conf = SlurmConf()
        let envelope = Envelope(meta: Meta(accountingStorage: accounting ? "accounting_storage/slurmdbd" : "",
                                           clientSource: "test", clientUser: "root", clientGroup: "root", cluster: "lab26"))
        return RequestContext(envelope: envelope,
                              controller: ControllerClient(conf: conf, authenticator: NoAuthenticator(),
                                                           versionState: ProtocolVersionState(pinned: .v26_05)),
                              query: query, accounts: AccountNames(user: { _ in nil }, group: { _ in nil }))
    }

    struct NoAuthenticator: Authenticator {
        func authSection(body: [UInt8], messageType: UInt16) throws -> [UInt8] { [] }
    }

    /// A handler's answer to `body`. The test context's controller cannot be reached: a refusal
    /// here proves nothing was sent.
    func handled(_ handler: (inout RequestContext) -> EndpointResult, body: String) throws -> (status: Int, answer: JSONValue) {
        let base = context()
        var c = RequestContext(envelope: base.envelope, controller: base.controller, query: [], body: try json(body),
                               accounts: base.accounts)
        let result = handler(&c)
        var w = JSONWriter(pretty: false)
        result.render(&w)
        return (result.status, try JSONReader.parse(w.takeBytes()))
    }

    /// The first error's number and source.
    func firstError(_ answer: JSONValue) -> (number: JSONValue?, source: JSONValue?) {
        guard case .array(let errors)? = answer["errors"], let first = errors.first else { return (nil, nil) }
        return (first["error_number"], first["source"])
    }

    // MARK: Nodes

    func testNodeUpdates() throws {
        var envelope = context().envelope
        let drain = NodeWritesEndpoint.singleUpdate(
            try NodeWritesEndpoint.updateSchema.decode(try json(#"{"state":["DRAIN"],"reason":"h-wire2"}"#)), node: "vm", &envelope)
        XCTAssertEqual(drain.encode(version: .v26_05), try capturedBody("rest-update-node-drain").body)
        let resume = NodeWritesEndpoint.singleUpdate(
            try NodeWritesEndpoint.updateSchema.decode(try json(#"{"state":["RESUME"]}"#)), node: "vm", &envelope)
        XCTAssertEqual(resume.encode(version: .v26_05), try capturedBody("rest-update-node-resume").body)
        XCTAssertEqual(envelope.warnings, [])

        // Every field. The original sends a host list compressed ("h[1-2]"); ours goes as the
        // client listed it ("h1,h2"), which names the same hosts.
        let all = NodeWritesEndpoint.singleUpdate(try NodeWritesEndpoint.updateSchema.decode(try json("""
            {"comment":"c","cpu_bind":3,"extra":"e","features":["a","b"],"features_act":"a","gres":"gpu:1",
             "address":["h1","h2"],"hostname":"hn","name":"ignored","state":["DRAIN","POWER_DOWN"],"reason":"r",
             "reason_uid":"alice","resume_after":{"set":true,"number":60},"topology_str":"t","weight":5}
            """)), node: "h-wire2-none", &envelope)
        XCTAssertEqual(envelope.warnings.map(\.description), ["node_names field ignored ignored for singular node update"])
        var expected = try NodeUpdate.decode(try capturedBody("rest-update-node-all-fields").body, version: .v26_05)
        XCTAssertEqual(expected.address, "h[1-2]")
        XCTAssertEqual(expected.state, 0x80_0200, "DRAIN and POWER_DOWN")
        expected.address = "h1,h2"
        XCTAssertEqual(all, expected)

        let many = try NodeWritesEndpoint.updateSchema.decode(try json(#"{"name":["h-wire2-n1","h-wire2-n2"],"comment":"x"}"#))
        expected = try NodeUpdate.decode(try capturedBody("rest-update-nodes-unknown").body, version: .v26_05)
        XCTAssertEqual(expected.names, "h-wire2-n[1-2]")
        expected.names = "h-wire2-n1,h-wire2-n2"
        XCTAssertEqual(many, expected)
        let nameless = try NodeWritesEndpoint.updateSchema.decode(try json(#"{"comment":"x"}"#))
        XCTAssertEqual(nameless.encode(version: .v26_05), try capturedBody("rest-update-nodes-without-name").body)

        let (type, body) = try capturedBody("rest-delete-node-unknown")
        XCTAssertEqual(type, MessageType.requestDeleteNode.rawValue)
        XCTAssertEqual(NodeUpdate(names: "h-wire2-none").encode(version: .v26_05), body)
    }

    /// Bad input is refused with the value's path, before anything is sent.
    func testNodeUpdateRefusals() throws {
        func refusal(_ text: String) throws -> InputError? {
            do {
                _ = try NodeWritesEndpoint.updateSchema.decode(try json(text))
                return nil
            } catch let error as InputError {
                return error
            }
        }
        XCTAssertEqual(try refusal(#"{"state":["BOGUS"]}"#)?.path, "#/state/0", "the original sends state 0 and fails later")
        XCTAssertEqual(try refusal(#"{"state":["BOGUS"]}"#)?.code.number, 9207)
        XCTAssertEqual(try refusal(#"{"bogus":1}"#)?.code.number, 9216, "the original ignores it with a warning")
        XCTAssertEqual(try refusal(#"{"weight":-1}"#)?.path, "#/weight")
        XCTAssertEqual(try refusal(#"{"comment":5}"#)?.code.number, 9202)
        XCTAssertNil(try refusal(#"{"reason_uid":"anyone"}"#), "a removed field is accepted and dropped")
    }

    /// POST /nodes/ must name its nodes: refused before sending (the controller would answer
    /// 2018 for "(null)").
    func testNodesNeedNames() throws {
        for body in [#"{"comment":"x"}"#, #"{"name":[],"comment":"x"}"#] {
            let (status, answer) = try handled(NodeWritesEndpoint.handleUpdateMany, body: body)
            XCTAssertEqual(status, 400, body)
            XCTAssertEqual(firstError(answer).number, .int(9216), body)
            XCTAssertEqual(firstError(answer).source, .string("#/name"), body)
        }
    }

    // MARK: Reservations

    func testReservationCreateAndUpdate() throws {
        var envelope = context().envelope
        let create = try ReservationWritesEndpoint.descriptionSchema.decode(try json("""
            {"name":"h-wire2-r","duration":30,"node_list":["vm"],"users":["alice"],"start_time":1796180287,
             "flags":["IGNORE_JOBS","MAGNETIC","DAILY"]}
            """))
        var sent = ReservationWritesEndpoint.wireDescription(create, &envelope)
        XCTAssertNil(ReservationWritesEndpoint.creationProblem(&sent))
        XCTAssertEqual(sent.encode(version: .v26_05), try capturedBody("rest-create-reservation").body)

        let update = try ReservationWritesEndpoint.descriptionSchema.decode(try json(#"{"name":"h-wire2-r","duration":{"set":true,"number":45}}"#))
        XCTAssertEqual(ReservationWritesEndpoint.wireDescription(update, &envelope).encode(version: .v26_05),
                       try capturedBody("rest-update-reservation").body)
        let list = try XCTUnwrap(try ReservationWritesEndpoint.modifySchema.decode(
            try json(#"{"reservations":[{"name":"H-WIRE2-R","comment":"hello"},{"name":"h-wire2-none"}]}"#)))
        XCTAssertEqual(ReservationWritesEndpoint.wireDescription(list[0], &envelope).encode(version: .v26_05),
                       try capturedBody("rest-update-reservations-list").body)
        var second = ReservationWritesEndpoint.wireDescription(list[1], &envelope)
        XCTAssertEqual(ReservationWritesEndpoint.creationProblem(&second)?.text, "A start time must be given.  No reservation created.")
        XCTAssertEqual(ReservationName("h-wire2-r").encode(version: .v26_05), try capturedBody("rest-delete-reservation").body)
        XCTAssertEqual(envelope.warnings, [])
    }

    /// The original's dump of what it sent: an unset end time is `(time_t) NO_VAL`, a set number.
    func testReservationAnswer() throws {
        var envelope = context().envelope
        let create = try ReservationWritesEndpoint.descriptionSchema.decode(try json("""
            {"name":"h-wire2-r","duration":30,"node_list":"vm","users":"alice","start_time":1796180287,"flags":["DAILY"]}
            """))
        let sent = ReservationWritesEndpoint.wireDescription(create, &envelope)
        let result = ReservationWritesEndpoint.answer([sent], envelope)
        var w = JSONWriter(pretty: false)
        result.render(&w)
        let answer = try JSONReader.parse(w.takeBytes())
        guard case .array(let list)? = answer["reservations"], let r = list.first else { return XCTFail("no reservation") }
        XCTAssertEqual(r["end_time"], try json(#"{"set":true,"infinite":false,"number":4294967294}"#))
        XCTAssertEqual(r["node_list"], try json(#"["vm"]"#))
        XCTAssertEqual(r["flags"], try json(#"["DAILY"]"#))
        XCTAssertEqual(r["tres"], try json("[]"))
        XCTAssertEqual(r["core_count"], try json(#"{"set":false,"infinite":false,"number":0}"#))
        guard case .array(let warnings)? = answer["warnings"] else { return XCTFail("no warnings") }
        XCTAssertEqual(warnings.count, 2, "two accounting warnings for each description dumped")
    }

    func testReservationValidation() throws {
        func problem(_ text: String) throws -> String? {
            var envelope = context().envelope
            var d = ReservationWritesEndpoint.wireDescription(try ReservationWritesEndpoint.descriptionSchema.decode(try json(text)),
                                                              &envelope)
            return ReservationWritesEndpoint.creationProblem(&d)?.text
        }
        XCTAssertEqual(try problem(#"{"name":"r","start_time":100}"#), "An end time or duration must be given.  No reservation created.")
        XCTAssertEqual(try problem(#"{"name":"r","start_time":100,"end_time":200,"duration":1}"#),
                       "StartTime + Duration does not equal EndTime.  No reservation created.")
        XCTAssertNil(try problem(#"{"name":"r","start_time":100,"end_time":160,"duration":1,"node_count":1,"users":"a"}"#))
        XCTAssertEqual(try problem(#"{"name":"r","start_time":100,"duration":1,"users":"a"}"#),
                       "CoreCnt, Nodes, NodeCnt, TRES or Watts must be specified.  No reservation created.")
        XCTAssertEqual(try problem(#"{"name":"r","start_time":100,"duration":1,"node_count":1}"#),
                       "Either Users/Groups, AllowedPartitions, QOS and/or Accounts must be specified.  No reservation created.")
        XCTAssertEqual(try problem(#"{"name":"r","start_time":100,"duration":1,"node_count":1,"users":"a","groups":"g"}"#),
                       "Users and Groups are mutually exclusive.  You can have one or the other, but not both.  No reservation created.")
        // A partition alone reserves all its nodes.
        var envelope = context().envelope
        var d = ReservationWritesEndpoint.wireDescription(try ReservationWritesEndpoint.descriptionSchema.decode(
            try json(#"{"name":"r","start_time":100,"duration":1,"partition":"debug","users":"a"}"#)), &envelope)
        XCTAssertNil(ReservationWritesEndpoint.creationProblem(&d))
        XCTAssertEqual(d.nodeList, "ALL")
        XCTAssertEqual(d.flags, 1 << 12, "PART_NODES")
    }

    /// A missing member is named by its JSON pointer, in the single and the list form; nothing
    /// is read or sent for a missing name.
    func testReservationPointers() throws {
        var (status, answer) = try handled(ReservationWritesEndpoint.handleOne, body: #"{"duration":5}"#)
        XCTAssertEqual(status, 400)
        XCTAssertEqual(firstError(answer).source, .string("#/name"))
        (status, answer) = try handled(ReservationWritesEndpoint.handleMany,
                                       body: #"{"reservations":[{"name":"a","comment":"x"},{"duration":5}]}"#)
        XCTAssertEqual(status, 400)
        XCTAssertEqual(firstError(answer).number, .int(2053))
        XCTAssertEqual(firstError(answer).source, .string("#/reservations/1/name"))
        XCTAssertEqual(answer["reservations"], .array([]))

        func planned(_ body: String, listed: Bool, existing: [String] = []) throws -> [ReservationWritesEndpoint.PlannedChange] {
            var envelope = context().envelope
            let requests = listed ? try XCTUnwrap(try ReservationWritesEndpoint.modifySchema.decode(try json(body)))
                : [try ReservationWritesEndpoint.descriptionSchema.decode(try json(body))]
            let known = existing.map { name -> Reservation in var r = Reservation(); r.name = name; return r }
            return try ReservationWritesEndpoint.plan(requests, listed: listed, existing: known, &envelope)
        }
        func source(_ body: String, listed: Bool) -> String? {
            do {
                _ = try planned(body, listed: listed)
                return nil
            } catch let failure as WriteFailure {
                return failure.source
            } catch {
                return "\(error)"
            }
        }
        let good = #"{"name":"h-fixes-a","start_time":100,"duration":1,"node_count":1,"users":"a"}"#
        XCTAssertEqual(source(#"{"name":"h-fixes-b","duration":5,"node_list":"vm","users":"a"}"#, listed: false), "#/start_time")
        XCTAssertEqual(source(#"{"reservations":[\#(good),{"name":"h-fixes-b","duration":5,"node_list":"vm","users":"a"}]}"#,
                              listed: true), "#/reservations/1/start_time")
        XCTAssertEqual(source(#"{"reservations":[\#(good),{"name":"h-fixes-b","start_time":100,"node_count":1,"users":"a"}]}"#,
                              listed: true), "#/reservations/1", "an end time or a duration: no single member")
        XCTAssertEqual(source(#"{"name":"h-fixes-b","start_time":100,"duration":1,"node_count":1,"users":"a","groups":"g"}"#,
                              listed: false), "#/groups")

        // An existing name (in any case) is an update, unchecked; so is a name created earlier in the list.
        let plans = try planned(#"{"reservations":[{"name":"MAINT","comment":"x"},\#(good),{"name":"H-FIXES-A","comment":"y"}]}"#,
                                listed: true, existing: ["maint"])
        XCTAssertEqual(plans.map(\.creates), [false, true, false])
        XCTAssertEqual(plans.map(\.index), [0, 1, 2])
    }

    /// A refusal mid-way: the creations before it are deleted again (latest first), updates and a
    /// creation whose deletion failed remain and are listed, each with a warning; nothing after the
    /// refused entry is sent.
    func testReservationRollback() throws {
        func change(_ name: String, creates: Bool, _ index: Int) -> ReservationWritesEndpoint.PlannedChange {
            var d = ReservationDescription()
            d.name = name
            return .init(index: index, description: d, creates: creates)
        }
        let plans = [change("maintx", creates: false, 0), change("h-fixes-a", creates: true, 1),
                     change("h-fixes-b", creates: true, 2), change("h-fixes-c", creates: true, 3),
                     change("h-fixes-d", creates: true, 4)]
        var sent: [String] = [], deleted: [String] = []
        var envelope = context().envelope
        let outcome = ReservationWritesEndpoint.send(plans, &envelope, change: { (plan) throws(ControllerError) in
            sent.append(plan.name)
            if plan.name == "h-fixes-c" { throw .slurm(2058, nil) }
        }, delete: { (name) throws(ControllerError) in
            deleted.append(name)
            if name == "h-fixes-b" { throw .slurm(2055, nil) }
        })
        XCTAssertEqual(sent, ["maintx", "h-fixes-a", "h-fixes-b", "h-fixes-c"])
        XCTAssertEqual(deleted, ["h-fixes-b", "h-fixes-a"])
        XCTAssertEqual(outcome.applied.map(\.name), ["maintx", "h-fixes-b"])
        XCTAssertEqual(outcome.failure?.source, "#/reservations/3")
        XCTAssertEqual(outcome.failure?.code.number, 2058)
        XCTAssertEqual(envelope.warnings.map(\.source), ["#/reservations/2", "#/reservations/1", "#/reservations/0"])

        // The answer lists what remains, with the error.
        let result = ReservationWritesEndpoint.answer(outcome.applied.map(\.description), envelope, failure: outcome.failure)
        XCTAssertEqual(result.status, 409)
        var w = JSONWriter(pretty: false)
        result.render(&w)
        let answer = try JSONReader.parse(w.takeBytes())
        guard case .array(let listed)? = answer["reservations"] else { return XCTFail("no reservations") }
        XCTAssertEqual(listed.map { $0["name"] }, [.string("maintx"), .string("h-fixes-b")])
        XCTAssertEqual(firstError(answer).source, .string("#/reservations/3"))

        // All through: nothing deleted, no warning.
        var quiet = context().envelope
        let through = ReservationWritesEndpoint.send(plans, &quiet, change: { (_) throws(ControllerError) in },
                                                    delete: { (_) throws(ControllerError) in XCTFail("no deletion") })
        XCTAssertNil(through.failure)
        XCTAssertEqual(through.applied.count, 5)
        XCTAssertEqual(quiet.warnings, [])
    }

    func testTimestamps() throws {
        XCTAssertEqual(Timestamp.now(plus: "now", at: 1000), 1000)
        XCTAssertEqual(Timestamp.now(plus: "now+1hour", at: 1000), 4600)
        XCTAssertEqual(Timestamp.now(plus: "NOW - 2 minutes", at: 1000), 880)
        XCTAssertEqual(Timestamp.now(plus: "now+30", at: 1000), 1030)
        XCTAssertNil(Timestamp.now(plus: "now+", at: 1000))
        XCTAssertNil(Timestamp.now(plus: "now+1fortnight", at: 1000))
        XCTAssertNil(Timestamp.now(plus: "tomorrow", at: 1000))
        let d = try ReservationWritesEndpoint.descriptionSchema.decode(
            try json(#"{"start_time":"1796180287","end_time":{"set":false}}"#)).description
        XCTAssertEqual(d.startTime, 1_796_180_287)
        XCTAssertEqual(d.endTime, Int64(bitPattern: SlurmNumber.noVal64))
    }

    /// Without accounting a TRES list is dropped with the original's warning; with it, it is sent
    /// as text.
    func testReservationTRES() throws {
        let request = try ReservationWritesEndpoint.descriptionSchema.decode(
            try json(#"{"name":"r","tres":[{"type":"cpu","count":2},{"type":"gres","name":"gpu","count":1}]}"#))
        var without = context().envelope
        XCTAssertNil(ReservationWritesEndpoint.wireDescription(request, &without).tres)
        XCTAssertEqual(without.warnings.count, 1)
        var with = context(accounting: true).envelope
        XCTAssertEqual(ReservationWritesEndpoint.wireDescription(request, &with).tres, "cpu=2,gres/gpu=1")
        XCTAssertEqual(with.warnings, [])
    }

    // MARK: Job signals

    func testKillOneJob() throws {
        let usr1 = try JobSignalsEndpoint.oneJobRequest("340", context(query: [("signal", "SIGUSR1")]))
        XCTAssertEqual(usr1.encode(version: .v26_05), try capturedBody("rest-kill-job-usr1").body)
        XCTAssertEqual(usr1.flags, JobSignalsEndpoint.fullJob, "FULL_JOB unless flags are given")
        let verbose = try JobSignalsEndpoint.oneJobRequest("340", context(query: [("flags", "VERBOSE")]))
        XCTAssertEqual(verbose.encode(version: .v26_05), try capturedBody("rest-kill-job-verbose").body)
        let task = try JobSignalsEndpoint.oneJobRequest("345_1", context(query: [("flags", "VERBOSE"), ("signal", "KILL")]))
        XCTAssertEqual(task.encode(version: .v26_05), try capturedBody("rest-kill-job-array-task").body)
        let unknown = try JobSignalsEndpoint.oneJobRequest("999999", context())
        XCTAssertEqual(unknown.encode(version: .v26_05), try capturedBody("rest-kill-job-unknown").body)
        XCTAssertEqual(try JobSignalsEndpoint.oneJobRequest("7+1", context()).jobs, ["7+1"])
        XCTAssertEqual(try JobSignalsEndpoint.oneJobRequest("7.batch", context()).jobs, ["7.batch"])
    }

    func testSignalWords() throws {
        func signal(_ text: String) throws -> UInt16 { try JobSignalsEndpoint.signal(.string(text), "#/signal/") }
        XCTAssertEqual(try signal("9"), 9)
        XCTAssertEqual(try signal("KILL"), 9)
        XCTAssertEqual(try signal("sigusr1"), 10)
        XCTAssertEqual(try signal(" TERM "), 15)
        XCTAssertEqual(try signal("0"), 9, "0 leaves the default, SIGKILL")
        XCTAssertThrowsError(try signal("bogus"), "the original sends 0 (SIGKILL) for an unknown name")
        XCTAssertThrowsError(try signal(""), "the original sends NO_VAL16")
        XCTAssertThrowsError(try signal("65534"))
        XCTAssertThrowsError(try JobSignalsEndpoint.queryFlags(context(query: [("flags", "BOGUS")])))
        XCTAssertEqual(try JobSignalsEndpoint.queryFlags(context(query: [("flags", "batch_job,FULL_JOB")])), 9)
    }

    func testKillJobsBodies() throws {
        let byName = try JobSignalsEndpoint.requestSchema.decode(
            try json(#"{"job_name":"h-wire2-k3","signal":"SIGUSR1","flags":["VERBOSE"]}"#))
        XCTAssertEqual(byName.message.encode(version: .v26_05), try capturedBody("rest-kill-jobs-by-name").body)
        let ids = try JobSignalsEndpoint.requestSchema.decode(
            try json(#"{"jobs":["343","999999","345_2"],"flags":["VERBOSE"],"job_state":["PENDING"],"user_id":"0"}"#))
        XCTAssertEqual(ids.message.encode(version: .v26_05), try capturedBody("rest-kill-jobs-ids").body,
                       "the capture named the user root, which the handler resolves to 0")
        XCTAssertEqual(try JobSignalsEndpoint.requestSchema.decode(try json(#"{"user_id":"root"}"#)).userIDName, "root")
        XCTAssertTrue(JobSignalsEndpoint.namesJobsOnly(
            try JobSignalsEndpoint.requestSchema.decode(try json(#"{"jobs":["1"],"signal":"TERM","flags":["BATCH_JOB"]}"#)).message))
        XCTAssertFalse(JobSignalsEndpoint.namesJobsOnly(ids.message), "a state filter")
        XCTAssertFalse(JobSignalsEndpoint.namesJobsOnly(KillJobsRequest()), "no job named: every job the caller may signal")
    }

    /// DELETE /jobs/ needs a job or a filter other than `user_id` (the controller's
    /// `_verify_kill_jobs_msg`): refused before sending. An unknown `user_id` names `#/user_id`.
    func testKillJobsNeedSelection() throws {
        for body in ["{}", #"{"user_id":"0","signal":"TERM"}"#, #"{"jobs":[],"flags":["VERBOSE"]}"#] {
            let (status, answer) = try handled(JobSignalsEndpoint.handleMany, body: body)
            XCTAssertEqual(status, 400, body)
            XCTAssertEqual(firstError(answer).number, .int(9216), body)
            XCTAssertEqual(firstError(answer).source, .string("#/jobs"), body)
        }
        func selects(_ body: String) throws -> Bool {
            JobSignalsEndpoint.selectsJobs(try JobSignalsEndpoint.requestSchema.decode(try json(body)).message)
        }
        XCTAssertTrue(try selects(#"{"jobs":["1"]}"#))
        XCTAssertTrue(try selects(#"{"user_name":"alice"}"#))
        XCTAssertTrue(try selects(#"{"job_state":["PENDING"]}"#))
        XCTAssertTrue(try selects(#"{"nodes":"vm","user_id":"0"}"#))
        XCTAssertFalse(try selects(#"{"user_id":"1000","flags":["FULL_JOB"]}"#))

        let (status, answer) = try handled(JobSignalsEndpoint.handleMany, body: #"{"jobs":["1"],"user_id":"h-fixes-nobody"}"#)
        XCTAssertEqual(status, 422, "a user nobody is, named in the body")
        XCTAssertEqual(firstError(answer).number, .int(2166))
        XCTAssertEqual(firstError(answer).source, .string("#/user_id"))
    }

    /// Results as the original renders them: step ids in Slurm's text, "No error" for success.
    func testKillResults() throws {
        var r = KillJobsJobResult()
        r.jobID = 345; r.arrayTaskID = SlurmNumber.noVal32; r.hetJobOffset = SlurmNumber.noVal32
        r.stepID = SlurmNumber.noVal32; r.stepHetComponent = SlurmNumber.noVal32
        r.arrayTasks = Bitstring(bitCount: 4, text: "0x2")
        XCTAssertEqual(JobSignalsEndpoint.stepText(r), "345_[1]")
        r.arrayTasks = nil
        r.arrayTaskID = 3
        XCTAssertEqual(JobSignalsEndpoint.stepText(r), "345_3")
        r.arrayTaskID = SlurmNumber.noVal32; r.hetJobOffset = 1; r.stepID = 0xffff_fffb
        XCTAssertEqual(JobSignalsEndpoint.stepText(r), "345+1.batch")
        XCTAssertEqual(JobSignalsEndpoint.errorText(r), "No error")
        r.errorCode = 2017; r.errorMessage = "Invalid job id specified"
        XCTAssertEqual(JobSignalsEndpoint.errorText(r), "Invalid job id specified")
        r.jobID = SlurmNumber.noVal32; r.sluid = 1
        XCTAssertEqual(JobSignalsEndpoint.stepText(r), "s0000000000001")
    }
}
