import XCTest
@testable import SlurmController
import TestSupport

/// The job description (submit, update, allocate) and the controller's answers to them, against
/// what sbatch, scontrol update and salloc sent to and received from the 22.05, 24.11 and 26.05
/// lab controllers (as alice, captured with tcpdump).
final class JobDescriptionTests: XCTestCase {
    /// Requests with one job description.
    static let singleRequests = ["submit-batch", "submit-batch-full", "update-job", "update-job-invalid",
                                 "update-job-array", "update-job-array-task", "update-job-array-invalid-partition",
                                 "update-job-het", "update-job-invalid-partition",
                                 "resource-allocation-granted", "resource-allocation-pending"]
    /// Requests with a list of them (het jobs).
    static let listRequests = ["submit-het-job", "het-job-allocation-pending"]

    func body(_ release: String, _ name: String) throws -> [UInt8] { try Vectors.request(release, name + "-request").body }

    /// Every captured request decodes completely and re-encodes to the same bytes.
    func testEveryCapturedRequestRoundTrips() throws {
        for (release, version) in Vectors.releases {
            var names = Self.singleRequests
            if release == "26.05" { names += ["update-job-array-split", "resource-allocation-listening"] }
            for name in names {
                let bytes = try body(release, name)
                let job = try JobDescription.decode(bytes, version: version)
                XCTAssertEqual(job.encode(version: version), bytes, "\(release) \(name)")
            }
            for name in Self.listRequests {
                let bytes = try body(release, name)
                let list = try JobDescriptionList.decode(bytes, version: version)
                XCTAssertEqual(list.jobs.count, 2, "\(release) \(name)")
                XCTAssertEqual(list.encode(version: version), bytes, "\(release) \(name)")
            }
        }
    }

    /// sbatch with many options: the values land in the fields the table names.
    func testFullSubmissionValues() throws {
        for (release, version) in Vectors.releases {
            let job = try JobDescription.decode(try body(release, "submit-batch-full"), version: version)
            XCTAssertEqual(job.name, "h-jobwire-full", release)
            XCTAssertEqual(job.partition, "debug", release)
            XCTAssertEqual(job.timeLimit, 10, release)
            XCTAssertEqual(job.timeMin, 5, release)
            XCTAssertEqual(job.minNodes, 1, release)
            XCTAssertEqual(job.maxNodes, 1, release)
            XCTAssertEqual(job.numTasks, 1, release)
            XCTAssertEqual(job.cpusPerTask, 1, release)
            XCTAssertEqual(job.ntasksPerNode, 1, release)
            XCTAssertEqual(job.pnMinMemory, 100, release)
            XCTAssertEqual(job.tresPerNode, version >= .v23_02 ? "gres/gpu:1" : "gres:gpu:1", release)
            XCTAssertEqual(job.licenses, "fluent:1", release)
            XCTAssertEqual(job.arrayInx, "1-3%1", release)
            XCTAssertEqual(job.dependency, "singleton", release)
            XCTAssertEqual(job.comment, "jobwire-comment", release)
            XCTAssertEqual(job.workDir, "/tmp", release)
            XCTAssertEqual(job.stdOut, "/tmp/h-jobwire-%A_%a.out", release)
            XCTAssertEqual(job.stdErr, "/tmp/h-jobwire-%A_%a.err", release)
            XCTAssertEqual(job.mailType, 6, "END|FAIL, \(release)")
            XCTAssertEqual(job.mailUser, "alice", release)
            XCTAssertEqual(job.nice, 0x8000_0000 + 10, release)
            XCTAssertEqual(job.requeue, 1, release)
            XCTAssertEqual(job.openMode, 1, "append, \(release)")
            XCTAssertEqual([job.warnFlags, job.warnSignal, job.warnTime], [1, 10, 60], "B:USR1@60, \(release)")
            XCTAssertEqual(job.deadline - job.beginTime, 10 * 86400 - 3600, "now+10days - now+1hour, \(release)")
            XCTAssertEqual(job.priority, 0, "held, \(release)")
            XCTAssertEqual(job.argv, ["/tmp/h-jobwire.sh", "arg1", "arg2"], release)
            XCTAssertEqual(job.script, "#!/bin/sh\n#SBATCH --comment=from-script\necho h-jobwire\n", release)
            XCTAssertTrue(job.environment.contains("SLURM_EXPORT_ENV=ALL,JOBWIRE=1"), release)
            XCTAssertEqual(job.account, nil, release)
            XCTAssertEqual(job.crontabEntry, nil, release)
            // Set by _pack_job_desc_msg for the unset account, qos and wckey (the partition is set).
            let defaults = JobDescription.useDefaultAccount | JobDescription.useDefaultQOS | JobDescription.useDefaultWCKey
            XCTAssertEqual(job.bitflags & (defaults | JobDescription.useDefaultPartition), defaults, release)
            // 22.05's sbatch names the user; later ones leave it to the credential.
            XCTAssertEqual(job.userID, version == .v22_05 ? 2001 : JobDescription.slurmAuthNobody, release)
        }
    }

