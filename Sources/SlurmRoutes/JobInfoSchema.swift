import SlurmController
import SlurmParsing

/// A decoded job list and what rendering it needs besides the records: the message's backfill
/// time and the owners' names (the request's `AccountNames` looks each id up once).
final class JobListing {
    let message: JobInfoMessage
    private let accounts: AccountNames

    init(_ message: JobInfoMessage, accounts: AccountNames) {
        self.message = message
        self.accounts = accounts
    }

    /// `uid_to_string_or_null`: root and nobody by number, others from the account database.
    func userName(_ uid: UInt32) -> String? {
        switch uid {
        case 0: "root"
        case Self.nobody: "nobody"
        default: accounts.user(uid)
        }
    }

    /// `gid_to_string_or_null`: nobody's group is never named.
    func groupName(_ gid: UInt32) -> String? { gid == Self.nobody ? nil : accounts.group(gid) }

    /// SLURM_AUTH_NOBODY.
    static let nobody: UInt32 = 99
}

/// One job as the answer renders it.
struct JobRow {
    let job: JobInfo
    let listing: JobListing
}

enum JobInfoSchema {
    static let mailTypeTable = FlagTable([
        .bit("BEGIN", 0x1), .bit("END", 0x2), .bit("FAIL", 0x4), .bit("REQUEUE", 0x8), .bit("TIME=100%", 0x10),
        .bit("TIME=90%", 0x20), .bit("TIME=80%", 0x40), .bit("TIME=50%", 0x80), .bit("STAGE_OUT", 0x100),
        .bit("ARRAY_TASKS", 0x200), .bit("INVALID_DEPENDENCY", 0x400),
    ])

    static let profileTable = FlagTable([
        .equal("NOT_SET", 0, mask: 0xffff_ffff), .equal("NONE", 1, mask: 0xffff_ffff), .bit("ENERGY", 0x2),
        .bit("LUSTRE", 0x8), .bit("NETWORK", 0x10), .bit("TASK", 0x4),
    ])

    static let sharedTable = FlagTable([
        .equal("none", 0, mask: 0xffff), .equal("oversubscribe", 1, mask: 0xffff), .equal("user", 2, mask: 0xffff),
        .equal("mcs", 3, mask: 0xffff), .equal("topo", 4, mask: 0xffff),
    ])

    /// `bitflags` words (slurm/slurm.h bit numbers, stable from 22.05 on except bit 24, which
    /// 22.05 used for JOB_RESIZED and 26.05 for EXTERNAL_JOB).
    static let flagsTable = FlagTable([
        ("KILL_INVALID_DEPENDENCY", 0), ("NO_KILL_INVALID_DEPENDENCY", 1), ("HAS_STATE_DIRECTORY", 2),
        ("TESTING_BACKFILL", 3), ("GRES_BINDING_ENFORCED", 4), ("TEST_NOW_ONLY", 5), ("SEND_JOB_ENVIRONMENT", 6),
        ("SPREAD_JOB", 8), ("PREFER_MINIMUM_NODE_COUNT", 9), ("JOB_KILL_HURRY", 10),
        ("SKIP_TRES_STRING_ACCOUNTING", 11), ("SIBLING_CLUSTER_UPDATE_ONLY", 12), ("HETEROGENEOUS_JOB", 13),
        ("EXACT_TASK_COUNT_REQUESTED", 14), ("EXACT_CPU_COUNT_REQUESTED", 15), ("TESTING_WHOLE_NODE_BACKFILL", 16),
        ("TOP_PRIORITY_JOB", 17), ("ACCRUE_COUNT_CLEARED", 18), ("GRES_BINDING_DISABLED", 19),
        ("JOB_WAS_RUNNING", 20), ("JOB_ACCRUE_TIME_RESET", 21), ("CRON_JOB", 22), ("EXACT_MEMORY_REQUESTED", 23),
        ("EXTERNAL_JOB", 24), ("USING_DEFAULT_ACCOUNT", 25), ("USING_DEFAULT_PARTITION", 26),
        ("USING_DEFAULT_QOS", 27), ("USING_DEFAULT_WCKEY", 28), ("DEPENDENT", 29), ("MAGNETIC", 30),
        ("PARTITION_ASSIGNED", 31), ("BACKFILL_ATTEMPTED", 32), ("SCHEDULING_ATTEMPTED", 33), ("STEPMGR_ENABLED", 41),
    ].map { FlagTable.Entry.bit($0.0, 1 << UInt64($0.1)) })

