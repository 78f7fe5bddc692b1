import XCTest
@testable import SlurmController

/// Job info and job state frames captured from the lab controllers (shared/protocol-vectors and the
/// seeded lab: running, completed, failed, held, dependent, array, GRES/license, cancelled and
/// heterogeneous jobs), in each controller's own protocol version and in the older versions a 24.11
/// and a 26.05 controller still answer.
final class JobCodecTests: XCTestCase {
    /// Folders of replies and the version their bodies are in.
    static let layouts: [(folder: String, version: ProtocolVersion)] = [
        ("22.05", .v22_05), ("24.11/as-23.02", .v23_02), ("24.11/as-23.11", .v23_11), ("24.11/as-24.05", .v24_05),
        ("24.11", .v24_11), ("26.05/as-24.11", .v24_11), ("26.05/as-25.05", .v25_05), ("26.05/as-25.11", .v25_11),
        ("26.05", .v26_05),
    ]

    /// Every job info reply captured (REQUEST_JOB_INFO and _SINGLE, with and without SHOW_DETAIL).
    static let jobInfoReplies: [(String, String, ProtocolVersion)] = [
        ("22.05", "job-info-response-before-submit", .v22_05),
        ("22.05", "job-info-response-held-job", .v22_05),
        ("22.05", "job-info-single-response", .v22_05),
        ("22.05", "job-info-response-seeded", .v22_05),
        ("22.05", "job-info-single-response-running", .v22_05),
        ("22.05", "job-info-response-detail", .v22_05),
        ("22.05", "job-info-single-response-detail", .v22_05),
        ("24.11/as-23.02", "job-info-response", .v23_02),
        ("24.11/as-23.02", "job-info-response-seeded", .v23_02),
        ("24.11/as-23.02", "job-info-single-response-running", .v23_02),
        ("24.11/as-23.11", "job-info-response-seeded", .v23_11),
        ("24.11/as-23.11", "job-info-single-response-running", .v23_11),
        ("24.11/as-24.05", "job-info-response-seeded", .v24_05),
        ("24.11/as-24.05", "job-info-single-response-running", .v24_05),
        ("24.11", "job-info-response-before-submit", .v24_11),
        ("24.11", "job-info-response-held-job", .v24_11),
        ("24.11", "job-info-single-response", .v24_11),
        ("24.11", "job-info-response-seeded", .v24_11),
        ("24.11", "job-info-single-response-running", .v24_11),
        ("24.11", "job-info-response-detail", .v24_11),
        ("24.11", "job-info-single-response-detail", .v24_11),
        ("26.05/as-24.11", "job-info-response", .v24_11),
        ("26.05/as-24.11", "job-info-response-seeded", .v24_11),
        ("26.05/as-24.11", "job-info-single-response-running", .v24_11),
        ("26.05/as-25.05", "job-info-response", .v25_05),
        ("26.05/as-25.05", "job-info-response-seeded", .v25_05),
        ("26.05/as-25.05", "job-info-single-response-running", .v25_05),
        ("26.05/as-25.11", "job-info-response", .v25_11),
        ("26.05/as-25.11", "job-info-response-seeded", .v25_11),
        ("26.05/as-25.11", "job-info-single-response-running", .v25_11),
        ("26.05", "job-info-response-before-submit", .v26_05),
        ("26.05", "job-info-response-held-job", .v26_05),
        ("26.05", "job-info-single-response", .v26_05),
        ("26.05", "job-info-response-seeded", .v26_05),
        ("26.05", "job-info-single-response-running", .v26_05),
        ("26.05", "job-info-response-detail", .v26_05),
        ("26.05", "job-info-single-response-detail", .v26_05),
    ]

    func message(_ folder: String, _ name: String, _ version: ProtocolVersion) throws -> JobInfoMessage {
        let reply = try Reply(Vectors.reply(folder, name), sentVersion: version)
        XCTAssertEqual(reply.header.version, version, "\(folder)/\(name)")
        return try reply.decode(.responseJobInfo, as: JobInfoMessage.self)
    }

    /// Every body decodes completely (`decode` checks no byte is left) and re-encodes to the same bytes.
    func testEveryCapturedJobInfoReplyDecodesAndRoundTrips() throws {
        for (folder, name, version) in Self.jobInfoReplies {
            let reply = try Reply(Vectors.reply(folder, name), sentVersion: version)
            let message = try reply.decode(.responseJobInfo, as: JobInfoMessage.self)
            XCTAssertEqual(message.jobs.count, Int(message.count), "\(folder)/\(name)")
            XCTAssertEqual(message.encode(version: version), reply.body, "\(folder)/\(name) round trip")
        }
    }

