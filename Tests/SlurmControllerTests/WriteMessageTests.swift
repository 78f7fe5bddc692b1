import XCTest
@testable import SlurmController
import TestSupport

/// The write requests and their replies, from frames captured with tcpdump on the three lab
/// controllers while scontrol and scancel (as root, or as alice where the name says so) ran:
/// `scontrol update nodename=vm comment=h-wire2-x` (then `comment=`), `state=drain reason=h-wire2`
/// then `state=resume`, an unknown node, `scontrol delete nodename=h-wire2-none`; `scontrol create
/// reservation reservationname=h-wire2-r flags=ignore_jobs,magnetic,daily duration=30 nodes=vm
/// users=alice starttime=now+1hour`, its update to `duration=45`, its deletion, and the same for an
/// unknown reservation; `scancel` of a held job (SIGUSR1, which a pending job refuses, then SIGKILL),
/// of an array task and of an unknown job; and on 24.11 and 26.05 `scancel --ctld` by name (with
/// SIGUSR1, then SIGKILL) and by id list (an array job and an unknown id), which sends
/// REQUEST_KILL_JOBS. Each request body decodes and re-encodes to the same bytes.
final class WriteMessageTests: XCTestCase {
    /// A captured request: its message type and body, decoded into `M`; the round trip is checked.
    func request<M: WireMessage>(_ release: String, _ version: ProtocolVersion, _ name: String, _ type: MessageType,
                                 as: M.Type, file: StaticString = #filePath, line: UInt = #line) throws -> M {
        let (header, body) = try Vectors.request(release, name + "-request")
        XCTAssertEqual(Array(header[0..<2]), [UInt8(version.rawValue >> 8), 0], "\(release) \(name) version", file: file, line: line)
        XCTAssertEqual(UInt16(header[4]) << 8 | UInt16(header[5]), type.rawValue, "\(release) \(name) type", file: file, line: line)
        let m = try M.decode(body, version: version)
        XCTAssertEqual(m.encode(version: version), body, "\(release) \(name) round trip", file: file, line: line)
        return m
    }

    func reply(_ release: String, _ version: ProtocolVersion, _ name: String) throws -> Reply {
        try Reply(Vectors.reply(release, name + "-response"), sentVersion: version)
    }

    func testNodeUpdatesOfEveryRelease() throws {
        for (release, version) in Vectors.releases {
            let comment = try request(release, version, "update-node-comment", .requestUpdateNode, as: NodeUpdate.self)
            var expected = NodeUpdate(names: "vm")
            expected.comment = "h-wire2-x"
            XCTAssertEqual(comment, expected, release)

            let clear = try request(release, version, "update-node-comment-clear", .requestUpdateNode, as: NodeUpdate.self)
            expected.comment = ""
            XCTAssertEqual(clear, expected, "\(release): an empty string, not an absent one")

            let drain = try request(release, version, "update-node-drain", .requestUpdateNode, as: NodeUpdate.self)
            XCTAssertEqual(drain.state, 0x200, "\(release): NODE_STATE_DRAIN")
            XCTAssertEqual(drain.reason, "h-wire2", release)
            XCTAssertNil(drain.comment, release)
            XCTAssertEqual(drain.weight, SlurmNumber.noVal32, release)
            XCTAssertEqual(drain.resumeAfter, SlurmNumber.noVal32, release)

            let resume = try request(release, version, "update-node-resume", .requestUpdateNode, as: NodeUpdate.self)
            XCTAssertEqual(resume.state, 0x100, "\(release): NODE_RESUME")
            XCTAssertNil(resume.reason, release)

            let unknown = try request(release, version, "update-node-unknown", .requestUpdateNode, as: NodeUpdate.self)
            XCTAssertEqual(unknown.names, "h-wire2-none", release)
            _ = try request(release, version, "update-node-as-alice", .requestUpdateNode, as: NodeUpdate.self)

            // 22.05's scontrol starts a deletion from zeros, later ones from slurm_init_update_node_msg.
            let delete = try request(release, version, "delete-node-unknown", .requestDeleteNode, as: NodeUpdate.self)
            XCTAssertEqual(delete.names, "h-wire2-none", release)
            XCTAssertEqual(delete.state, version < .v24_11 ? 0 : SlurmNumber.noVal32, release)
            XCTAssertEqual(delete.weight, version < .v24_11 ? 0 : SlurmNumber.noVal32, release)

            for name in ["update-node-comment", "update-node-comment-clear", "update-node-drain", "update-node-resume"] {
                XCTAssertNoThrow(try reply(release, version, name).expectSuccess(), "\(release) \(name)")
            }
            XCTAssertThrowsError(try reply(release, version, "update-node-unknown").expectSuccess()) {
                XCTAssertEqual($0 as? ControllerError, .slurm(2018, nil), "\(release): ESLURM_INVALID_NODE_NAME")
            }
            XCTAssertThrowsError(try reply(release, version, "update-node-as-alice").expectSuccess()) {
                XCTAssertEqual($0 as? ControllerError, .slurm(2010, nil), "\(release): ESLURM_USER_ID_MISSING")
            }
            XCTAssertThrowsError(try reply(release, version, "delete-node-unknown").expectSuccess()) {
                XCTAssertEqual($0 as? ControllerError, .slurm(2018, "failed to delete nodes h-wire2-none"), release)
            }
        }
    }