    /// A het submission: one description per component, the script in the first.
    func testHetSubmissionComponents() throws {
        for (release, version) in Vectors.releases {
            let list = try JobDescriptionList.decode(try body(release, "submit-het-job"), version: version)
            XCTAssertEqual(list.jobs.map(\.name), ["h-jobwire-het", "h-jobwire-het"], release)
            XCTAssertEqual(list.jobs.map(\.pnMinMemory), [50, 60], release)
            XCTAssertEqual(list.jobs.map(\.comment), ["from-script", "second"], release)
            XCTAssertEqual(list.jobs[0].script?.hasPrefix("#!/bin/sh"), true, release)
        }
    }

    /// scontrol update: the job named by text, only the changed fields off their defaults.
    func testUpdateRequests() throws {
        for (release, version) in Vectors.releases {
            let job = try JobDescription.decode(try body(release, "update-job-array"), version: version)
            var expected = JobDescription()
            expected.jobIDString = "15"
            expected.timeLimit = 8
            expected.comment = "h-jobwire-changed"
            expected.bitflags = job.bitflags
            XCTAssertEqual(job, expected, release)
            XCTAssertEqual(expected.encode(version: version), try body(release, "update-job-array"), release)
        }
    }

    /// What each controller answered: submissions, updates and allocations.
    func testAnswers() throws {
        for (release, version) in Vectors.releases {
            func reply(_ name: String) throws -> Reply { try Reply(Vectors.reply(release, name + "-response"), sentVersion: version) }

            let submitted = try reply("submit-batch-full").decode(.responseSubmitBatchJob, as: SubmitResponse.self)
            XCTAssertEqual(submitted.jobID, 15, release)
            XCTAssertEqual(submitted.stepID, 0xffff_fffb, "SLURM_BATCH_SCRIPT, \(release)")
            XCTAssertEqual(submitted.errorNumber, 2042, "ESLURM_JOB_HELD with a job, \(release)")
            XCTAssertEqual(submitted.sluid != 0, version >= .v25_11, release)
            let het = try reply("submit-het-job").decode(.responseSubmitBatchJob, as: SubmitResponse.self)
            XCTAssertEqual(het.jobID, 16, release)

            // 26.05 writes the task list in brackets.
            let brackets = release == "26.05" ? "15_[1-3]" : "15_1-3"
            let array = try reply("update-job-array").decode(.responseJobArrayErrors, as: JobArrayResponse.self)
            XCTAssertEqual(array.results.map(\.jobArrayID), [brackets], release)
            XCTAssertEqual(array.results.map(\.errorNumber), [0], release)
            let task = try reply("update-job-array-task").decode(.responseJobArrayErrors, as: JobArrayResponse.self)
            XCTAssertEqual(task.results.map(\.jobArrayID), [release == "26.05" ? "15_[2]" : "15_2"], release)
            let invalid = try reply("update-job-array-invalid-partition").decode(.responseJobArrayErrors, as: JobArrayResponse.self)
            XCTAssertEqual(invalid.results.map(\.errorNumber), [2000], "ESLURM_INVALID_PARTITION_NAME, \(release)")
            XCTAssertEqual(invalid.results.map(\.errorMessage), [nil], release)

            XCTAssertEqual(try reply("update-job-het").kind, .returnCode(0, nil), release)
            XCTAssertEqual(try reply("update-job-invalid-partition").kind, .returnCode(2000, nil), release)
            XCTAssertThrowsError(try reply("update-job-invalid-partition").expectSuccess(), release)

            let granted = try reply("resource-allocation-granted").decode(.responseResourceAllocation, as: ResourceAllocation.self)
            XCTAssertEqual(granted.nodeCount, 1, release)
            XCTAssertEqual(granted.nodeList, "vm", release)
            XCTAssertEqual(granted.numCpuGroups, 1, release)
            XCTAssertEqual(granted.errorNumber, 0, release)
            XCTAssertEqual(granted.userName, version >= .v23_02 ? "alice" : nil, release)
            let pending = try reply("resource-allocation-pending").decode(.responseResourceAllocation, as: ResourceAllocation.self)
            XCTAssertEqual(pending.nodeCount, 0, release)
            XCTAssertEqual(pending.partition, "ghosts", release)
            XCTAssertEqual(pending.errorNumber, 2068, "ESLURM_NODE_NOT_AVAIL: the partition's nodes are down, \(release)")
            let components = try reply("het-job-allocation-pending").decode(.responseHetJobAllocation, as: HetJobAllocation.self).components
            XCTAssertEqual(components.count, 2, release)
            XCTAssertEqual(components[1].jobID, components[0].jobID + 1, release)

            for name in ["submit-batch-full", "submit-het-job", "update-job-array", "update-job-array-task",
                         "update-job-array-invalid-partition", "resource-allocation-granted",
                         "resource-allocation-pending", "het-job-allocation-pending"] {
                let r = try reply(name)
                guard case .message(let type) = r.kind else { XCTFail("\(release) \(name)"); continue }
                XCTAssertEqual(try Self.decoder(type)(r.body, version), r.body, "\(release) \(name) round trip")
            }
        }
    }