    /// An unknown job id is answered with ESLURM_INVALID_JOB_ID instead of a job list.
    func testUnknownJobIsAReturnCode() throws {
        for (release, version) in Vectors.releases {
            let reply = try Reply(Vectors.reply(release, "job-info-single-invalid-response"), sentVersion: version)
            XCTAssertThrowsError(try reply.decode(.responseJobInfo, as: JobInfoMessage.self), release) { error in
                XCTAssertEqual(error as? ControllerError, .slurm(2017, nil), release)
            }
        }
    }

    /// The seeded jobs read the same in every layout: the fields each release moved or re-typed
    /// land in the same model fields.
    func testSeededJobsInEveryLayout() throws {
        for (folder, version) in Self.layouts {
            let name = ["22.05", "24.11", "26.05"].contains(folder) ? "job-info-response-detail" : "job-info-response-seeded"
            let jobs = try message(folder, name, version).jobs
            let byName = Dictionary(jobs.map { ($0.name ?? "", $0) }, uniquingKeysWith: { a, _ in a })
            let context = "\(folder)"
            let running = try XCTUnwrap(byName["seed-running"], context)
            XCTAssertEqual(running.jobState & 0xff, 1, context)
            XCTAssertEqual(running.userName == nil || running.userName == "alice", true, context)
            XCTAssertEqual(running.nice, 0x8000_0000, "nice carries NICE_OFFSET: \(context)")
            XCTAssertEqual(running.billableTRES, 1, context)
            XCTAssertEqual(running.partition, "debug", context)
            XCTAssertEqual(running.stdOut, "/dev/null", context)
            let resources = try XCTUnwrap(running.resources, "SHOW_DETAIL brings the allocation: \(context)")
            XCTAssertEqual(resources.nhosts, 1, context)
            XCTAssertEqual(resources.ncpus, 1, context)
            XCTAssertEqual(resources.nodes, "vm", context)
            XCTAssertEqual(resources.socketsPerNode, [2], context)
            XCTAssertEqual(resources.coresPerSocket, [1], context)
            XCTAssertEqual(resources.coreBitmap?.setBits.count, 1, context)
            XCTAssertEqual(resources.nodeBitmap != nil, version >= .v24_05 && version < .v26_05, "node_bitmap: \(context)")

            let held = try XCTUnwrap(byName["seed-held"], context)
            XCTAssertEqual(held.stateReason, 16, "WAIT_HELD_USER, u16 in 22.05 and u32 later: \(context)")
            XCTAssertEqual(held.priority, 0, context)
            XCTAssertEqual(held.billableTRES, Double(SlurmNumber.noVal32), "billable_tres unset is NO_VAL as a double: \(context)")
            XCTAssertNil(held.resources, context)

            let array = try XCTUnwrap(byName["seed-array"], context)
            XCTAssertEqual(array.arrayJobID, array.jobID, context)
            XCTAssertEqual(array.arrayTaskID, SlurmNumber.noVal32, context)
            XCTAssertEqual(array.arrayTaskText, "0x1E", "tasks 1-4 as a hex bitmap: \(context)")
            XCTAssertEqual(array.arrayMaxTasks, 2, context)

            let gres = try XCTUnwrap(byName["seed-gres"], context)
            XCTAssertEqual(gres.licenses, "fluent:2", context)
            XCTAssertEqual(gres.tresPerNode, version < .v23_02 ? "gres:gpu:1" : "gres/gpu:1", context)

            let components = jobs.filter { $0.name == "seed-het" }.sorted { $0.hetJobOffset < $1.hetJobOffset }
            XCTAssertEqual(components.map(\.hetJobOffset), [0, 1], context)
            XCTAssertEqual(Set(components.map(\.hetJobID)).count, 1, context)
            XCTAssertEqual(components.first?.hetJobID, components.first?.jobID, context)
            XCTAssertEqual(components.first?.hetJobIDSet, "\(components[0].jobID)-\(components[1].jobID)", context)

            XCTAssertEqual(running.selectPluginID, version < .v23_02 ? 109 : 0, "cons_tres job data in 22.05: \(context)")
            XCTAssertEqual(running.sluid != 0, version >= .v25_11, "the step id carries a SLUID from 25.11: \(context)")
            XCTAssertEqual(running.hasDetails, version >= .v24_11, context)
            XCTAssertTrue(running.hasMultiCore, context)
        }
    }