    /// Each release's node update layout is protocol.md's (fields.py on each tag).
    func testNodeUpdateFieldListsByRelease() {
        let common = ["comment", "cpu_bind", "extra", "features", "features_act", "gres"]
        let names: (ProtocolVersion) -> [String] = { NodeUpdate.fields.names(in: $0, for: NodeUpdate()) }
        XCTAssertEqual(names(.v22_05), common + ["node_addr", "node_hostname", "node_names", "node_state", "reason", "reason_uid", "weight"])
        XCTAssertEqual(names(.v23_02), common + ["node_addr", "node_hostname", "node_names", "node_state", "reason", "resume_after", "weight"])
        let v2311 = common + ["instance_id", "instance_type", "node_addr", "node_hostname", "node_names", "node_state", "reason", "resume_after", "weight"]
        XCTAssertEqual(names(.v23_11), v2311)
        XCTAssertEqual(names(.v24_05), v2311)
        XCTAssertEqual(names(.v24_11), ["cert_token"] + v2311)
        let v2505 = ["cert_token"] + common + ["instance_id", "instance_type", "node_addr", "node_hostname", "node_names", "node_state",
                                               "reason", "resume_after", "topology_str", "weight"]
        XCTAssertEqual(names(.v25_05), v2505)
        XCTAssertEqual(names(.v25_11), v2505)
        XCTAssertEqual(names(.v26_05), ["cert_token"] + common + ["instance_id", "instance_type", "node_addr", "node_hostname", "node_names",
                                                                  "node_state", "power_action_name", "reason", "resume_after", "topology_str", "weight"])
    }

    func testReservationsOfEveryRelease() throws {
        for (release, version) in Vectors.releases {
            let create = try request(release, version, "create-reservation", .requestCreateReservation, as: ReservationDescription.self)
            XCTAssertEqual(create.name, "h-wire2-r", release)
            XCTAssertEqual(create.duration, 30, release)
            XCTAssertEqual(create.flags, 0x1_0000_0044, "\(release): DAILY, IGNORE_JOBS, MAGNETIC")
            XCTAssertEqual(create.nodeList, "vm", release)
            XCTAssertEqual(create.users, "alice", release)
            XCTAssertEqual(create.endTime, ReservationDescription.unsetTime, release)
            XCTAssertGreaterThan(create.startTime, 1_796_000_000, release)
            XCTAssertEqual(create.nodeCount, SlurmNumber.noVal32, "\(release): an empty array before 23.11")
            XCTAssertEqual(create.coreCount, SlurmNumber.noVal32, release)
            XCTAssertEqual(create.maxStartDelay, SlurmNumber.noVal32, release)
            XCTAssertEqual(create.purgeCompletedTime, SlurmNumber.noVal32, release)
            XCTAssertNil(create.tres, release)
            XCTAssertEqual(try reply(release, version, "create-reservation").decode(.responseCreateReservation, as: ReservationName.self),
                           ReservationName("h-wire2-r"), release)

            let update = try request(release, version, "update-reservation", .requestUpdateReservation, as: ReservationDescription.self)
            var expected = ReservationDescription(name: "h-wire2-r")
            expected.duration = 45
            XCTAssertEqual(update, expected, release)
            XCTAssertNoThrow(try reply(release, version, "update-reservation").expectSuccess(), release)

            let delete = try request(release, version, "delete-reservation", .requestDeleteReservation, as: ReservationName.self)
            XCTAssertEqual(delete, ReservationName("h-wire2-r"), release)
            XCTAssertNoThrow(try reply(release, version, "delete-reservation").expectSuccess(), release)

            _ = try request(release, version, "create-reservation-as-alice", .requestCreateReservation, as: ReservationDescription.self)
            _ = try request(release, version, "update-reservation-unknown", .requestUpdateReservation, as: ReservationDescription.self)
            _ = try request(release, version, "delete-reservation-unknown", .requestDeleteReservation, as: ReservationName.self)
            // 24.11 and later answer a refused create or update with RC_MSG (and no text).
            XCTAssertThrowsError(try reply(release, version, "create-reservation-as-alice").decode(.responseCreateReservation, as: ReservationName.self)) {
                XCTAssertEqual($0 as? ControllerError, .slurm(2010, nil), release)
            }
            for name in ["update-reservation-unknown", "delete-reservation-unknown"] {
                XCTAssertThrowsError(try reply(release, version, name).expectSuccess()) {
                    XCTAssertEqual($0 as? ControllerError, .slurm(2053, nil), "\(release) \(name): ESLURM_RESERVATION_INVALID")
                }
            }
        }
    }