    static let backfillAttempted: UInt64 = 1 << 32
    static let schedulingAttempted: UInt64 = 1 << 33

    /// The client marks a pending job that the backfill scheduler evaluated in its last cycle
    /// (`_unpack_job_info_msg`).
    static func flags(_ row: JobRow) -> UInt64 {
        let job = row.job, lastBackfill = row.listing.message.lastBackfill
        if job.bitflags & backfillAttempted != 0, lastBackfill != 0, job.jobState & JobStateTable.baseMask == 0,
           lastBackfill <= job.lastSchedEval {
            return job.bitflags | schedulingAttempted
        }
        return job.bitflags
    }

    /// A time as `TIMESTAMP_NO_VAL` renders it: the time_t as an unsigned number with flags.
    static func time(_ t: Int64) -> UInt64 { UInt64(bitPattern: t) }

    /// `NICE`: the wire value carries NICE_OFFSET; NO_VAL and the offset itself are 0.
    static func nice(_ raw: UInt32) -> Int64 {
        raw == SlurmNumber.noVal32 || raw == niceOffset ? 0 : Int64(raw) - Int64(niceOffset)
    }
    static let niceOffset: UInt32 = 0x8000_0000


    /// `core_spec` holds either a core count or, with CORE_SPEC_THREAD set, a thread count.
    static let coreSpecThread: UInt16 = 0x8000
    static func coreSpec(_ s: UInt16) -> UInt16 { s & coreSpecThread == 0 ? s : 0 }
    static func threadSpec(_ s: UInt16) -> UInt16 { s & coreSpecThread != 0 ? s & ~coreSpecThread : 0 }

    /// `priority_by_partition`: the names (comma-separated, empty names skipped) paired in order
    /// with the priorities.
    static func priorityByPartition(_ job: JobInfo) -> [(partition: String, priority: UInt32)] {
        guard !job.priorityArray.isEmpty, let names = job.priorityArrayNames else { return [] }
        return zip(names.split(separator: ","), job.priorityArray).map { (String($0.0), $0.1) }
    }

    /// The expanded stdio path, or "" when the job has none.
    static func stdio(_ path: String?, _ row: JobRow) -> String {
        guard let path, !path.isEmpty else { return "" }
        let job = row.job
        let user = row.listing.userName(job.userID) ?? String(job.userID)
        return JobText.expandStdio(path, JobText.StdioContext(
            jobID: job.jobID, sluid: job.sluid, arrayJobID: job.arrayJobID, arrayTaskID: job.arrayTaskID,
            restartCount: job.restartCount, firstNode: job.batchHost, jobName: job.name, userName: user,
            workDir: job.workDir))
    }

    static let exitCodeSchema = ObjectSchema<JobText.ExitCode>("v0.0.43_process_exit_code_verbose", [
        .flags("status", "Status given by return code", FlagTable([
            .equal("INVALID", 0, mask: 0xffff_ffff), .equal("PENDING", 1, mask: 0xffff_ffff),
            .equal("SUCCESS", 2, mask: 0xffff_ffff), .equal("ERROR", 3, mask: 0xffff_ffff),
            .equal("SIGNALED", 4, mask: 0xffff_ffff), .equal("CORE_DUMPED", 5, mask: 0xffff_ffff),
        ])) { $0.status.rawValue },
        .uint32NoVal("return_code", "Process return code (numeric)") { $0.returnCode },
        .inline("signal", [
            .uint16NoVal("id", "Signal sent to process (numeric)") { $0.signal },
            .string("name", "Signal sent to process (name)") {
                $0.signal == SlurmNumber.noVal16 ? "" : JobText.signalName($0.signal)
            },
        ]) { $0 },
    ])