    /// What each release's layout holds, by the markers.
    func testFieldListsByRelease() {
        func names(_ v: ProtocolVersion, details: Bool = true) -> [String] {
            var job = JobInfo()
            job.hasDetails = details
            return JobInfo.fields.names(in: v, for: job)
        }
        let v2205 = names(.v22_05)
        XCTAssertEqual(v2205.filter { $0 == "container" }.count, 2, "22.05-24.05 send container twice")
        XCTAssertTrue(v2205.contains("select_jobinfo"))
        XCTAssertFalse(v2205.contains("container_id") || v2205.contains("extra") || v2205.contains("job_size_str"))
        let v2302 = names(.v23_02)
        XCTAssertFalse(v2302.contains("select_jobinfo"))
        XCTAssertTrue(v2302.contains("container_id") && v2302.contains("failed_node") && v2302.contains("job_size_str"))
        XCTAssertEqual(names(.v23_11), v2302)
        let v2405 = names(.v24_05)
        XCTAssertTrue(v2405.contains("priority_array") && v2405.contains("resv_ports"))
        XCTAssertEqual(v2405.first, "array_job_id")
        let v2411 = names(.v24_11)
        XCTAssertEqual(v2411.first, "account", "24.11 re-ordered the record")
        XCTAssertEqual(v2411.filter { $0 == "container" }.count, 1)
        XCTAssertEqual(v2411.filter { $0 == "need_unpack" }.count, 2)
        XCTAssertFalse(v2411.contains("licenses_allocated") || v2411.contains("segment_size"))
        XCTAssertTrue(names(.v25_05).contains("licenses_allocated") && names(.v25_05).contains("segment_size"))
        let v2511 = names(.v25_11)
        XCTAssertEqual(Array(v2511.prefix(4)), ["sluid", "job_id", "step_id", "step_het_comp"])
        XCTAssertEqual(v2511.filter { $0 == "job_id" }.count, 1)
        XCTAssertTrue(v2511.contains("submit_line"))
        let v2605 = names(.v26_05)
        for field in ["container_type", "exclusive", "oversubscribe", "mem_update_delay", "mem_update_margin"] {
            XCTAssertTrue(v2605.contains(field), field)
            XCTAssertFalse(v2511.contains(field), field)
        }
        // Without a details record only the counts and nice come before the pending details.
        let bare = names(.v26_05, details: false)
        let split = bare.firstIndex(of: "contiguous")!
        XCTAssertEqual(Array(bare[(split - 4)..<split]), ["need_unpack", "num_cpus", "num_nodes", "nice"])
        XCTAssertFalse(bare.contains("accrue_time") || bare.contains("submit_time"))
        XCTAssertEqual(JobResources.fields.names(in: .v22_05, for: JobResources()).contains("next_step_node_inx"), false)
        XCTAssertEqual(JobResources.fields.names(in: .v26_05, for: JobResources()).suffix(1), ["node_ranks"])
    }

    /// state_reason is a u16 in 22.05 and a u32 from 23.02; a record without details round-trips.
    func testWidthsAndDetailSplitRoundTrip() throws {
        var job = JobInfo()
        job.jobID = 42
        job.stateReason = 16
        job.name = "x"
        job.numCPUs = 3
        job.numNodes = 1
        job.nice = 0x8000_0000
        job.billableTRES = Double(SlurmNumber.noVal32)
        job.selectPluginID = 109
        let v2205 = job.encode(version: .v22_05), v2302 = job.encode(version: .v23_02)
        XCTAssertEqual(try JobInfo.decode(v2205, version: .v22_05).stateReason, 16)
        XCTAssertEqual(try JobInfo.decode(v2302, version: .v23_02).stateReason, 16)
        XCTAssertThrowsError(try JobInfo.decode(v2205, version: .v23_02))
        for version in ProtocolVersion.supported where version >= .v23_02 {
            let back = try JobInfo.decode(job.encode(version: version), version: version)
            XCTAssertEqual(back.jobID, 42, version.release)
            XCTAssertEqual(back.numCPUs, 3, version.release)
            XCTAssertEqual(back.nice, 0x8000_0000, version.release)
            XCTAssertEqual(back.billableTRES, Double(SlurmNumber.noVal32), version.release)
            XCTAssertEqual(back.encode(version: version), job.encode(version: version), version.release)
        }
        var cray = job
        cray.selectPluginID = 107
        XCTAssertThrowsError(try JobInfo.decode(cray.encode(version: .v22_05), version: .v22_05),
                             "the Cray select plugins carry job data we do not read")
    }