    func testReservationFieldListsByRelease() {
        let names: (ProtocolVersion) -> [String] = { ReservationDescription.fields.names(in: $0, for: ReservationDescription()) }
        let head = ["name", "start_time", "end_time", "duration", "flags", "node_cnt", "core_cnt", "node_list", "features", "licenses",
                    "max_start_delay", "partition", "purge_comp_time"]
        let tail = ["users", "accounts", "burst_buffer", "groups"]
        XCTAssertEqual(names(.v22_05), head + ["resv_watts"] + tail)
        XCTAssertEqual(names(.v23_02), head + ["resv_watts"] + tail + ["comment"])
        for v in [ProtocolVersion.v23_11, .v24_05, .v24_11, .v25_05] {
            XCTAssertEqual(names(v), head + ["resv_watts"] + tail + ["comment", "tres_str"], v.release)
        }
        for v in [ProtocolVersion.v25_11, .v26_05] {
            XCTAssertEqual(names(v), head + ["allowed_parts", "qos"] + tail + ["comment", "tres_str"], v.release)
        }
    }

    /// Before 23.11 a node or core count travels as a zero-terminated array.
    func testReservationCountsBefore2311() throws {
        var d = ReservationDescription(name: "r")
        d.nodeCount = 2
        d.coreCount = 0
        let bytes = d.encode(version: .v23_02)
        let counts = Array(bytes[(4 + 2) + 8 + 8 + 4 + 8 ..< (4 + 2) + 8 + 8 + 4 + 8 + 16])
        XCTAssertEqual(counts, [0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0], "[2, 0], then no core count")
        let back = try ReservationDescription.decode(bytes, version: .v23_02)
        XCTAssertEqual(back.nodeCount, 2)
        XCTAssertEqual(back.coreCount, SlurmNumber.noVal32, "an empty array leaves the count unset")

        // Several counts (one per partition in 22.05's scontrol) add up, as 23.11 reads them.
        var p = Packer()
        p.string("r"); p.time(0); p.time(0); p.u32(0); p.u64(0)
        p.u32Array([3, 4, 0xffff_ffff, 0]); p.u32Array([])
        for _ in 0..<3 { p.string(nil) }
        p.u32(0); p.string(nil); p.u32(0); p.u32(0)
        for _ in 0..<4 { p.string(nil) }
        XCTAssertEqual(try ReservationDescription.decode(p.bytes, version: .v22_05).nodeCount, 6, "wraps around like the C reader")
    }