    static let partitionPrioritySchema = ObjectSchema<(partition: String, priority: UInt32)>("v0.0.43_part_prio", [
        .string("partition", "Partition name") { $0.partition },
        .int32("priority", "Prospective job priority if it runs in this partition") { $0.priority },
    ])

    /// The record's properties in the original's order (`PARSER_ARRAY(JOB_INFO)`, v0.0.43).
    static let schema = ObjectSchema<JobRow>("v0.0.43_job_info", [
        .string("account", "Account associated with the job") { $0.job.account },
        .uint64NoVal("accrue_time", "When the job started accruing age priority (UNIX timestamp)") { time($0.job.accrueTime) },
        .string("admin_comment", "Arbitrary comment made by administrator") { $0.job.adminComment },
        .string("allocating_node", "Local node making the resource allocation") { $0.job.allocNode },
        .uint32NoVal("array_job_id", "Job ID of job array, or 0 if N/A") { $0.job.arrayJobID },
        .uint32NoVal("array_task_id", "Task ID of this task in job array") { $0.job.arrayTaskID },
        .uint32NoVal("array_max_tasks", "Maximum number of simultaneously running array tasks, 0 if no limit") {
            $0.job.arrayMaxTasks },
        .string("array_task_string", "String expression of task IDs in this record") {
            JobText.arrayTasks($0.job.arrayTaskText, limit: $0.job.arrayMaxTasks) },
        .int32("association_id", "Unique identifier for the association") { $0.job.assocID },
        .string("batch_features", "Features required for batch script's node") { $0.job.batchFeatures },
        .bool("batch_flag", "True if batch job") { $0.job.batchFlag != 0 },
        .string("batch_host", "Name of host running batch script") { $0.job.batchHost },
        .flags("flags", "Job flags", flagsTable) { flags($0) },
        .string("burst_buffer", "Burst buffer specifications") { $0.job.burstBuffer },
        .string("burst_buffer_state", "Burst buffer state details") { $0.job.burstBufferState },
        .string("cluster", "Cluster name") { $0.job.cluster },
        .string("cluster_features", "List of required cluster features") { $0.job.clusterFeatures },
        .string("command", "Executed command") { $0.job.command },
        .string("comment", "Arbitrary comment") { $0.job.comment },
        .string("container", "Absolute path to OCI container bundle") { $0.job.container },
        .string("container_id", "OCI container ID") { $0.job.containerID },
        .bool("contiguous", "True if job requires contiguous nodes") {
            $0.job.contiguous != SlurmNumber.noVal16 && $0.job.contiguous != 0 },
        .int32("core_spec", "Specialized core count") { coreSpec($0.job.coreSpec) },
        .int32("thread_spec", "Specialized thread count") { threadSpec($0.job.coreSpec) },
        .uint16NoVal("cores_per_socket", "Cores per socket required") { $0.job.coresPerSocket },
        .float64NoVal("billable_tres", "Billable TRES") { $0.job.billableTRES },
        .uint16NoVal("cpus_per_task", "Number of CPUs required by each task") { $0.job.cpusPerTask },
        .uint32NoVal("cpu_frequency_minimum", "Minimum CPU frequency") { $0.job.cpuFreqMin },
        .uint32NoVal("cpu_frequency_maximum", "Maximum CPU frequency") { $0.job.cpuFreqMax },
        .uint32NoVal("cpu_frequency_governor", "CPU frequency governor") { $0.job.cpuFreqGov },
        .string("cpus_per_tres", "Semicolon delimited list of TRES=# values indicating how many CPUs should be allocated for each specified TRES") {
            $0.job.cpusPerTRES },
        .string("cron", "Time specification for scrontab job") { $0.job.cronspec },
        .uint64NoVal("deadline", "Latest time that the job may start (UNIX timestamp)") { time($0.job.deadline) },
        .uint32NoVal("delay_boot", "Seconds after the job became eligible that nodes are rebooted for requested features") {
            $0.job.delayBoot },
        .string("dependency", "Other jobs that must meet certain criteria before this job can start") { $0.job.dependency },
        .object("derived_exit_code", "Highest exit code of all job steps", exitCodeSchema) {
            JobText.ExitCode($0.job.derivedExitCode) },
        .uint64NoVal("eligible_time", "Time when the job became eligible to run (UNIX timestamp)") { time($0.job.eligibleTime) },
        .uint64NoVal("end_time", "End time, real or expected (UNIX timestamp)") { time($0.job.endTime) },
        .string("excluded_nodes", "Comma-separated list of nodes that may not be used") { $0.job.excNodes },
        .object("exit_code", "Exit code of the job", exitCodeSchema) { JobText.ExitCode($0.job.exitCode) },
        .string("extra", "Arbitrary string used for node filtering if extra constraints are enabled") { $0.job.extra },
        .string("failed_node", "Name of node that caused job failure") { $0.job.failedNode },
        .string("features", "Comma-separated list of features that are required") { $0.job.features },
        .string("federation_origin", "Origin cluster's name (when using federation)") { $0.job.fedOrigin },
        .string("federation_siblings_active", "Active sibling job names") { $0.job.fedSiblingsActiveNames },
        .string("federation_siblings_viable", "Viable sibling job names") { $0.job.fedSiblingsViableNames },
        .stringArray("gres_detail", "List of GRES index and counts allocated per node",
                     schema: .strings("v0.0.43_job_info_gres_detail")) { $0.job.gresDetail },
        .int32("group_id", "Group ID of the user that owns the job") { $0.job.groupID },
        .string("group_name", "Group name of the user that owns the job") { $0.listing.groupName($0.job.groupID) },
        .uint32NoVal("het_job_id", "Heterogeneous job ID, if applicable") { $0.job.hetJobID },
        .string("het_job_id_set", "Job ID range for all heterogeneous job components") { $0.job.hetJobIDSet },
        .uint32NoVal("het_job_offset", "Unique sequence number applied to this component of the heterogeneous job") {
            $0.job.hetJobOffset },
        .int32("job_id", "Job ID") { $0.job.jobID },
        .nullableObject("job_resources", "Resources used by the job", JobResourcesSchema.schema,
                        component: JobResourcesSchema.component) { $0.job.resources },
        .stringArray("job_size_str", "Number of nodes (in a range) required for this job", schema: .csvString) {
            ($0.job.jobSize?.rangeList ?? "").split(separator: ",").map(String.init) },
        .flags("job_state", "Current state", JobStateTable.table) { UInt64($0.job.jobState) },
        .uint64NoVal("last_sched_evaluation", "Last time job was evaluated for scheduling (UNIX timestamp)") {
            time($0.job.lastSchedEval) },
        .string("licenses", "License(s) required by the job") { $0.job.licenses },
        .string("licenses_allocated", "License(s) allocated to the job") { $0.job.licensesAllocated },
        .flags("mail_type", "Mail event type(s)", mailTypeTable) { UInt64($0.job.mailType) },
        .string("mail_user", "User to receive email notifications") { $0.job.mailUser },
        .uint32NoVal("max_cpus", "Maximum number of CPUs usable by the job") { $0.job.maxCPUs },
        .uint32NoVal("max_nodes", "Maximum number of nodes usable by the job") { $0.job.maxNodes },
        .string("mcs_label", "Multi-Category Security label on the job") { $0.job.mcsLabel },
        .string("memory_per_tres", "Semicolon delimited list of TRES=# values indicating how much memory in megabytes should be allocated for each specified TRES") {
            $0.job.memPerTRES },
        .string("name", "Job name") { $0.job.name },
        .string("network", "Network specs for the job") { $0.job.network },
        .string("nodes", "Node(s) allocated to the job") { $0.job.nodes },
        .int32("nice", "Requested job priority change") { nice($0.job.nice) },
        .uint16NoVal("tasks_per_core", "Number of tasks invoked on each core") { $0.job.ntasksPerCore },
        .uint16NoVal("tasks_per_tres", "Number of tasks that can assess each GPU") { $0.job.ntasksPerTRES },
        .uint16NoVal("tasks_per_node", "Number of tasks invoked on each node") { $0.job.ntasksPerNode },
        .uint16NoVal("tasks_per_socket", "Number of tasks invoked on each socket") { $0.job.ntasksPerSocket },
        .uint16NoVal("tasks_per_board", "Number of tasks invoked on each board") { $0.job.ntasksPerBoard },
        .uint32NoVal("cpus", "Minimum number of CPUs required") { $0.job.numCPUs },
        .uint32NoVal("node_count", "Minimum number of nodes required") { $0.job.numNodes },
        .uint32NoVal("tasks", "Number of tasks") { $0.job.numTasks },
        .string("partition", "Partition assigned to the job") { $0.job.partition },
        .string("prefer", "Feature(s) the job requested but that are not required") { $0.job.prefer },
        .memoryPerCPU("memory_per_cpu", "Minimum memory in megabytes per allocated CPU") { $0.job.pnMinMemory },
        .memoryPerNode("memory_per_node", "Minimum memory in megabytes per allocated node") { $0.job.pnMinMemory },
        .uint16NoVal("minimum_cpus_per_node", "Minimum number of CPUs per node") { $0.job.pnMinCPUs },
        .uint32NoVal("minimum_tmp_disk_per_node", "Minimum tmp disk space required per node") { $0.job.pnMinTmpDisk },
        .inline("power", [
            // Removed from the parser; the original still renders the empty list it stood for.
            Property("flags", .emptyArray, "", deprecated: true) { _, w in w.beginArray(); w.endArray() },
        ]) { $0 },
        .uint64NoVal("preempt_time", "Time job received preemption signal (UNIX timestamp)") { time($0.job.preemptTime) },
        .uint64NoVal("preemptable_time", "Time job becomes eligible for preemption (UNIX timestamp)") {
            time($0.job.preemptableTime) },
        .uint64NoVal("pre_sus_time", "Total run time prior to last suspend in seconds") { time($0.job.preSuspendTime) },
        .bool("hold", "Hold (true) or release (false) job") { $0.job.priority == 0 },
        .uint32NoVal("priority", "Request specific job priority") { $0.job.priority },
        .array("priority_by_partition", "Prospective job priority in each partition that may be used by this job",
               ArraySchema("v0.0.43_priority_by_partition", of: partitionPrioritySchema)) { priorityByPartition($0.job) },
        .flags("profile", "Profile used by the acct_gather_profile plugin", profileTable) { UInt64($0.job.profile) },
        .string("qos", "Quality of Service assigned to the job, if pending the QOS requested") { $0.job.qos },
        .bool("reboot", "Node reboot requested before start") { $0.job.reboot != 0 },
        .string("required_nodes", "Comma-separated list of required nodes") { $0.job.reqNodes },
        .int32("required_switches", "Maximum number of switches") { $0.job.reqSwitch },
        .bool("requeue", "Determines whether the job may be requeued") { $0.job.requeue != 0 },
        .uint64NoVal("resize_time", "Time of last size change (UNIX timestamp)") { time($0.job.resizeTime) },
        .int32("restart_cnt", "Number of job restarts") { $0.job.restartCount },
        .string("resv_name", "Name of reservation to use") { $0.job.reservationName },
        .string("scheduled_nodes", "List of nodes scheduled to be used for the job") { $0.job.schedNodes },
        .int32("segment_size", "Requested segment size") { $0.job.segmentSize },
        .string("selinux_context", "SELinux context") { $0.job.selinuxContext },
        .flags("shared", "How the job can share resources with other jobs, if at all", sharedTable) {
            UInt64($0.job.shared) },
        .int32("sockets_per_board", "Number of sockets per board required") { $0.job.socketsPerBoard },
        .uint16NoVal("sockets_per_node", "Number of sockets per node required") { $0.job.socketsPerNode },
        .uint64NoVal("start_time", "Time execution began, or is expected to begin (UNIX timestamp)") { time($0.job.startTime) },
        .string("state_description", "Optional details for state_reason") { $0.job.stateDescription },
        .string("state_reason", "Reason for current Pending or Failed state") { JobText.stateReason($0.job.stateReason) },
        .string("standard_input", "Path to stdin file") { $0.job.stdIn },
        .string("standard_output", "Path to stdout file") { $0.job.stdOut },
        .string("standard_error", "Path to stderr file") { $0.job.stdErr },
        .string("stdin_expanded", "Job stdin with expanded fields") { stdio($0.job.stdIn, $0) },
        .string("stdout_expanded", "Job stdout with expanded fields") { stdio($0.job.stdOut, $0) },
        .string("stderr_expanded", "Job stderr with expanded fields") { stdio($0.job.stdErr, $0) },
        .uint64NoVal("submit_time", "Time when the job was submitted (UNIX timestamp)") { time($0.job.submitTime) },
        .uint64NoVal("suspend_time", "Time the job was last suspended or resumed (UNIX timestamp)") { time($0.job.suspendTime) },
        .string("system_comment", "Arbitrary comment from slurmctld") { $0.job.systemComment },
        .uint32NoVal("time_limit", "Maximum run time in minutes") { $0.job.timeLimit },
        .uint32NoVal("time_minimum", "Minimum run time in minutes") { $0.job.timeMin },
        .uint16NoVal("threads_per_core", "Number of processor threads per CPU core required") { $0.job.threadsPerCore },
        .string("tres_bind", "Task to TRES binding directives") { $0.job.tresBind },
        .string("tres_freq", "TRES frequency directives") { $0.job.tresFreq },
        .string("tres_per_job", "Comma-separated list of TRES=# values to be allocated per job") { $0.job.tresPerJob },
        .string("tres_per_node", "Comma-separated list of TRES=# values to be allocated per node") { $0.job.tresPerNode },
        .string("tres_per_socket", "Comma-separated list of TRES=# values to be allocated per socket") { $0.job.tresPerSocket },
        .string("tres_per_task", "Comma-separated list of TRES=# values to be allocated per task") { $0.job.tresPerTask },
        .string("tres_req_str", "TRES requested by the job") { $0.job.tresRequested },
        .string("tres_alloc_str", "TRES used by the job") { $0.job.tresAllocated },
        .int32("user_id", "User ID that owns the job") { $0.job.userID },
        .string("user_name", "User name that owns the job") { $0.listing.userName($0.job.userID) },
        .int32("maximum_switch_wait_time", "Maximum time to wait for switches in seconds") { $0.job.wait4switch },
        .string("wckey", "Workload characterization key") { $0.job.wckey },
        .string("current_working_directory", "Working directory to use for the job") { $0.job.workDir },
    ])