    /// Our requests are the bytes squeue and scontrol send.
    func testRequestsMatchTheClientsBytes() throws {
        for (release, version) in Vectors.releases {
            let all = try Vectors.request(release, "job-info-request").body
            XCTAssertEqual(JobInfoRequest(lastUpdate: 0, showFlags: ShowFlags.local).encode(version: version), all, release)
            let decoded = try JobInfoRequest.decode(all, version: version)
            XCTAssertEqual(decoded.count, SlurmNumber.noVal32, release)
            let single = try Vectors.request(release, "job-info-single-request-running").body
            XCTAssertEqual(JobInfoSingleRequest(jobID: 1, showFlags: ShowFlags.local).encode(version: version), single, release)
        }
        for release in ["24.11", "26.05"] {
            let body = try Vectors.request(release, "job-state-request").body
            XCTAssertEqual(JobStateRequest(jobs: []).encode(version: release == "24.11" ? .v24_11 : .v26_05), body, release)
        }
        var filtered = JobInfoRequest()
        filtered.count = 2
        filtered.jobIDs = [7, 9]
        XCTAssertEqual(try JobInfoRequest.decode(filtered.encode(version: .v26_05), version: .v26_05), filtered)
        let query = JobStateRequest(jobs: [JobStateQuery(jobID: 6, arrayTaskID: 2), JobStateQuery(jobID: 10, hetJobOffset: 1)])
        XCTAssertEqual(query.encode(version: .v23_11).count, 4 + 2 * 12)
        XCTAssertEqual(try JobStateRequest.decode(query.encode(version: .v26_05), version: .v26_05), query)
    }

    func testJobStateReplies() throws {
        let replies: [(String, ProtocolVersion)] = [
            ("24.11/as-23.11", .v23_11), ("24.11/as-24.05", .v24_05), ("24.11", .v24_11), ("26.05/as-24.11", .v24_11),
            ("26.05/as-25.05", .v25_05), ("26.05/as-25.11", .v25_11), ("26.05", .v26_05),
        ]
        for (folder, version) in replies {
            let reply = try Reply(Vectors.reply(folder, "job-state-response"), sentVersion: version)
            let states = try reply.decode(.responseJobState, as: JobStateResponse.self)
            XCTAssertEqual(states.encode(version: version), reply.body, folder)
            let array = try XCTUnwrap(states.jobs.first { $0.arrayJobID != 0 && $0.arrayTasks != nil }, folder)
            XCTAssertEqual(array.arrayTasks?.setBits, [1, 2, 3, 4], folder)
            let het = states.jobs.filter { $0.hetJobID != 0 }
            XCTAssertEqual(het.count, 2, folder)
            XCTAssertTrue(states.jobs.contains { $0.state & 0xff == 1 }, "the running job: \(folder)")
        }
    }

    /// Corrupt or truncated replies never trap: every cut of a real reply fails cleanly.
    func testTruncatedJobRepliesFailCleanly() throws {
        for (folder, name, version) in [("22.05", "job-info-response-detail", ProtocolVersion.v22_05),
                                        ("24.11/as-24.05", "job-info-response-seeded", .v24_05),
                                        ("26.05", "job-info-response-detail", .v26_05)] {
            let body = try Reply(Vectors.reply(folder, name), sentVersion: version).body
            for cut in stride(from: 0, to: body.count, by: 17) {
                XCTAssertThrowsError(try JobInfoMessage.decode(Array(body.prefix(cut)), version: version), "\(folder) cut \(cut)")
            }
            var hostile = body
            hostile.replaceSubrange(0..<4, with: [0xff, 0xff, 0xff, 0xf0])
            XCTAssertThrowsError(try JobInfoMessage.decode(hostile, version: version), "a huge record count")
        }
    }

    func testBitstrings() throws {
        let b = try XCTUnwrap(Bitstring(bitCount: 12, text: "0x1E"))
        XCTAssertEqual(b.setBits, [1, 2, 3, 4])
        XCTAssertEqual(b.rangeList, "1-4")
        XCTAssertEqual(Bitstring(bitCount: 70, text: "0x20000000000000305")?.rangeList, "0,2,8-9,65")
        XCTAssertNil(Bitstring(bitCount: 4, text: "0x1F"), "a set bit beyond the size")
        XCTAssertNil(Bitstring(bitCount: 8, text: "0xZ1"))
        XCTAssertEqual(Bitstring(bitCount: 8, text: "0x0")?.rangeList, "")
        // A hostile bit count allocates by the digits received.
        XCTAssertEqual(Bitstring(bitCount: Int(UInt32.max), text: "0x1")?.setBits, [0])
        var p = Packer()
        p.bitstring(b)
        p.bitstring(nil)
        var u = Unpacker(p.bytes)
        XCTAssertEqual(try u.bitstring(), b)
        XCTAssertNil(try u.bitstring())
        XCTAssertEqual(u.remaining, 0)
    }
}