    func testJobSignalsOfEveryRelease() throws {
        let ids: [String: (job: String, array: String)] = ["22.05": ("12", "14_1"), "24.11": ("12", "14_1"), "26.05": ("19", "21_1")]
        for (release, version) in Vectors.releases {
            let e = try XCTUnwrap(ids[release])
            let signal = try request(release, version, "kill-job-signal", .requestKillJob, as: KillJobRequest.self)
            XCTAssertEqual(signal, KillJobRequest(job: e.job, signal: 10, flags: 0), "\(release): SIGUSR1")
            let kill = try request(release, version, "kill-job", .requestKillJob, as: KillJobRequest.self)
            XCTAssertEqual(kill, KillJobRequest(job: e.job, signal: 9, flags: 0), release)
            let task = try request(release, version, "kill-job-array-task", .requestKillJob, as: KillJobRequest.self)
            XCTAssertEqual(task.jobIDText, e.array, release)
            let unknown = try request(release, version, "kill-job-unknown", .requestKillJob, as: KillJobRequest.self)
            XCTAssertEqual(unknown.jobIDText, "999999", release)
            XCTAssertEqual(unknown.jobID, SlurmNumber.noVal32, release)

            XCTAssertNoThrow(try reply(release, version, "kill-job").expectSuccess(), release)
            XCTAssertNoThrow(try reply(release, version, "kill-job-array-task").expectSuccess(), release)
            XCTAssertThrowsError(try reply(release, version, "kill-job-signal").expectSuccess()) {
                XCTAssertEqual($0 as? ControllerError, .slurm(2020, nil), "\(release): a pending job takes no signal but SIGKILL")
            }
            XCTAssertThrowsError(try reply(release, version, "kill-job-unknown").expectSuccess()) {
                XCTAssertEqual($0 as? ControllerError, .slurm(2017, nil), "\(release): ESLURM_INVALID_JOB_ID")
            }
            XCTAssertEqual(KillJobRequest.fields.names(in: version, for: KillJobRequest()).count, version >= .v24_11 ? 8 : 7, release)
        }
        // A heterogeneous component is text too.
        let het = KillJobRequest(job: "7+1", signal: 9, flags: 8)
        XCTAssertEqual(try KillJobRequest.decode(het.encode(version: .v23_11), version: .v23_11), het)
    }

    /// `scancel --ctld` on 24.11 and 26.05; 22.05 has no REQUEST_KILL_JOBS.
    func testKillJobsOf2411And2605() throws {
        // 26.05 names the job's SLUID; 24.11 jobs have none, and its selected step carries a stray value.
        let jobs: [String: (byName: UInt32, array: String, sluid: UInt64)] = [
            "24.11": (13, "14", 0x0000_7fa9_830e_a9c0), "26.05": (20, "21", 0x8e56_88d0_dc2d_7000),
        ]
        for (release, version) in Vectors.releases where version >= .v23_11 {
            let e = try XCTUnwrap(jobs[release])
            let byName = try request(release, version, "kill-jobs", .requestKillJobs, as: KillJobsRequest.self)
            var expected = KillJobsRequest()
            expected.jobName = "h-wire2-k2"
            expected.userID = 0
            XCTAssertEqual(byName, expected, "\(release): scancel sends uid 0 where REST sends nobody")
            XCTAssertEqual(try reply(release, version, "kill-jobs").decode(.responseKillJobs, as: KillJobsResponse.self), KillJobsResponse(),
                           "\(release): a job signalled without error is not listed")

            let signal = try request(release, version, "kill-jobs-signal", .requestKillJobs, as: KillJobsRequest.self)
            XCTAssertEqual(signal.signal, 10, release)
            let refused = try reply(release, version, "kill-jobs-signal").decode(.responseKillJobs, as: KillJobsResponse.self)
            XCTAssertEqual(refused.jobs.count, 1, release)
            let r = try XCTUnwrap(refused.jobs.first)
            XCTAssertEqual(r.errorNumber, 2020, release)
            XCTAssertEqual(r.errorMessage, "Job can not be altered now, try again later", release)
            XCTAssertEqual(r.jobID, e.byName, release)
            XCTAssertEqual(r.realJobID, e.byName, release)
            XCTAssertEqual(r.sluid, e.sluid, release)
            XCTAssertEqual([r.stepID, r.stepHetComponent, r.arrayTaskID, r.hetJobOffset], Array(repeating: SlurmNumber.noVal32, count: 4), release)
            XCTAssertNil(r.arrayTasks, release)
            XCTAssertNil(r.sibling, release)

            let ids = try request(release, version, "kill-jobs-ids", .requestKillJobs, as: KillJobsRequest.self)
            XCTAssertEqual(ids.jobs, [e.array, "999999"], release)
            let unknown = try reply(release, version, "kill-jobs-ids").decode(.responseKillJobs, as: KillJobsResponse.self)
            XCTAssertEqual(unknown.jobs.map(\.errorNumber), [2017], "\(release): the array job went, the unknown id is listed")
            XCTAssertEqual(unknown.jobs.first?.errorMessage, "Invalid job id specified", release)
            XCTAssertEqual(unknown.jobs.first?.jobID, 999_999, release)
            XCTAssertEqual(unknown.jobs.first?.realJobID, SlurmNumber.noVal32, release)
            for name in ["kill-jobs", "kill-jobs-signal", "kill-jobs-ids"] {
                let body = try reply(release, version, name).body
                XCTAssertEqual(try KillJobsResponse.decode(body, version: version).encode(version: version), body, "\(release) \(name)")
            }
        }
    }