    static let listComponent = SchemaComponent.array("v0.0.43_job_info_msg", of: schema.component)
}

/// Job state words: one base state (the low byte) and any of the state flags.
enum JobStateTable {
    static let baseMask: UInt32 = 0xff

    static let table = FlagTable([
        "PENDING", "RUNNING", "SUSPENDED", "COMPLETED", "CANCELLED", "FAILED", "TIMEOUT", "NODE_FAIL", "PREEMPTED",
        "BOOT_FAIL", "DEADLINE", "OUT_OF_MEMORY",
    ].enumerated().map { FlagTable.Entry.equal($0.element, UInt64($0.offset), mask: UInt64(baseMask)) } + [
        ("LAUNCH_FAILED", 8), ("REQUEUED", 10), ("REQUEUE_HOLD", 11), ("SPECIAL_EXIT", 12), ("RESIZING", 13),
        ("CONFIGURING", 14), ("COMPLETING", 15), ("STOPPED", 16), ("RECONFIG_FAIL", 17), ("POWER_UP_NODE", 18),
        ("REVOKED", 19), ("REQUEUE_FED", 20), ("RESV_DEL_HOLD", 21), ("SIGNALING", 22), ("STAGE_OUT", 23),
    ].map { FlagTable.Entry.bit($0.0, 1 << UInt64($0.1)) })
}