    /// The 24.11 and 26.05 controllers' answers in the older versions they accept, to the requests
    /// of JobWriteRPCTests (this client's, pinned to each version): a held array job, a het job,
    /// updates of the array (by text), of a het component and with a bad partition, and an
    /// allocation queued until a later start.
    static let olderReleases: [(folder: String, version: ProtocolVersion)] = [
        ("24.11/as-23.02", .v23_02), ("24.11/as-23.11", .v23_11), ("24.11/as-24.05", .v24_05),
        ("26.05/as-25.05", .v25_05), ("26.05/as-25.11", .v25_11),
    ]

    func testAnswersInOlderReleases() throws {
        for (folder, version) in Self.olderReleases {
            func reply(_ name: String) throws -> Reply {
                let r = try Reply(Vectors.reply(folder, name + "-response"), sentVersion: version)
                XCTAssertEqual(r.header.version, version, "\(folder) \(name)")
                return r
            }
            let submitted = try reply("submit-batch-held-array").decode(.responseSubmitBatchJob, as: SubmitResponse.self)
            XCTAssertEqual(submitted.errorNumber, 2042, folder)
            XCTAssertEqual(submitted.stepID, 0xffff_fffb, folder)
            XCTAssertEqual(submitted.sluid != 0, version >= .v25_11, folder)
            let het = try reply("submit-het-job").decode(.responseSubmitBatchJob, as: SubmitResponse.self)
            XCTAssertEqual(het.jobID, submitted.jobID + 1, folder)
            let array = try reply("update-job-array").decode(.responseJobArrayErrors, as: JobArrayResponse.self)
            let tasks = folder.hasPrefix("26.05") ? "\(submitted.jobID)_[1-2]" : "\(submitted.jobID)_1-2"
            XCTAssertEqual(array.results, [{ var r = JobArrayResult(); r.jobArrayID = tasks; return r }()], folder)
            XCTAssertEqual(try reply("update-job-het-component").kind, .returnCode(0, nil), folder)
            XCTAssertEqual(try reply("update-job-invalid-partition").kind, .returnCode(2000, nil), folder)
            let queued = try reply("resource-allocation-queued").decode(.responseResourceAllocation, as: ResourceAllocation.self)
            XCTAssertEqual(queued.jobID, het.jobID + 2, folder)
            XCTAssertEqual(queued.nodeCount, 0, folder)
            XCTAssertEqual(queued.partition, "debug", folder)
            XCTAssertEqual(queued.userName, "alice", folder)
            XCTAssertEqual(queued.startProtocolVersion, version >= .v25_11 ? version.rawValue : 0, "the version the request came in, \(folder)")
            for name in ["submit-batch-held-array", "submit-het-job", "update-job-array", "resource-allocation-queued"] {
                let r = try reply(name)
                guard case .message(let type) = r.kind else { XCTFail("\(folder) \(name)"); continue }
                XCTAssertEqual(try Self.decoder(type)(r.body, version), r.body, "\(folder) \(name) round trip")
            }
        }
    }

