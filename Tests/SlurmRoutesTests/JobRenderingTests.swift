import XCTest
import SlurmParsing
import SlurmController
@testable import SlurmRoutes

/// The job fields the original derives (libslurm and data_parser v0.0.43), from models.
final class JobRenderingTests: XCTestCase {
    /// A running job of a 26.05 controller: one node with two single-core sockets, core 0 allocated.
    static func runningJob() -> JobInfo {
        var job = JobInfo()
        job.jobID = 1
        job.name = "seed-running"
        job.userID = 2001
        job.groupID = 2001
        job.jobState = 1
        job.partition = "debug"
        job.nodes = "vm"
        job.batchHost = "vm"
        job.batchFlag = 1
        job.workDir = "/home/alice"
        job.stdOut = "slurm-%j.out"
        job.stdErr = "/dev/null"
        job.submitTime = 1_796_165_569
        job.startTime = 1_796_165_598
        job.endTime = -2
        job.timeLimit = SlurmNumber.infinite32
        job.priority = 1
        job.nice = 0x8000_0000
        job.billableTRES = 1
        job.arrayTaskID = SlurmNumber.noVal32
        job.coreSpec = SlurmNumber.noVal16
        job.contiguous = SlurmNumber.noVal16
        job.pnMinMemory = 1 << 63 | 500
        job.cpusPerTask = 1
        job.exitCode = 0
        job.derivedExitCode = SlurmNumber.noVal32
        job.bitflags = 1 << 20 | 1 << 32
        job.lastSchedEval = 1_796_165_598
        job.profile = 0
        job.mailType = 0x3
        job.tresAllocated = "cpu=1,mem=20000M,node=1,billing=1"
        job.jobSize = Bitstring(bitCount: 8, text: "0x2E")
        job.priorityArray = [10, 20]
        job.priorityArrayNames = "debug,,batch"
        var r = JobResources()
        r.nhosts = 1
        r.ncpus = 1
        r.nodes = "vm"
        r.crType = 0x14
        r.nodeReq = 1
        r.threadsPerCore = SlurmNumber.noVal16
        r.cpus = [1]
        r.cpusUsed = [0]
        r.memoryAllocated = [20000]
        r.memoryUsed = [0]
        r.socketsPerNode = [2]
        r.coresPerSocket = [1]
        r.sockCoreRepCount = [1]
        r.coreBitmap = Bitstring(bitCount: 2, text: "0x1")
        r.coreBitmapUsed = Bitstring(bitCount: 2, text: "0x0")
        job.resources = r
        return job
    }

    static func listing(_ jobs: [JobInfo], lastBackfill: Int64 = 0) -> JobListing {
        var message = JobInfoMessage()
        message.count = UInt32(jobs.count)
        message.jobs = jobs
        message.lastBackfill = lastBackfill
        message.lastUpdate = 1_796_165_617
        return JobListing(message, accounts: AccountNames(user: { $0 == 2001 ? "alice" : nil },
                                                          group: { $0 == 2001 ? "alice" : nil }))
    }

    func rendered(_ job: JobInfo, lastBackfill: Int64 = 0) throws -> [String: JSONValue] {
        var w = JSONWriter(pretty: false)
        JobInfoSchema.schema.render(JobRow(job: job, listing: Self.listing([job], lastBackfill: lastBackfill)), into: &w)
        guard case .object(let members) = try JSONReader.parse(w.takeBytes()) else { throw XCTSkip("not an object") }
        return Dictionary(members, uniquingKeysWith: { a, _ in a })
    }

    func json(_ text: String) throws -> JSONValue { try JSONReader.parse(Array(text.utf8)) }

