import XCTest
import SlurmController
import SlurmParsing
@testable import SlurmRoutes

/// `v0.0.43_job_desc_msg` read onto the job description the controller receives: each member's
/// wire field and value as the original's data_parser sets them, the members that act on others
/// applied in the original's order, and refusals that name the offending value.
final class JobDescriptionInputTests: XCTestCase {
    static let ids = AccountIDs(user: { ["alice": 2001, "bob": 2002][$0] }, group: { ["alice": 2001, "staff": 50][$0] })

    func input(_ json: String) throws -> JobDescriptionInput {
        try JobDescriptionSchema.schema.decode(try JSONReader.parse(Array(json.utf8)), at: "#/job")
    }

    func job(_ json: String) throws -> JobDescription {
        try input(json).resolved(ids: Self.ids)
    }

    func refusal(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> InputError? {
        do {
            _ = try job(json)
            XCTFail("accepted \(json)", file: file, line: line)
        } catch let error as InputError {
            return error
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
        return nil
    }

    /// The body of the users' guide (issue 4): what a generated client sends for a first job.
    func testUsersGuideJob() throws {
        let j = try job("""
            {"name": "guide", "partition": "debug", "time_limit": {"set": true, "infinite": false, "number": 5},
             "required_nodes": ["vm"], "tasks": 1, "environment": ["PATH=/bin:/usr/bin", "HOME=/home/alice"],
             "current_working_directory": "/home/alice", "script": "#!/bin/sh\\nhostname\\n"}
            """)
        var expected = JobDescription()
        expected.name = "guide"
        expected.partition = "debug"
        expected.timeLimit = 5
        expected.reqNodes = "vm"
        expected.numTasks = 1
        expected.environment = ["PATH=/bin:/usr/bin", "HOME=/home/alice"]
        expected.workDir = "/home/alice"
        expected.script = "#!/bin/sh\nhostname\n"
        XCTAssertEqual(j, expected, "nothing else differs from slurm_init_job_desc_msg's defaults")
    }

    /// Every member with a value, and the wire field each one lands in.
    func testEveryMember() throws {
        let i = try input("""
            {"account": "acct", "account_gather_frequency": "task=30", "admin_comment": "ac",
             "allocation_node_list": "login1", "allocation_node_port": 4242, "argv": ["x", "-v"], "array": "1-10%2",
             "batch_features": "bf", "begin_time": {"set": true, "number": 1900000000},
             "flags": ["SPREAD_JOB", "kill_invalid_dependency"], "burst_buffer": "bb", "clusters": "c1",
             "cluster_constraint": "cc", "comment": "hello", "contiguous": true, "container": "/oci",
             "container_id": "cid", "core_specification": 2, "cpu_binding": "map_cpu:0,1",
             "cpu_binding_flags": ["CPU_BIND_TO_CORES", "VERBOSE"], "cpu_frequency": "low-high:performance",
             "cpus_per_tres": "gpu:2", "deadline": 1900000100, "delay_boot": 30, "dependency": "afterok:7",
             "end_time": 1900000200, "environment": ["A=1"], "rlimits": {"nofile": 1024},
             "excluded_nodes": ["ghost1", "ghost2"], "extra": "x", "constraints": "fast", "group_id": "staff",
             "hetjob_group": 1, "immediate": true, "job_id": 77, "kill_on_node_fail": false, "licenses": "lic:1",
             "mail_type": ["END", "FAIL"], "mail_user": "a@b", "mcs_label": "mcs", "memory_binding": "map_mem:0",
             "memory_binding_type": ["LOCAL", "PREFER"], "memory_per_tres": "gpu:100", "name": "every",
             "network": "net", "nice": -5, "tasks": 8, "oom_kill_step": 1, "open_mode": ["APPEND"],
             "reserve_ports": 3, "overcommit": true, "partition": "debug", "power_flags": [], "prefer": "pf",
             "hold": true, "profile": ["ENERGY", "TASK"], "qos": "normal", "reboot": false, "required_nodes": "vm",
             "requeue": true, "reservation": "r", "script": "#!/bin/sh\\n", "shared": ["user"], "site_factor": 9,
             "spank_environment": ["S=1"], "distribution": "block:cyclic", "time_limit": 60, "time_minimum": {"number": 30},
             "tres_bind": "gpu:closest", "tres_freq": "gpu:high", "tres_per_job": "gres/gpu:1", "tres_per_node": "gres/gpu:2",
             "tres_per_socket": "gres/gpu:3", "tres_per_task": "gres/gpu:4", "user_id": "alice", "wait_all_nodes": true,
             "kill_warning_flags": ["BATCH_JOB", "FULL_JOB"], "kill_warning_signal": "SIGUSR1",
             "kill_warning_delay": 90, "current_working_directory": "/tmp", "cpus_per_task": 2, "minimum_cpus": 4,
             "maximum_cpus": 16, "nodes": "2-4", "minimum_boards_per_node": 1, "minimum_sockets_per_board": 2,
             "sockets_per_node": 2, "threads_per_core": 1, "tasks_per_node": 4, "tasks_per_socket": 2,
             "tasks_per_core": 1, "tasks_per_board": 3, "ntasks_per_tres": 1, "minimum_cpus_per_node": 2,
             "memory_per_cpu": 512, "temporary_disk_per_node": 100, "selinux_context": "ctx",
             "required_switches": {"set": true, "number": 1}, "segment_size": 4, "standard_error": "e",
             "standard_input": "i", "standard_output": "o", "wait_for_switch": 60, "wckey": "wk",
             "x11": ["BATCH_NODE"], "x11_magic_cookie": "cookie", "x11_target_host": "disp", "x11_target_port": 6000}
            """)
        XCTAssertEqual(i.warnings, [])
        let j = try i.resolved(ids: Self.ids)
        XCTAssertEqual(j.account, "acct")
        XCTAssertEqual(j.acctgFreq, "task=30")
        XCTAssertEqual(j.adminComment, "ac")
        XCTAssertEqual(j.allocNode, "login1")
        XCTAssertEqual(j.allocRespPort, 4242)
        XCTAssertEqual(j.argv, ["x", "-v"])
        XCTAssertEqual(j.arrayInx, "1-10%2")
        XCTAssertEqual(j.batchFeatures, "bf")
        XCTAssertEqual(j.beginTime, 1_900_000_000)
        XCTAssertEqual(j.bitflags, 1 << 8 | 1 << 0, "SPREAD_JOB and KILL_INV_DEP, words in any case")
        XCTAssertEqual(j.burstBuffer, "bb")
        XCTAssertEqual(j.clusters, "c1")
        XCTAssertEqual(j.clusterFeatures, "cc")
        XCTAssertEqual(j.comment, "hello")
        XCTAssertEqual(j.contiguous, 1)
        XCTAssertEqual(j.container, "/oci")
        XCTAssertEqual(j.containerID, "cid")
        XCTAssertEqual(j.coreSpec, 2)
        XCTAssertEqual(j.cpuBind, "map_cpu:0,1")
        XCTAssertEqual(j.cpuBindType, 0x4 | 0x1)
        XCTAssertEqual(j.cpuFreqMin, CPUFrequency.low)
        XCTAssertEqual(j.cpuFreqMax, CPUFrequency.high)
        XCTAssertEqual(j.cpuFreqGov, CPUFrequency.performance)
        XCTAssertEqual(j.cpusPerTres, "gpu:2")
        XCTAssertEqual(j.deadline, 1_900_000_100)
        XCTAssertEqual(j.delayBoot, 30)
        XCTAssertEqual(j.dependency, "afterok:7")
        XCTAssertEqual(j.endTime, 1_900_000_200)
        XCTAssertEqual(j.environment, ["A=1", "SLURM_RLIMIT_NOFILE=1024", "SLURM_DISTRIBUTION=block:cyclic"])
        XCTAssertEqual(j.excNodes, "ghost1,ghost2")
        XCTAssertEqual(j.extra, "x")
        XCTAssertEqual(j.features, "fast")
        XCTAssertEqual(j.groupID, 50)
        XCTAssertEqual(j.immediate, 1)
        XCTAssertEqual(j.jobID, 77)
        XCTAssertEqual(j.killOnNodeFail, 0)
        XCTAssertEqual(j.licenses, "lic:1")
        XCTAssertEqual(j.mailType, 0x2 | 0x4)
        XCTAssertEqual(j.mailUser, "a@b")
        XCTAssertEqual(j.mcsLabel, "mcs")
        XCTAssertEqual(j.memBind, "map_mem:0")
        XCTAssertEqual(j.memBindType, 0x20 | 0x80)
        XCTAssertEqual(j.memPerTres, "gpu:100")
        XCTAssertEqual(j.name, "every")
        XCTAssertEqual(j.network, "net")
        XCTAssertEqual(j.nice, 0x8000_0000 - 5)
        XCTAssertEqual(j.numTasks, 8)
        XCTAssertEqual(j.oomKillStep, 1)
        XCTAssertEqual(j.openMode, 1)
        XCTAssertEqual(j.otherPort, 3, "reserve_ports lands in other_port, as in the original")
        XCTAssertEqual(j.resvPortCnt, 0)
        XCTAssertEqual(j.overcommit, 1)
        XCTAssertEqual(j.partition, "debug")
        XCTAssertEqual(j.prefer, "pf")
        XCTAssertEqual(j.priority, 0, "held")
        XCTAssertEqual(j.profile, 0x2 | 0x4)
        XCTAssertEqual(j.qos, "normal")
        XCTAssertEqual(j.reboot, 0)
        XCTAssertEqual(j.reqNodes, "vm")
        XCTAssertEqual(j.requeue, 1)
        XCTAssertEqual(j.reservation, "r")
        XCTAssertEqual(j.script, "#!/bin/sh\n")
        XCTAssertEqual(j.shared, 2)
        XCTAssertEqual(j.siteFactor, 9)
        XCTAssertEqual(j.spankJobEnv, ["S=1"])
        XCTAssertEqual(j.taskDist, 0x12)
        XCTAssertEqual(j.timeLimit, 60)
        XCTAssertEqual(j.timeMin, 30)
        XCTAssertEqual(j.tresBind, "gpu:closest")
        XCTAssertEqual(j.tresFreq, "gpu:high")
        XCTAssertEqual(j.tresPerJob, "gres/gpu:1")
        XCTAssertEqual(j.tresPerNode, "gres/gpu:2")
        XCTAssertEqual(j.tresPerSocket, "gres/gpu:3")
        XCTAssertEqual(j.tresPerTask, "gres/gpu:4")
        XCTAssertEqual(j.userID, 2001)
        XCTAssertEqual(j.waitAllNodes, 1)
        XCTAssertEqual(j.warnFlags, 0x1 | 0x8)
        XCTAssertEqual(j.warnSignal, 10)
        XCTAssertEqual(j.warnTime, 90)
        XCTAssertEqual(j.workDir, "/tmp")
        XCTAssertEqual(j.cpusPerTask, 2)
        XCTAssertEqual(j.minCpus, 4)
        XCTAssertEqual(j.maxCpus, 16)
        XCTAssertEqual(j.minNodes, 2)
        XCTAssertEqual(j.maxNodes, 4)
        XCTAssertNil(j.jobSizeStr)
        XCTAssertEqual(j.boardsPerNode, 1)
        XCTAssertEqual(j.socketsPerBoard, 2)
        XCTAssertEqual(j.socketsPerNode, 2)
        XCTAssertEqual(j.threadsPerCore, 1)
        XCTAssertEqual(j.ntasksPerNode, 4)
        XCTAssertEqual(j.ntasksPerSocket, 2)
        XCTAssertEqual(j.ntasksPerCore, 1)
        XCTAssertEqual(j.ntasksPerBoard, 3)
        XCTAssertEqual(j.ntasksPerTres, 1)
        XCTAssertEqual(j.pnMinCpus, 2)
        XCTAssertEqual(j.pnMinMemory, 0x8000_0000_0000_0000 | 512)
        XCTAssertEqual(j.pnMinTmpDisk, 100)
        XCTAssertEqual(j.reqContext, "ctx")
        XCTAssertEqual(j.reqSwitch, 1)
        XCTAssertEqual(j.segmentSize, 4)
        XCTAssertEqual(j.stdErr, "e")
        XCTAssertEqual(j.stdIn, "i")
        XCTAssertEqual(j.stdOut, "o")
        XCTAssertEqual(j.wait4switch, 60)
        XCTAssertEqual(j.wckey, "wk")
        XCTAssertEqual(j.x11, 2)
        XCTAssertEqual(j.x11MagicCookie, "cookie")
        XCTAssertEqual(j.x11Target, "disp")
        XCTAssertEqual(j.x11TargetPort, 6000)
    }

    func testSchemaListsTheReferenceMembersInOrder() throws {
        XCTAssertEqual(JobDescriptionSchema.schema.fields.count, 115)
        XCTAssertEqual(JobDescriptionSchema.schema.fields.first?.name, "account")
        XCTAssertEqual(JobDescriptionSchema.schema.fields.last?.name, "x11_target_port")
    }

    func testHoldAndPriority() throws {
        XCTAssertEqual(try job(#"{"hold": true}"#).priority, 0)
        XCTAssertEqual(try job(#"{"hold": false}"#).priority, SlurmNumber.infinite32, "false releases")
        XCTAssertEqual(try job(#"{"priority": 5, "hold": true}"#).priority, 5, "priority is read after hold")
        XCTAssertEqual(try job(#"{"priority": {"infinite": true}}"#).priority, SlurmNumber.infinite32)
        XCTAssertEqual(try job("{}").priority, SlurmNumber.noVal32)
    }

    func testMemory() throws {
        XCTAssertEqual(try job(#"{"memory_per_node": 2048}"#).pnMinMemory, 2048)
        XCTAssertEqual(try job(#"{"memory_per_node": 2048, "memory_per_cpu": 100}"#).pnMinMemory, 2048,
                       "memory_per_node is read after memory_per_cpu")
        XCTAssertEqual(try job(#"{"memory_per_cpu": {"infinite": true}}"#).pnMinMemory, 0, "0: all of the memory")
        XCTAssertEqual(try job(#"{"memory_per_cpu": {"set": false}}"#).pnMinMemory, SlurmNumber.noVal64)
    }

    func testCoreAndThreadSpecification() throws {
        XCTAssertEqual(try job(#"{"thread_specification": 3}"#).coreSpec, 0x8003)
        XCTAssertEqual(try job(#"{"thread_specification": 3, "core_specification": 2}"#).coreSpec, 0x8003)
    }

    func testNodeCounts() throws {
        var j = try job(#"{"nodes": "3"}"#)
        XCTAssertEqual([j.minNodes, j.maxNodes], [3, 3])
        j = try job(#"{"nodes": "2-4,8"}"#)
        XCTAssertEqual([j.minNodes, j.maxNodes], [2, 8])
        XCTAssertEqual(j.jobSizeStr, "2-4,8")
        j = try job(#"{"nodes": "1-15:4"}"#)
        XCTAssertEqual(j.jobSizeStr, "1,5,9,13")
        j = try job(#"{"nodes": "5-0"}"#)
        XCTAssertEqual([j.minNodes, j.maxNodes], [0, 5], "swapped, as the original does")
        j = try job(#"{"maximum_nodes": 6, "nodes": "2-4", "minimum_nodes": 1}"#)
        XCTAssertEqual([j.minNodes, j.maxNodes], [1, 6], "explicit limits are read after nodes")
    }

    func testEnvironmentAdditions() throws {
        var j = try job(#"{"environment": ["SLURM_RLIMIT_CPU=1", "B=2"], "rlimits": {"as": {"infinite": true}, "cpu": 60}}"#)
        XCTAssertEqual(j.environment, ["SLURM_RLIMIT_CPU=60", "B=2", "SLURM_RLIMIT_AS=18446744073709551615"],
                       "replaced where it is, added in the original's order")
        j = try job(#"{"rlimits": {"cpu": 60}, "distribution": "cyclic"}"#)
        XCTAssertEqual(j.environment, [], "no environment given: the original adds nothing")
        XCTAssertEqual(j.taskDist, 1)
        j = try job(#"{"environment": [], "distribution_plane_size": 4}"#)
        XCTAssertEqual(j.environment, ["SLURM_DISTRIBUTION=plane", "SLURM_DIST_PLANESIZE=4"])
        XCTAssertEqual([j.taskDist, UInt32(j.planeSize)], [4, 4])
        j = try job(#"{"environment": [], "distribution": "arbitrary", "required_nodes": ["vm"]}"#)
        XCTAssertEqual(j.environment, ["SLURM_ARBITRARY_NODELIST=vm", "SLURM_DISTRIBUTION=arbitrary"])
        j = try job(#"{"environment": [], "distribution": "*:*,pack"}"#)
        XCTAssertEqual(j.environment, ["SLURM_DISTRIBUTION=block:cyclic,pack"])
        XCTAssertEqual(j.taskDist, 0x80_0012)
    }

    func testPlaneSizeAndDistribution() throws {
        var j = try job(#"{"distribution": "plane=3", "distribution_plane_size": 3}"#)
        XCTAssertEqual([j.taskDist, UInt32(j.planeSize)], [4, 3])
        j = try job(#"{"distribution": "plane=3"}"#)
        XCTAssertEqual(j.planeSize, 3)
        j = try job(#"{"distribution_plane_size": {"set": false}, "distribution": "block"}"#)
        XCTAssertEqual(j.taskDist, 2)
        for (json, path) in [(#"{"distribution": "plane=3", "distribution_plane_size": 2}"#, "#/job/distribution"),
                             (#"{"distribution": "block", "distribution_plane_size": 2}"#, "#/job/distribution"),
                             (#"{"distribution": "arbitrary"}"#, "#/job/distribution"),
                             (#"{"distribution": "plane"}"#, "#/job/distribution"),
                             (#"{"distribution": "diagonal"}"#, "#/job/distribution")] {
            let e = refusal(json)
            XCTAssertEqual(e?.code.number, 2023, json)
            XCTAssertEqual(e?.path, path, json)
        }
    }

    func testUserAndGroup() throws {
        XCTAssertEqual(try job(#"{"user_id": "bob"}"#).userID, 2002)
        XCTAssertEqual(try job(#"{"user_id": "1234", "group_id": "99"}"#).userID, 1234, "digits are an id, not looked up")
        XCTAssertEqual(try job(#"{"user_id": ""}"#).userID, JobDescription.slurmAuthNobody, "empty: the credential's user")
        XCTAssertEqual(try job("{}").groupID, JobDescription.slurmAuthNobody)
        XCTAssertEqual(refusal(#"{"user_id": "mallory"}"#)?.code.number, 2166)
        XCTAssertEqual(refusal(#"{"group_id": "nogroup"}"#)?.path, "#/job/group_id")
        XCTAssertEqual(refusal(#"{"user_id": "99999999999"}"#)?.code.number, 2165)
    }

    func testFlagWords() throws {
        let i = try input(#"{"cpu_binding_flags": ["CPU_BIND_RANK", "cpu_bind_none"], "memory_binding_type": ["SORT"]}"#)
        XCTAssertEqual(i.job.cpuBindType, 0x20)
        XCTAssertEqual(i.job.memBindType, 0)
        XCTAssertEqual(i.warnings, [
            APIWarning(description: "Ignoring deprecated flag: CPU_BIND_RANK", source: "#/job/cpu_binding_flags[0]/"),
            APIWarning(description: "Ignoring deprecated flag: SORT", source: "#/job/memory_binding_type[0]/"),
        ])
        XCTAssertEqual(try job(#"{"mail_type": []}"#).mailType, SlurmNumber.noVal16, "an empty list changes nothing")
        XCTAssertEqual(try job(#"{"shared": ["none"]}"#).shared, 0)
        XCTAssertEqual(try job(#"{"profile": ["NONE"]}"#).profile, 1)
        XCTAssertEqual(try job(#"{"cpu_binding_flags": ["CPU_BIND_TO_THREADS", "CPU_BIND_TO_SOCKETS"]}"#).cpuBindType, 0x8,
                       "one target: the later replaces the earlier")
    }

    func testIgnoredMembers() throws {
        let i = try input(#"{"crontab": {"flags": ["WILD_MINUTE"], "minute": "0", "line": {"start": 1, "end": 2}}, "power_flags": [1], "hetjob_group": 2}"#)
        XCTAssertEqual(i.warnings, [APIWarning(description: "crontab submissions are not supported", source: "#/job/crontab/")])
        XCTAssertEqual(try i.resolved(ids: Self.ids), JobDescription())
        XCTAssertEqual(refusal(#"{"crontab": {"minute": 0}}"#)?.path, "#/job/crontab/minute", "checked before it is ignored")
    }

    func testSignalsAndDelays() throws {
        XCTAssertEqual(try job(#"{"kill_warning_signal": "10"}"#).warnSignal, 10)
        XCTAssertEqual(try job(#"{"kill_warning_signal": "term"}"#).warnSignal, 15)
        XCTAssertEqual(try job(#"{"kill_warning_signal": ""}"#).warnSignal, SlurmNumber.noVal16)
        XCTAssertEqual(try job(#"{"kill_warning_delay": {"set": false}}"#).warnTime, 0, "unset keeps the default")
        XCTAssertEqual(try job(#"{"segment_size": {"infinite": true}}"#).segmentSize, SlurmNumber.infinite16)
        XCTAssertEqual(refusal(#"{"kill_warning_signal": "SIGFOO"}"#)?.path, "#/job/kill_warning_signal")
    }

    func testTimes() throws {
        XCTAssertEqual(try job(#"{"begin_time": {"set": false}}"#).beginTime, 0, "unset: now")
        XCTAssertEqual(try job(#"{"begin_time": 1800000000}"#).beginTime, 1_800_000_000)
        XCTAssertEqual(refusal(#"{"begin_time": {"infinite": true}}"#)?.path, "#/job/begin_time")
        XCTAssertEqual(refusal(#"{"deadline": "now+1hour"}"#)?.code.number, 9202, "time strings are not read")
    }

    /// Each kind of bad value is refused with Slurm's number and the value's path.
    func testRefusalsNameTheValue() {
        let cases: [(String, Int32, String)] = [
            (#"{"nmae": "x"}"#, 9216, "#/job/nmae"),
            (#"{"name": 1}"#, 9202, "#/job/name"),
            (#"{"tasks": 4294967294}"#, 9202, "#/job/tasks"),
            (#"{"cpus_per_task": 65534}"#, 9202, "#/job/cpus_per_task"),
            (#"{"allocation_node_port": 70000}"#, 9202, "#/job/allocation_node_port"),
            (#"{"contiguous": "yes"}"#, 9202, "#/job/contiguous"),
            (#"{"time_limit": {"number": -1}}"#, 9202, "#/job/time_limit/number"),
            (#"{"environment": "A=1"}"#, 9208, "#/job/environment"),
            (#"{"environment": {"A": "1"}}"#, 9208, "#/job/environment"),
            (#"{"excluded_nodes": [1]}"#, 9202, "#/job/excluded_nodes/0"),
            (#"{"flags": ["NOPE"]}"#, 9207, "#/job/flags/0"),
            (#"{"rlimits": {"cpus": 1}}"#, 9216, "#/job/rlimits/cpus"),
            (#"{"rlimits": {"cpu": "1"}}"#, 9202, "#/job/rlimits/cpu"),
            (#"{"core_specification": 0}"#, 2111, "#/job/core_specification"),
            (#"{"thread_specification": 32768}"#, 2132, "#/job/thread_specification"),
            (#"{"nice": 2147483646}"#, 2123, "#/job/nice"),
            (#"{"memory_per_cpu": "4G"}"#, 9202, "#/job/memory_per_cpu"),
            (#"{"nodes": "two"}"#, 9202, "#/job/nodes"),
            (#"{"cpu_frequency": "fast"}"#, 9202, "#/job/cpu_frequency"),
            (#"{"distribution_plane_size": {"infinite": true}}"#, 9202, "#/job/distribution_plane_size"),
            (#"{"power_flags": {}}"#, 9208, "#/job/power_flags"),
            (#"{"hetjob_group": -1}"#, 9202, "#/job/hetjob_group"),
            (#"{"user_id": 2001}"#, 9202, "#/job/user_id"),
        ]
        for (json, number, path) in cases {
            guard let e = refusal(json) else { continue }
            XCTAssertEqual(e.code.number, number, json)
            XCTAssertEqual(e.path, path, json)
            XCTAssertTrue([400, 422].contains(e.code.httpStatus), json)
        }
    }
}