    func testKillJobsFieldListsByRelease() {
        let request: (ProtocolVersion) -> [String] = { KillJobsRequest.fields.names(in: $0, for: KillJobsRequest()) }
        XCTAssertEqual(request(.v23_02), [])
        let v2311 = ["account", "flags", "job_name", "jobs_array", "partition", "qos", "reservation", "signal", "state", "user_id",
                     "user_name", "wckey", "nodelist"]
        XCTAssertEqual(request(.v23_11), v2311)
        XCTAssertEqual(request(.v25_05), v2311)
        XCTAssertEqual(request(.v25_11), ["account", "admin_comment"] + v2311.dropFirst())
        let result: (ProtocolVersion) -> [String] = { KillJobsJobResult.fields.names(in: $0, for: KillJobsJobResult()) }
        let selected = ["job_id", "step_id", "step_het_comp", "array_task_id", "het_job_offset"]
        XCTAssertEqual(result(.v24_05), ["error_code", "error_msg"] + selected + ["real_job_id", "sibling_name"])
        XCTAssertEqual(result(.v24_11), ["error_code", "error_msg", "sluid"] + selected + ["array_bitmap", "real_job_id", "sibling_name"])
    }

    /// The numbers are Slurm's (msg_type.h), the same in every release.
    func testMessageTypeNumbers() {
        let expected: [(MessageType, String)] = [
            (.requestReconfigure, "REQUEST_RECONFIGURE"), (.requestUpdateNode, "REQUEST_UPDATE_NODE"),
            (.requestCreateReservation, "REQUEST_CREATE_RESERVATION"), (.responseCreateReservation, "RESPONSE_CREATE_RESERVATION"),
            (.requestDeleteReservation, "REQUEST_DELETE_RESERVATION"), (.requestUpdateReservation, "REQUEST_UPDATE_RESERVATION"),
            (.requestDeleteNode, "REQUEST_DELETE_NODE"), (.requestKillJob, "REQUEST_KILL_JOB"),
            (.requestKillJobs, "REQUEST_KILL_JOBS"), (.responseKillJobs, "RESPONSE_KILL_JOBS"),
        ]
        for (type, name) in expected { XCTAssertEqual(type.name, name) }
    }

    /// The reply decoders of these RPCs end in a value or an error whatever the controller sends:
    /// every cut, a trailing byte, forged words and random changes (HostileReplyTests' method).
    func testHostileReplies() throws {
        var bodies: [(String, ProtocolVersion, ([UInt8]) throws -> Void)] = []
        for (release, version) in Vectors.releases {
            bodies.append(("\(release) create-reservation", version, { _ = try ReservationName.decode($0, version: version) }))
            if version >= .v23_11 {
                for name in ["kill-jobs-signal", "kill-jobs-ids"] {
                    bodies.append(("\(release) \(name)", version, { _ = try KillJobsResponse.decode($0, version: version) }))
                }
            }
        }
        for (i, (what, version, decode)) in bodies.enumerated() {
            let name = String(what.split(separator: " ")[1])
            let release = String(what.split(separator: " ")[0])
            let body = try reply(release, version, name).body
            XCTAssertNoThrow(try decode(body), what)
            for cut in 0..<body.count { XCTAssertThrowsError(try decode(Array(body.prefix(cut))), "\(what) cut at \(cut)") }
            XCTAssertThrowsError(try decode(body + [0]), "\(what) with a trailing byte")
            HostileBytes.forEachForgedWord(body, step: 1) { _ = try? decode($0) }
            HostileBytes.forEachRandomChange(body, seed: UInt64(i), count: 300) { _ = try? decode($0) }
        }
        // A forged count of results is refused before anything is reserved for it.
        XCTAssertThrowsError(try KillJobsResponse.decode([0x7f, 0xff, 0xff, 0xff] + [UInt8](repeating: 0, count: 64), version: .v26_05))
    }
}