    /// Decodes and re-encodes an answer body of the given message type.
    static func decoder(_ type: UInt16) -> ([UInt8], ProtocolVersion) throws -> [UInt8] {
        switch type {
        case MessageType.responseSubmitBatchJob.rawValue: { try SubmitResponse.decode($0, version: $1).encode(version: $1) }
        case MessageType.responseJobArrayErrors.rawValue: { try JobArrayResponse.decode($0, version: $1).encode(version: $1) }
        case MessageType.responseResourceAllocation.rawValue: { try ResourceAllocation.decode($0, version: $1).encode(version: $1) }
        default: { try HetJobAllocation.decode($0, version: $1).encode(version: $1) }
        }
    }

    /// `JobDescription()` goes out in every release and comes back the same, except for the
    /// USE_DEFAULT_* bits the packer adds.
    func testDefaultDescriptionInEveryRelease() throws {
        var expected = JobDescription()
        expected.bitflags = expected.wireBitflags
        for version in ProtocolVersion.supported {
            let bytes = JobDescription().encode(version: version)
            XCTAssertEqual(try JobDescription.decode(bytes, version: version), expected, version.release)
            XCTAssertEqual(try JobDescriptionList.decode(JobDescriptionList([JobDescription()]).encode(version: version),
                                                         version: version).jobs, [expected], version.release)
        }
        XCTAssertEqual(JobDescriptionList().encode(version: .v26_05), [0, 0])
    }

    /// The fields each release adds and drops (shared/docs/protocol.md §4.4 and fields.py).
    func testFieldListsByRelease() {
        func names(_ v: ProtocolVersion) -> [String] { JobDescription.fields.names(in: v, for: JobDescription()) }
        XCTAssertEqual(names(.v22_05).count, 118)
        let steps: [(ProtocolVersion, ProtocolVersion, added: Set<String>, dropped: Set<String>)] = [
            (.v22_05, .v23_02, ["container_id", "job_size_str"], ["select_jobinfo"]),
            (.v23_02, .v23_11, [], []),
            (.v23_11, .v24_05, ["resv_port_cnt", "segment_size"], []),
            (.v24_05, .v24_11, ["oom_kill_step"], ["power_flags"]),
            (.v24_11, .v25_05, ["alloc_tls_cert"], []),
            (.v25_05, .v25_11, ["step_id.sluid", "step_id.job_id", "step_id.step_id", "step_id.step_het_comp"], ["job_id"]),
            (.v25_11, .v26_05, ["container_type", "mem_update_delay", "mem_update_margin"], []),
        ]
        for (old, new, added, dropped) in steps {
            let a = Set(names(old)), b = Set(names(new))
            XCTAssertEqual(b.subtracting(a), added, "\(old) -> \(new)")
            XCTAssertEqual(a.subtracting(b), dropped, "\(old) -> \(new)")
        }
        XCTAssertEqual(names(.v26_05).count, 128)
        XCTAssertEqual(names(.v26_05).prefix(5), ["step_id.sluid", "step_id.job_id", "step_id.step_id", "step_id.step_het_comp", "site_factor"])
        XCTAssertEqual(names(.v26_05).suffix(2), ["crontab_entry", "segment_size"])
    }

    /// 22.05 leaves the ids to the credential with NO_VAL, later releases with SLURM_AUTH_NOBODY
    /// (a 22.05 controller takes 99 literally); a real id goes out as it is.
    func testRequestedIDSentinels() throws {
        var job = JobDescription()
        let old = job.encode(version: .v22_05), new = job.encode(version: .v23_02)
        let noVal: [UInt8] = [0xff, 0xff, 0xff, 0xfe], nobody: [UInt8] = [0, 0, 0, 99]
        XCTAssertTrue(contains(old, noVal + noVal))
        XCTAssertFalse(contains(old, nobody + nobody))
        XCTAssertTrue(contains(new, nobody + nobody))
        job.userID = 2001
        job.groupID = 2001
        for version in [ProtocolVersion.v22_05, .v23_02] {
            XCTAssertEqual(try JobDescription.decode(job.encode(version: version), version: version).userID, 2001)
        }
    }

    func contains(_ bytes: [UInt8], _ part: [UInt8]) -> Bool {
        bytes.count >= part.count && (0...(bytes.count - part.count)).contains { Array(bytes[$0..<($0 + part.count)]) == part }
    }