    func testRunningJobRecord() throws {
        let r = try rendered(Self.runningJob())
        XCTAssertEqual(r.count, 133)
        XCTAssertEqual(r["user_name"], .string("alice"))
        XCTAssertEqual(r["group_name"], .string("alice"))
        XCTAssertEqual(r["job_state"], try json(#"["RUNNING"]"#))
        XCTAssertEqual(r["flags"], try json(#"["JOB_WAS_RUNNING","BACKFILL_ATTEMPTED"]"#))
        XCTAssertEqual(r["mail_type"], try json(#"["BEGIN","END"]"#))
        XCTAssertEqual(r["profile"], try json(#"["NOT_SET"]"#))
        XCTAssertEqual(r["shared"], try json(#"["none"]"#))
        XCTAssertEqual(r["nice"], .int(0), "NICE_OFFSET is no change")
        XCTAssertEqual(r["core_spec"], .int(0))
        XCTAssertEqual(r["thread_spec"], .int(32766), "NO_VAL16 has the thread bit: the original shows 0x7ffe")
        XCTAssertEqual(r["contiguous"], .bool(false))
        XCTAssertEqual(r["hold"], .bool(false))
        XCTAssertEqual(r["memory_per_cpu"], try json(#"{"set":true,"infinite":false,"number":500}"#))
        XCTAssertEqual(r["memory_per_node"], try json(#"{"set":false,"infinite":false,"number":0}"#))
        XCTAssertEqual(r["end_time"], try json(#"{"set":false,"infinite":false,"number":0}"#), "NO_VAL64 as a time")
        XCTAssertEqual(r["time_limit"], try json(#"{"set":false,"infinite":true,"number":0}"#))
        XCTAssertEqual(r["submit_time"], try json(#"{"set":true,"infinite":false,"number":1796165569}"#))
        XCTAssertEqual(r["billable_tres"], try json(#"{"set":true,"infinite":false,"number":1.0}"#))
        XCTAssertEqual(r["exit_code"], try json(#"{"status":["SUCCESS"],"return_code":{"set":true,"infinite":false,"number":0},"signal":{"id":{"set":false,"infinite":false,"number":0},"name":""}}"#))
        XCTAssertEqual(r["derived_exit_code"], try json(#"{"status":["PENDING"],"return_code":{"set":false,"infinite":false,"number":0},"signal":{"id":{"set":false,"infinite":false,"number":0},"name":""}}"#))
        XCTAssertEqual(r["power"], try json(#"{"flags":[]}"#))
        XCTAssertEqual(r["job_size_str"], try json(#"["1-3","5"]"#))
        XCTAssertEqual(r["priority_by_partition"], try json(#"[{"partition":"debug","priority":10},{"partition":"batch","priority":20}]"#),
                       "empty names are skipped, as strtok skips them")
        XCTAssertEqual(r["stdout_expanded"], .string("/home/alice/slurm-1.out"))
        XCTAssertEqual(r["stderr_expanded"], .string("/dev/null"))
        XCTAssertEqual(r["stdin_expanded"], .string(""))
        XCTAssertEqual(r["state_reason"], .string("None"))
        XCTAssertEqual(r["array_task_string"], .string(""))
        XCTAssertEqual(r["job_resources"], try json(#"""
            {"select_type":["CORE"],"nodes":{"count":1,"select_type":["ONE_ROW"],"list":"vm","whole":false,
             "allocation":[{"index":0,"name":"vm","cpus":{"count":1,"used":0},"memory":{"used":0,"allocated":20000},
             "sockets":[{"index":0,"cores":[{"index":0,"status":["ALLOCATED"]}]},
                        {"index":1,"cores":[{"index":0,"status":["UNALLOCATED"]}]}]}]},
             "cpus":1,"threads_per_core":{"set":false,"infinite":false,"number":0}}
            """#), "CORE|MEMORY shows CORE alone, as the original's flag dump does")
    }

    func testPendingJobRecord() throws {
        var job = Self.runningJob()
        job.resources = nil
        job.jobState = 0
        job.stateReason = 16
        job.priority = 0
        job.userID = 4242
        job.groupID = 99
        job.nice = 0x8000_0000 + 10
        job.billableTRES = Double(SlurmNumber.noVal32)
        job.coreSpec = 2
        job.arrayJobID = 6
        job.arrayTaskText = "0x1E"
        job.arrayMaxTasks = 2
        let r = try rendered(job, lastBackfill: 1_796_165_590)
        XCTAssertEqual(r["job_resources"], .null)
        XCTAssertEqual(r["state_reason"], .string("JobHeldUser"))
        XCTAssertEqual(r["hold"], .bool(true))
        XCTAssertEqual(r["user_name"], .string(""), "unknown users are empty")
        XCTAssertEqual(r["group_name"], .string(""), "nobody's group is never named")
        XCTAssertEqual(r["nice"], .int(10))
        XCTAssertEqual(r["core_spec"], .int(2))
        XCTAssertEqual(r["thread_spec"], .int(0))
        XCTAssertEqual(r["billable_tres"], try json(#"{"set":false,"infinite":false,"number":0.0}"#))
        XCTAssertEqual(r["array_task_string"], .string("1-4%2"))
        XCTAssertEqual(r["stdout_expanded"], .string("/home/alice/slurm-1.out"))
        // Pending, evaluated by backfill in its last cycle: the client adds SCHEDULING_ATTEMPTED.
        XCTAssertEqual(r["flags"], try json(#"["JOB_WAS_RUNNING","BACKFILL_ATTEMPTED","SCHEDULING_ATTEMPTED"]"#))
    }

    func testJobStateWords() {
        XCTAssertEqual(JobStateTable.table.words(3), ["COMPLETED"])
        XCTAssertEqual(JobStateTable.table.words(1 | 0x8000), ["RUNNING", "COMPLETING"])
        XCTAssertEqual(JobStateTable.table.words(0 | 0x800), ["PENDING", "REQUEUE_HOLD"])
        XCTAssertEqual(JobStateTable.table.words(12), [], "JOB_END is no state")
        XCTAssertEqual(JobResourcesSchema.selectTypeTable.words(JobResourcesSchema.selectType(0x8010)), ["MEMORY", "LINEAR"],
                       "a 25.05 controller's linear mark")
        XCTAssertEqual(JobResourcesSchema.selectTypeTable.words(JobResourcesSchema.selectType(0x2)), ["SOCKET"])
    }

    func testArrayTaskText() {
        XCTAssertEqual(JobText.arrayTasks("0x1E", limit: 2), "1-4%2")
        XCTAssertEqual(JobText.arrayTasks("0x1E", limit: 0), "1-4")
        XCTAssertEqual(JobText.arrayTasks("0x49249249", limit: 0), "0-30:3", "an even step")
        XCTAssertEqual(JobText.arrayTasks("0x5", limit: 0), "0,2")
        let many = "0x" + String(repeating: "B", count: 40)
        let text = JobText.arrayTasks(many, limit: 4) ?? ""
        XCTAssertEqual(text.count, 63 + 2)
        XCTAssertTrue(text.hasSuffix("...%4"), text)
        XCTAssertEqual(JobText.arrayTasks("7", limit: 0), "7", "text that is not a hex mask stays")
        XCTAssertNil(JobText.arrayTasks(nil, limit: 3))
    }

    func testExitCodes() {
        let success = JobText.ExitCode(0)
        XCTAssertEqual(success.status, .success)
        XCTAssertEqual(success.returnCode, 0)
        let failed = JobText.ExitCode(1 << 8)
        XCTAssertEqual(failed.status, .error)
        XCTAssertEqual(failed.returnCode, 1)
        let killed = JobText.ExitCode(9)
        XCTAssertEqual(killed.status, .signaled)
        XCTAssertEqual(killed.signal, 9)
        XCTAssertEqual(killed.returnCode, SlurmNumber.noVal32)
        XCTAssertEqual(JobText.signalName(9), "KILL")
        XCTAssertEqual(JobText.signalName(11), "11")
        XCTAssertEqual(JobText.ExitCode(0x7f | 0x80).status, .coreDumped)
        let stopped = JobText.ExitCode(0x137f)
        XCTAssertEqual(stopped.status, .invalid)
        XCTAssertEqual(stopped.returnCode, 0x137f)
        XCTAssertEqual(JobText.ExitCode(SlurmNumber.noVal32).status, .pending)
    }

    func testStdioExpansion() {
        let job = JobText.StdioContext(jobID: 12, sluid: 0, arrayJobID: 10, arrayTaskID: 7, restartCount: 1,
                                       firstNode: "vm", jobName: "pi", userName: "alice", workDir: "/w/")
        XCTAssertEqual(JobText.expandStdio("%x-%j.out", job), "/w/pi-12.out")
        XCTAssertEqual(JobText.expandStdio("/o/%A_%a_%b.%4j.%r", job), "/o/10_7_7.0012.1")
        XCTAssertEqual(JobText.expandStdio("/o/%J %s %N %u %n %t %S", job), "/o/12 batch vm alice 0 0 s0000000000000")
        XCTAssertEqual(JobText.expandStdio("/o/100%% %q %3q", job), "/o/100% %q %3q")
        XCTAssertEqual(JobText.expandStdio("/o/a%", job), "/o/a", "a trailing % is dropped")
        XCTAssertEqual(JobText.expandStdio("/o/a%12", job), "/o/a%12")
        XCTAssertEqual(JobText.expandStdio("/o/\\%j", job), "/o/%j", "a backslash turns expansion off")
        var noDir = job
        noDir.workDir = nil
        noDir.firstNode = nil
        XCTAssertEqual(JobText.expandStdio("out-%N", noDir), "out-(null)")
        XCTAssertEqual(JobText.sluidText(10_256_535_625_131_026_432).count, 14)
    }

    func testJobIDs() throws {
        XCTAssertEqual(try SelectedJob.parse("123").jobID, 123)
        let task = try SelectedJob.parse("123_4")
        XCTAssertEqual([task.jobID, task.arrayTaskID], [123, 4])
        let het = try SelectedJob.parse("123+1")
        XCTAssertEqual([het.jobID, het.hetJobOffset], [123, 1])
        let step = try SelectedJob.parse("123.0")
        XCTAssertEqual([step.jobID, step.stepID], [123, 0])
        XCTAssertEqual(try SelectedJob.parse("123.batch").stepID, 0xffff_fffb)
        let hetStep = try SelectedJob.parse("123.2+1")
        XCTAssertEqual([hetStep.stepID, hetStep.stepHetComponent], [2, 1])
        let sluid: UInt64 = 10_256_535_625_131_026_432
        let bySLUID = try SelectedJob.parse(JobText.sluidText(sluid))
        XCTAssertEqual(bySLUID.sluid, sluid)
        XCTAssertEqual(bySLUID.jobID, SlurmNumber.noVal32)
        XCTAssertEqual(try SelectedJob.parse(JobText.sluidText(sluid).lowercased() + ".batch").stepID, 0xffff_fffb)
        for bad in ["", "abc", "0", "-1", "12_", "12_[1-3]", "12_1+1", "12+", "12+1_2", "12.x", "12.", "12x", "4294967295",
                    "12+200", "12.0+0", "12+1.0+1", "sXYZ", "s000000000000I0"] {
            XCTAssertThrowsError(try SelectedJob.parse(bad), bad)
        }
        XCTAssertThrowsError(try JobsEndpoint.jobID("67108864"), "MAX_JOB_ID and beyond are not job ids")
        XCTAssertEqual(try JobsEndpoint.jobID("67108862").jobID, 67_108_862)
    }

    func testJobStateRows() {
        var array = JobStateRecord()
        array.jobID = 6
        array.arrayJobID = 6
        array.arrayTaskID = SlurmNumber.noVal32
        array.arrayTasks = Bitstring(bitCount: 8, text: "0x1A")
        var task = JobStateRecord()
        task.jobID = 13
        task.arrayJobID = 6
        task.arrayTaskID = 0
        task.state = 1
        var whole = task
        whole.arrayTaskID = SlurmNumber.infinite32
        var component = JobStateRecord()
        component.jobID = 11
        component.hetJobID = 10
        var plain = JobStateRecord()
        plain.jobID = 1
        plain.state = 0x8003
        var response = JobStateResponse()
        response.jobs = [array, task, whole, component, plain]
        let rows = JobStateEndpoint.rows(response)
        XCTAssertEqual(rows.map(\.jobID), ["6_1", "6_3", "6_4", "13_0", "13_*", "11+1", "1"])
        XCTAssertEqual(JobStateTable.table.words(UInt64(rows.last!.state)), ["COMPLETED", "COMPLETING"])
    }

    func testTimeText() {
        XCTAssertEqual(JobsEndpoint.timeText(0), "Unknown")
        XCTAssertEqual(JobsEndpoint.timeText(Int64(SlurmNumber.noVal32)), "None")
        XCTAssertEqual(JobsEndpoint.timeText(4_102_444_800).count, 19)
    }
}