    /// A cron entry travels behind its presence byte (scrontab's jobs; no sbatch capture has one).
    func testCronEntryRoundTrip() throws {
        var entry = CronEntry()
        entry.flags = 0x4
        entry.minute = Bitstring(bitCount: 61, text: "0x1")
        entry.hour = Bitstring(bitCount: 25, text: "0x0000004")
        entry.dayOfWeek = nil
        entry.cronspec = "0 2 * * *"
        entry.lineStart = 3
        entry.lineEnd = 4
        var job = JobDescription()
        job.crontabEntry = entry
        job.bitflags = job.wireBitflags
        for version in ProtocolVersion.supported {
            let bytes = job.encode(version: version)
            XCTAssertEqual(bytes.count, JobDescription().encode(version: version).count + 68, version.release)
            XCTAssertEqual(try JobDescription.decode(bytes, version: version), job, version.release)
        }
    }

    /// Answers cut, forged and changed decode to a value or fail: never a trap.
    func testHostileAnswers() throws {
        var seed: UInt64 = 0
        for (release, version) in Vectors.releases {
            for name in ["submit-batch-full", "update-job-array", "update-job-array-invalid-partition",
                         "resource-allocation-granted", "resource-allocation-pending", "het-job-allocation-pending"] {
                let r = try Reply(Vectors.reply(release, name + "-response"), sentVersion: version)
                guard case .message(let type) = r.kind else { XCTFail("\(release) \(name)"); continue }
                let decode = Self.decoder(type)
                for cut in 0..<r.body.count {
                    XCTAssertThrowsError(try decode(Array(r.body.prefix(cut)), version), "\(release) \(name) cut at \(cut)")
                }
                XCTAssertThrowsError(try decode(r.body + [0], version), "\(release) \(name) with a trailing byte")
                HostileBytes.forEachForgedWord(r.body, step: 1) { _ = try? decode($0, version) }
                HostileBytes.forEachRandomChange(r.body, seed: seed, count: 300) { _ = try? decode($0, version) }
                seed += 1
            }
        }
        for (folder, version) in Self.olderReleases {
            let r = try Reply(Vectors.reply(folder, "resource-allocation-queued-response"), sentVersion: version)
            for cut in 0..<r.body.count {
                XCTAssertThrowsError(try ResourceAllocation.decode(Array(r.body.prefix(cut)), version: version), "\(folder) cut at \(cut)")
            }
            HostileBytes.forEachForgedWord(r.body, step: 1) { _ = try? ResourceAllocation.decode($0, version: version) }
        }
    }

    /// The shapes no lab controller sent: node addresses (until 24.11), IPv6, a federation's
    /// cluster record, a Cray select plugin, CPU groups that disagree.
    func testAllocationShapes() throws {
        var a = ResourceAllocation()
        a.jobID = 7
        a.nodeCount = 2
        a.nodeAddresses = [SlurmAddress(family: SlurmAddress.inet, address: [127, 0, 0, 1], port: 6818),
                           SlurmAddress(family: SlurmAddress.inet6, address: Array(repeating: 0, count: 15) + [1], port: 6818)]
        a.numCpuGroups = 1
        a.cpusPerNode = [2]
        a.cpuCountReps = [2]
        a.selectPluginID = 109
        XCTAssertEqual(try ResourceAllocation.decode(a.encode(version: .v22_05), version: .v22_05), a)
        var withoutSelectPlugin = a
        withoutSelectPlugin.selectPluginID = 0
        XCTAssertEqual(try ResourceAllocation.decode(a.encode(version: .v24_11), version: .v24_11), withoutSelectPlugin)
        var withoutAddresses = withoutSelectPlugin
        withoutAddresses.nodeAddresses = nil
        XCTAssertEqual(try ResourceAllocation.decode(a.encode(version: .v25_05), version: .v25_05), withoutAddresses)

        var wrongCount = a
        wrongCount.nodeCount = 3
        XCTAssertThrowsError(try ResourceAllocation.decode(wrongCount.encode(version: .v24_11), version: .v24_11))
        var wrongGroups = a
        wrongGroups.cpuCountReps = [1, 1]
        XCTAssertThrowsError(try ResourceAllocation.decode(wrongGroups.encode(version: .v26_05), version: .v26_05))
        var cray = a
        cray.selectPluginID = 110
        XCTAssertThrowsError(try ResourceAllocation.decode(cray.encode(version: .v22_05), version: .v22_05))
        var federated = a.encode(version: .v26_05)
        federated[federated.count - 1] = 1
        XCTAssertThrowsError(try ResourceAllocation.decode(federated, version: .v26_05))
    }
}
