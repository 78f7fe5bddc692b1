/// REQUEST_JOB_INFO: every job changed since `lastUpdate` (0 for all). The job id list is never
/// sent by libslurm's `slurm_load_jobs` (count NO_VAL), but the layout has it.
public struct JobInfoRequest: WireMessage, Equatable {
    public var lastUpdate: Int64 = 0
    public var showFlags: UInt16 = 0
    public var count: UInt32 = SlurmNumber.noVal32
    public var jobIDs: [UInt32] = []
    public init() {}
    public init(lastUpdate: Int64, showFlags: UInt16) {
        self.lastUpdate = lastUpdate
        self.showFlags = showFlags
    }

    public static let fields = FieldTable<JobInfoRequest>([
        .time("last_update", \.lastUpdate),
        .u16("show_flags", \.showFlags),
        .u32("count", \.count),
        .u32Values("job_ids", \.jobIDs, count: \.count, when: { m, _ in m.count != 0 && m.count != SlurmNumber.noVal32 }),
    ])
}

/// REQUEST_JOB_INFO_SINGLE (`job_id_msg_t`): one job (every component of a heterogeneous job, every
/// task of an array). 25.11 replaced the job id with a step id, which may name the job by SLUID.
public struct JobInfoSingleRequest: WireMessage, Equatable {
    public var sluid: UInt64 = 0
    public var jobID: UInt32 = 0
    public var stepID: UInt32 = SlurmNumber.noVal32
    public var stepHetComponent: UInt32 = SlurmNumber.noVal32
    public var showFlags: UInt16 = 0
    public init() {}
    public init(jobID: UInt32, sluid: UInt64 = 0, showFlags: UInt16) {
        self.jobID = jobID
        self.sluid = sluid
        self.showFlags = showFlags
    }

    public static let fields = FieldTable<JobInfoSingleRequest>([
        .u64("sluid", \.sluid, since: .v25_11),
        .u32("job_id", \.jobID),
        .u32("step_id", \.stepID, since: .v25_11),
        .u32("step_het_comp", \.stepHetComponent, since: .v25_11),
        .u16("show_flags", \.showFlags),
    ])
}

/// RESPONSE_JOB_INFO (`job_info_msg_t`).
public struct JobInfoMessage: WireMessage, Sendable {
    public var count: UInt32 = 0
    public var lastUpdate: Int64 = 0
    public var lastBackfill: Int64 = 0
    public var jobs: [JobInfo] = []
    public init() {}

    public static let fields = FieldTable<JobInfoMessage>([
        .u32("record_count", \.count),
        .time("last_update", \.lastUpdate),
        .time("last_backfill", \.lastBackfill),
        .records("job_array", \.jobs, count: \.count),
    ])
}

/// One job of RESPONSE_JOB_INFO (`slurm_job_info_t`), as the client library holds it after
/// `_unpack_job_info_members`: wire values unchanged (the REST layer derives what libslurm derives),
/// and zero for whatever a release or a job without details does not send.
public struct JobInfo: WireMessage, Sendable {
    // Identity (25.11+ send a step id whose job id is the job's).
    public var sluid: UInt64 = 0
    public var jobID: UInt32 = 0
    public var stepID: UInt32 = 0
    public var stepHetComponent: UInt32 = 0
    public var arrayJobID: UInt32 = 0
    public var arrayTaskID: UInt32 = 0
    /// The task list as the controller sends it: a hex bitmap ("0x1E"), translated for display.
    public var arrayTaskText: String?
    public var arrayMaxTasks: UInt32 = 0
    public var hetJobID: UInt32 = 0
    public var hetJobIDSet: String?
    public var hetJobOffset: UInt32 = 0
    public var name: String?
    public var userID: UInt32 = 0
    public var userName: String?
    public var groupID: UInt32 = 0
    public var account: String?
    public var partition: String?
    public var qos: String?
    public var cluster: String?
    public var assocID: UInt32 = 0
    public var wckey: String?
    public var mcsLabel: String?
    public var comment: String?
    public var adminComment: String?
    public var systemComment: String?
    public var extra: String?
    public var container: String?
    public var containerID: String?
    public var containerType: String?
    public var selinuxContext: String?
    public var network: String?
    public var allocNode: String?
    public var allocSID: UInt32 = 0

    // State.
    public var jobState: UInt32 = 0
    public var stateReason: UInt32 = 0
    public var stateDescription: String?
    public var bitflags: UInt64 = 0
    public var exitCode: UInt32 = 0
    public var derivedExitCode: UInt32 = 0
    public var failedNode: String?
    public var restartCount: UInt16 = 0
    public var reboot: UInt8 = 0
    public var batchFlag: UInt16 = 0
    public var batchHost: String?
    public var batchFeatures: String?
    public var burstBuffer: String?
    public var burstBufferState: String?
    public var startProtocolVersion: UInt16 = 0
    /// 22.05 only; later releases send a placeholder byte.
    public var powerFlags: UInt8 = 0
    /// 22.05-24.05 echo the request's flags in every record.
    public var showFlags: UInt16 = 0
    /// 22.05: the select plugin whose (empty) job data follows.
    public var selectPluginID: UInt32 = 0

    // Times.
    public var submitTime: Int64 = 0
    public var eligibleTime: Int64 = 0
    public var accrueTime: Int64 = 0
    public var startTime: Int64 = 0
    public var endTime: Int64 = 0
    public var suspendTime: Int64 = 0
    public var preSuspendTime: Int64 = 0
    public var resizeTime: Int64 = 0
    public var lastSchedEval: Int64 = 0
    public var preemptTime: Int64 = 0
    public var preemptableTime: Int64 = 0
    public var deadline: Int64 = 0
    public var timeLimit: UInt32 = 0
    public var timeMin: UInt32 = 0
    public var delayBoot: UInt32 = 0

    // Priority.
    public var priority: UInt32 = 0
    public var priorityArray: [UInt32] = []
    public var priorityArrayNames: String?
    public var nice: UInt32 = 0
    public var siteFactor: UInt32 = 0
    public var billableTRES: Double = 0
    public var profile: UInt32 = 0

    // Resources asked for and given.
    public var nodes: String?
    public var schedNodes: String?
    public var nodeIndex: Bitstring?
    public var reqNodes: String?
    public var reqNodeIndex: Bitstring?
    public var excNodes: String?
    public var excNodeIndex: Bitstring?
    public var features: String?
    public var prefer: String?
    public var clusterFeatures: String?
    public var licenses: String?
    public var licensesAllocated: String?
    public var gresTotal: String?
    public var gresDetail: [String] = []
    public var resources: JobResources?
    public var reservationName: String?
    public var reservationPorts: String?
    public var reqSwitch: UInt32 = 0
    public var wait4switch: UInt32 = 0
    public var tresAllocated: String?
    public var tresRequested: String?
    public var tresBind: String?
    public var tresFreq: String?
    public var tresPerJob: String?
    public var tresPerNode: String?
    public var tresPerSocket: String?
    public var tresPerTask: String?
    public var cpusPerTRES: String?
    public var memPerTRES: String?
    public var mailType: UInt16 = 0
    public var mailUser: String?

    // Federation (24.11+: only when the job has federation details).
    public var hasFederationDetails = false
    public var fedOrigin: String?
    public var fedSiblingsActive: UInt64 = 0
    public var fedSiblingsActiveNames: String?
    public var fedSiblingsViable: UInt64 = 0
    public var fedSiblingsViableNames: String?

    // Details (24.11+: only when the job has a details record; else num_cpus, num_nodes, nice).
    public var hasDetails = false
    public var cpuFreqMin: UInt32 = 0
    public var cpuFreqMax: UInt32 = 0
    public var cpuFreqGov: UInt32 = 0
    public var dependency: String?
    public var jobSize: Bitstring?
    public var ntasksPerNode: UInt16 = 0
    public var ntasksPerTRES: UInt16 = 0
    public var requeue: UInt16 = 0
    public var segmentSize: UInt16 = 0
    public var workDir: String?
    public var command: String?
    public var submitLine: String?
    public var numCPUs: UInt32 = 0
    public var maxCPUs: UInt32 = 0
    public var numNodes: UInt32 = 0
    public var maxNodes: UInt32 = 0
    public var numTasks: UInt32 = 0
    public var exclusive: UInt16 = 0
    public var shared: UInt16 = 0
    public var oversubscribe: UInt16 = 0
    public var cronspec: String?
    public var memUpdateDelay: UInt16 = 0
    public var memUpdateMargin: UInt16 = 0

    // Pending details (sent for every job).
    public var contiguous: UInt16 = 0
    public var coreSpec: UInt16 = 0
    public var cpusPerTask: UInt16 = 0
    public var pnMinCPUs: UInt16 = 0
    public var pnMinMemory: UInt64 = 0
    public var pnMinTmpDisk: UInt32 = 0
    public var oomKillStep: UInt16 = 0
    public var stdErr: String?
    public var stdIn: String?
    public var stdOut: String?

    // `multi_core_data_t`: present when the flag byte is 0xff.
    public var hasMultiCore = false
    public var boardsPerNode: UInt16 = 0
    public var socketsPerBoard: UInt16 = 0
    public var socketsPerNode: UInt16 = 0
    public var coresPerSocket: UInt16 = 0
    public var threadsPerCore: UInt16 = 0
    public var ntasksPerBoard: UInt16 = 0
    public var ntasksPerSocket: UInt16 = 0
    public var ntasksPerCore: UInt16 = 0
    public var planeSize: UInt16 = 0

    public init() {}

    /// Two layouts (protocol.md §4.4): 24.11 re-ordered the record wholesale (mostly alphabetical)
    /// and split it with `need_unpack` flags, so 22.05-24.05 and 24.11-26.05 are two blocks of one
    /// table, each marked for its range and carrying its own per-release markers.
    public static let fields = FieldTable<JobInfo>(
        layout(legacyLayout, from: .v22_05, until: .v24_11) + layout(currentLayout, from: .v24_11, until: nil))

    static let hasDetails: (JobInfo, ProtocolVersion) -> Bool = { m, _ in m.hasDetails }
    static let lacksDetails: (JobInfo, ProtocolVersion) -> Bool = { m, _ in !m.hasDetails }
    static let hasFederationDetails: (JobInfo, ProtocolVersion) -> Bool = { m, _ in m.hasFederationDetails }
    static let hasMultiCore: (JobInfo, ProtocolVersion) -> Bool = { m, _ in m.hasMultiCore }

    /// 22.05-24.05 (`_unpack_job_info_members`, the branches for 0x2600-0x2900).
    static let legacyLayout: [Field<JobInfo>] = [
        .u32("array_job_id", \.arrayJobID),
        .u32("array_task_id", \.arrayTaskID),
        .string("array_task_str", \.arrayTaskText),
        .u32("array_max_tasks", \.arrayMaxTasks),
        .u32("assoc_id", \.assocID),
        // Sent twice in these releases (here and after `extra`); the client keeps the second.
        .string("container", \.container),
        .string("container_id", \.containerID, since: .v23_02),
        .u32("delay_boot", \.delayBoot),
        .string("failed_node", \.failedNode, since: .v23_02),
        .u32("job_id", \.jobID),
        .u32("user_id", \.userID),
        .u32("group_id", \.groupID),
        .u32("het_job_id", \.hetJobID),
        .string("het_job_id_set", \.hetJobIDSet),
        .u32("het_job_offset", \.hetJobOffset),
        .u32("profile", \.profile),
        .u32("job_state", \.jobState),
        .u16("batch_flag", \.batchFlag),
        .u16Widened("state_reason", \.stateReason, until: .v23_02),
        .u32("state_reason", \.stateReason, since: .v23_02),
        .u8("power_flags", \.powerFlags),
        .u8("reboot", \.reboot),
        .u16("restart_cnt", \.restartCount),
        .u16("show_flags", \.showFlags),
        .time("deadline", \.deadline),
        .u32("alloc_sid", \.allocSID),
        .u32("time_limit", \.timeLimit),
        .u32("time_min", \.timeMin),
        .u32("nice", \.nice),
        .time("submit_time", \.submitTime),
        .time("eligible_time", \.eligibleTime),
        .time("accrue_time", \.accrueTime),
        .time("start_time", \.startTime),
        .time("end_time", \.endTime),
        .time("suspend_time", \.suspendTime),
        .time("pre_sus_time", \.preSuspendTime),
        .time("resize_time", \.resizeTime),
        .time("last_sched_eval", \.lastSchedEval),
        .time("preempt_time", \.preemptTime),
        .u32("priority", \.priority),
        .u32Array("priority_array", \.priorityArray, since: .v24_05),
        .string("priority_array_parts", \.priorityArrayNames, since: .v24_05),
        .double("billable_tres", \.billableTRES),
        .string("cluster", \.cluster),
        .string("nodes", \.nodes),
        .string("sched_nodes", \.schedNodes),
        .string("partition", \.partition),
        .string("account", \.account),
        .string("admin_comment", \.adminComment),
        .u32("site_factor", \.siteFactor),
        .string("network", \.network),
        .string("comment", \.comment),
        .string("extra", \.extra, since: .v23_02),
        .string("container", \.container),
        .string("batch_features", \.batchFeatures),
        .string("batch_host", \.batchHost),
        .string("burst_buffer", \.burstBuffer),
        .string("burst_buffer_state", \.burstBufferState),
        .string("system_comment", \.systemComment),
        .string("qos", \.qos),
        .time("preemptable_time", \.preemptableTime),
        .string("licenses", \.licenses),
        .string("state_desc", \.stateDescription),
        .string("resv_name", \.reservationName),
        .string("resv_ports", \.reservationPorts, since: .v24_05),
        .string("mcs_label", \.mcsLabel),
        .u32("exit_code", \.exitCode),
        .u32("derived_ec", \.derivedExitCode),
        .string("gres_total", \.gresTotal),
        .jobResources("job_resrcs", \.resources),
        .stringArray("gres_detail_str", \.gresDetail),
        .string("name", \.name),
        .string("user_name", \.userName),
        .string("wckey", \.wckey),
        .u32("req_switch", \.reqSwitch),
        .u32("wait4switch", \.wait4switch),
        .string("alloc_node", \.allocNode),
        .bitstring("node_inx", \.nodeIndex),
        .selectPluginData("select_jobinfo", \.selectPluginID, until: .v23_02),
        .string("features", \.features),
        .string("prefer", \.prefer),
        .string("cluster_features", \.clusterFeatures),
        .string("work_dir", \.workDir),
        .string("dependency", \.dependency),
        .string("command", \.command),
        .u32("num_cpus", \.numCPUs),
        .u32("max_cpus", \.maxCPUs),
        .u32("num_nodes", \.numNodes),
        .u32("max_nodes", \.maxNodes),
        .bitstring("job_size_str", \.jobSize, since: .v23_02),
        .u16("requeue", \.requeue),
        .u16("ntasks_per_node", \.ntasksPerNode),
        .u16("ntasks_per_tres", \.ntasksPerTRES),
        .u32("num_tasks", \.numTasks),
        .u16("shared", \.shared),
        .u32("cpu_freq_min", \.cpuFreqMin),
        .u32("cpu_freq_max", \.cpuFreqMax),
        .u32("cpu_freq_gov", \.cpuFreqGov),
        .string("cronspec", \.cronspec),
        .u16("contiguous", \.contiguous),
        .u16("core_spec", \.coreSpec),
        .u16("cpus_per_task", \.cpusPerTask),
        .u16("pn_min_cpus", \.pnMinCPUs),
        .u64("pn_min_memory", \.pnMinMemory),
        .u32("pn_min_tmp_disk", \.pnMinTmpDisk),
        .string("req_nodes", \.reqNodes),
        .bitstring("req_node_inx", \.reqNodeIndex),
        .string("exc_nodes", \.excNodes),
        .bitstring("exc_node_inx", \.excNodeIndex),
        .string("std_err", \.stdErr),
        .string("std_in", \.stdIn),
        .string("std_out", \.stdOut),
    ] + multiCoreFields + [
        .u64("bitflags", \.bitflags),
        .string("tres_alloc_str", \.tresAllocated),
        .string("tres_req_str", \.tresRequested),
        .u16("start_protocol_ver", \.startProtocolVersion),
        .string("fed_origin_str", \.fedOrigin),
        .u64("fed_siblings_active", \.fedSiblingsActive),
        .string("fed_siblings_active_str", \.fedSiblingsActiveNames),
        .u64("fed_siblings_viable", \.fedSiblingsViable),
        .string("fed_siblings_viable_str", \.fedSiblingsViableNames),
        .string("cpus_per_tres", \.cpusPerTRES),
        .string("mem_per_tres", \.memPerTRES),
        .string("tres_bind", \.tresBind),
        .string("tres_freq", \.tresFreq),
        .string("tres_per_job", \.tresPerJob),
        .string("tres_per_node", \.tresPerNode),
        .string("tres_per_socket", \.tresPerSocket),
        .string("tres_per_task", \.tresPerTask),
        .u16("mail_type", \.mailType),
        .string("mail_user", \.mailUser),
        .string("selinux_context", \.selinuxContext),
    ]

    /// 24.11-26.05 (`job_record_pack_common` + details, the branches for 0x2a00-0x2d00).
    static let currentLayout: [Field<JobInfo>] = [
        .u64("sluid", \.sluid, since: .v25_11),
        .u32("job_id", \.jobID, since: .v25_11),
        .u32("step_id", \.stepID, since: .v25_11),
        .u32("step_het_comp", \.stepHetComponent, since: .v25_11),
        .string("account", \.account),
        .string("admin_comment", \.adminComment),
        .string("alloc_node", \.allocNode),
        .u32("alloc_sid", \.allocSID),
        .u32("array_job_id", \.arrayJobID),
        .u32("array_task_id", \.arrayTaskID),
        .u32("assoc_id", \.assocID),
        .string("batch_features", \.batchFeatures),
        .u16("batch_flag", \.batchFlag),
        .string("batch_host", \.batchHost),
        .u64("bitflags", \.bitflags),
        .string("burst_buffer", \.burstBuffer),
        .string("burst_buffer_state", \.burstBufferState),
        .double("billable_tres", \.billableTRES),
        .string("comment", \.comment),
        .string("container", \.container),
        .string("container_id", \.containerID),
        .string("container_type", \.containerType, since: .v26_05),
        .string("cpus_per_tres", \.cpusPerTRES),
        .time("deadline", \.deadline),
        .u32("delay_boot", \.delayBoot),
        .u32("derived_ec", \.derivedExitCode),
        .u32("exit_code", \.exitCode),
        .string("extra", \.extra),
        .string("failed_node", \.failedNode),
        .bool("need_unpack", \.hasFederationDetails),
        .string("fed_origin_str", \.fedOrigin, when: hasFederationDetails),
        .u64("fed_siblings_active", \.fedSiblingsActive, when: hasFederationDetails),
        .string("fed_siblings_active_str", \.fedSiblingsActiveNames, when: hasFederationDetails),
        .u64("fed_siblings_viable", \.fedSiblingsViable, when: hasFederationDetails),
        .string("fed_siblings_viable_str", \.fedSiblingsViableNames, when: hasFederationDetails),
        .string("gres_total", \.gresTotal),
        .u32("group_id", \.groupID),
        .u32("het_job_id", \.hetJobID),
        .string("het_job_id_set", \.hetJobIDSet),
        .u32("het_job_offset", \.hetJobOffset),
        .u32("job_id", \.jobID, until: .v25_11),
        .u32("job_state", \.jobState),
        .time("last_sched_eval", \.lastSchedEval),
        .string("licenses", \.licenses),
        .string("licenses_allocated", \.licensesAllocated, since: .v25_05),
        .u16("mail_type", \.mailType),
        .string("mail_user", \.mailUser),
        .string("mcs_label", \.mcsLabel),
        .string("mem_per_tres", \.memPerTRES),
        .string("name", \.name),
        .string("network", \.network),
        .time("preempt_time", \.preemptTime),
        .time("pre_sus_time", \.preSuspendTime),
        .u32("priority", \.priority),
        .u32("profile", \.profile),
        .u8("reboot", \.reboot),
        .u32("req_switch", \.reqSwitch),
        .time("resize_time", \.resizeTime),
        .u16("restart_cnt", \.restartCount),
        .string("resv_name", \.reservationName),
        .string("resv_ports", \.reservationPorts),
        .string("selinux_context", \.selinuxContext),
        .u32("site_factor", \.siteFactor),
        .u16("start_protocol_ver", \.startProtocolVersion),
        .string("state_desc", \.stateDescription),
        .u32("state_reason", \.stateReason),
        .time("suspend_time", \.suspendTime),
        .string("system_comment", \.systemComment),
        .u32("time_min", \.timeMin),
        .string("tres_bind", \.tresBind),
        .string("tres_alloc_str", \.tresAllocated),
        .string("tres_req_str", \.tresRequested),
        .string("tres_freq", \.tresFreq),
        .string("tres_per_job", \.tresPerJob),
        .string("tres_per_node", \.tresPerNode),
        .string("tres_per_socket", \.tresPerSocket),
        .string("tres_per_task", \.tresPerTask),
        .u32("user_id", \.userID),
        .string("user_name", \.userName),
        .u32("wait4switch", \.wait4switch),
        .string("wckey", \.wckey),
        .string("array_task_str", \.arrayTaskText),
        .u32("array_max_tasks", \.arrayMaxTasks),
        .u32("time_limit", \.timeLimit),
        .time("start_time", \.startTime),
        .time("end_time", \.endTime),
        .u32Array("priority_array", \.priorityArray),
        .string("priority_array_names", \.priorityArrayNames),
        .string("cluster", \.cluster),
        .string("nodes", \.nodes),
        .string("sched_nodes", \.schedNodes),
        .string("partition", \.partition),
        .string("qos", \.qos),
        .time("preemptable_time", \.preemptableTime),
        .jobResources("job_resrcs", \.resources),
        .stringArray("gres_detail_str", \.gresDetail),
        .bitstring("node_inx", \.nodeIndex),
        .bool("need_unpack", \.hasDetails),
        .u32("num_cpus", \.numCPUs, when: lacksDetails),
        .u32("num_nodes", \.numNodes, when: lacksDetails),
        .u32("nice", \.nice, when: lacksDetails),
        .time("accrue_time", \.accrueTime, when: hasDetails),
        .time("eligible_time", \.eligibleTime, when: hasDetails),
        .string("cluster_features", \.clusterFeatures, when: hasDetails),
        .u32("cpu_freq_gov", \.cpuFreqGov, when: hasDetails),
        .u32("cpu_freq_max", \.cpuFreqMax, when: hasDetails),
        .u32("cpu_freq_min", \.cpuFreqMin, when: hasDetails),
        .string("dependency", \.dependency, when: hasDetails),
        .bitstring("job_size_str", \.jobSize, when: hasDetails),
        .u32("nice", \.nice, when: hasDetails),
        .u16("ntasks_per_node", \.ntasksPerNode, when: hasDetails),
        .u16("ntasks_per_tres", \.ntasksPerTRES, when: hasDetails),
        .u16("requeue", \.requeue, when: hasDetails),
        .u16("segment_size", \.segmentSize, since: .v25_05, when: hasDetails),
        .time("submit_time", \.submitTime, when: hasDetails),
        .string("work_dir", \.workDir, when: hasDetails),
        .string("features", \.features, when: hasDetails),
        .string("prefer", \.prefer, when: hasDetails),
        .string("command", \.command, when: hasDetails),
        .string("submit_line", \.submitLine, since: .v25_11, when: hasDetails),
        .u32("num_cpus", \.numCPUs, when: hasDetails),
        .u32("max_cpus", \.maxCPUs, when: hasDetails),
        .u32("num_nodes", \.numNodes, when: hasDetails),
        .u32("max_nodes", \.maxNodes, when: hasDetails),
        .u32("num_tasks", \.numTasks, when: hasDetails),
        .u16("exclusive", \.exclusive, since: .v26_05, when: hasDetails),
        .u16("shared", \.shared, when: hasDetails),
        .u16("oversubscribe", \.oversubscribe, since: .v26_05, when: hasDetails),
        .string("cronspec", \.cronspec, when: hasDetails),
        .u16("mem_update_delay", \.memUpdateDelay, since: .v26_05, when: hasDetails),
        .u16("mem_update_margin", \.memUpdateMargin, since: .v26_05, when: hasDetails),
        .u16("contiguous", \.contiguous),
        .u16("core_spec", \.coreSpec),
        .u16("cpus_per_task", \.cpusPerTask),
        .u16("pn_min_cpus", \.pnMinCPUs),
        .u64("pn_min_memory", \.pnMinMemory),
        .u32("pn_min_tmp_disk", \.pnMinTmpDisk),
        .u16("oom_kill_step", \.oomKillStep),
        .string("req_nodes", \.reqNodes),
        .bitstring("req_node_inx", \.reqNodeIndex),
        .string("exc_nodes", \.excNodes),
        .bitstring("exc_node_inx", \.excNodeIndex),
        .string("std_err", \.stdErr),
        .string("std_in", \.stdIn),
        .string("std_out", \.stdOut),
    ] + multiCoreFields

    /// `unpack_multi_core_data`: a flag byte, 0 for none or 0xff before nine u16 values.
    static let multiCoreFields: [Field<JobInfo>] = [
        .custom("multi_core_flag", encode: { m, _, p in p.u8(m.hasMultiCore ? 0xff : 0) },
                decode: { (m: inout JobInfo, _: ProtocolVersion, u: inout Unpacker) throws(WireError) in
                    switch try u.u8() {
                    case 0: m.hasMultiCore = false
                    case 0xff: m.hasMultiCore = true
                    case let flag: throw u.fail("multi-core flag \(flag) is neither 0 nor 0xff")
                    }
                }),
        .u16("boards_per_node", \.boardsPerNode, when: hasMultiCore),
        .u16("sockets_per_board", \.socketsPerBoard, when: hasMultiCore),
        .u16("sockets_per_node", \.socketsPerNode, when: hasMultiCore),
        .u16("cores_per_socket", \.coresPerSocket, when: hasMultiCore),
        .u16("threads_per_core", \.threadsPerCore, when: hasMultiCore),
        .u16("ntasks_per_board", \.ntasksPerBoard, when: hasMultiCore),
        .u16("ntasks_per_socket", \.ntasksPerSocket, when: hasMultiCore),
        .u16("ntasks_per_core", \.ntasksPerCore, when: hasMultiCore),
        .u16("plane_size", \.planeSize, when: hasMultiCore),
    ]

    /// The block's fields with their release ranges narrowed to the block's.
    static func layout(_ fields: [Field<JobInfo>], from: ProtocolVersion, until: ProtocolVersion?) -> [Field<JobInfo>] {
        fields.map { f in
            let end: ProtocolVersion? = switch (f.until, until) {
            case (nil, let u): u
            case (let f?, nil): f
            case (let f?, let u?): min(f, u)
            }
            return Field(f.name, since: max(f.since, from), until: end, when: f.condition, encode: f.encode, decode: f.decode)
        }
    }
}

/// `job_resources_t` after its leading host count (`unpack_job_resources`).
public struct JobResources: WireMessage, Equatable, Sendable {
    public var nhosts: UInt32 = 0
    public var ncpus: UInt32 = 0
    public var nextStepNodeIndex: UInt32 = 0
    public var nodeReq: UInt32 = 0
    public var nodes: String?
    public var wholeNode: UInt8 = 0
    public var threadsPerCore: UInt16 = 0
    public var crType: UInt16 = 0
    public var cpuArrayReps: [UInt32] = []
    public var cpuArrayValue: [UInt16] = []
    public var cpus: [UInt16] = []
    public var cpusUsed: [UInt16] = []
    public var memoryAllocated: [UInt64] = []
    public var memoryUsed: [UInt64] = []
    public var socketsPerNode: [UInt16] = []
    public var coresPerSocket: [UInt16] = []
    public var sockCoreRepCount: [UInt32] = []
    public var coreBitmap: Bitstring?
    public var coreBitmapUsed: Bitstring?
    public var nodeBitmap: Bitstring?
    public var nodeRanks: [UInt32] = []
    public init() {}

    public static let fields = FieldTable<JobResources>([
        .u32("ncpus", \.ncpus),
        .u32("next_step_node_inx", \.nextStepNodeIndex, since: .v24_11),
        .u32("node_req", \.nodeReq),
        .string("nodes", \.nodes),
        .u8("whole_node", \.wholeNode),
        .u16("threads_per_core", \.threadsPerCore),
        .u16("cr_type", \.crType),
        .u32Array("cpu_array_reps", \.cpuArrayReps),
        .u16Array("cpu_array_value", \.cpuArrayValue),
        .u16Array("cpus", \.cpus),
        .u16Array("cpus_used", \.cpusUsed),
        .u64Array("memory_allocated", \.memoryAllocated),
        .u64Array("memory_used", \.memoryUsed),
        .u16Array("sockets_per_node", \.socketsPerNode),
        .u16Array("cores_per_socket", \.coresPerSocket),
        .u32Array("sock_core_rep_count", \.sockCoreRepCount),
        .bitstring("core_bitmap", \.coreBitmap),
        .bitstring("core_bitmap_used", \.coreBitmapUsed),
        .bitstring("node_bitmap", \.nodeBitmap, since: .v24_05, until: .v26_05),
        .u32Array("node_ranks", \.nodeRanks, since: .v26_05),
    ])

    /// The checks `unpack_job_resources` makes.
    public func validate() throws(WireError) {
        guard cpuArrayValue.count == cpuArrayReps.count else {
            throw WireError(offset: 0, message: "job resources: \(cpuArrayValue.count) cpu values for \(cpuArrayReps.count) repetitions")
        }
        guard cpus.count == Int(nhosts) else {
            throw WireError(offset: 0, message: "job resources: cpus for \(cpus.count) hosts, not \(nhosts)")
        }
        guard nodeRanks.isEmpty || nodeRanks.count == Int(nhosts) else {
            throw WireError(offset: 0, message: "job resources: \(nodeRanks.count) node ranks for \(nhosts) hosts")
        }
    }
}

/// Field kinds only the job tables use (file-private so other message files may define their own).
extension Field {
    /// A field whose wire form the table spells out itself.
    fileprivate static func custom(_ name: String, since: ProtocolVersion = .v22_05, until: ProtocolVersion? = nil,
                       when: ((Model, ProtocolVersion) -> Bool)? = nil,
                       encode: @escaping (Model, ProtocolVersion, inout Packer) -> Void,
                       decode: @escaping (inout Model, ProtocolVersion, inout Unpacker) throws(WireError) -> Void) -> Field {
        Field(name, since: since, until: until, when: when, encode: encode, decode: decode)
    }

    /// A u16 on the wire held in a 32-bit property: for fields widened to u32 in a later release.
    fileprivate static func u16Widened(_ name: String, _ path: WritableKeyPath<Model, UInt32>, since: ProtocolVersion = .v22_05,
                           until: ProtocolVersion? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: nil, { $0.u16(UInt16(truncatingIfNeeded: $1)) }) {
            (u: inout Unpacker) throws(WireError) in UInt32(try u.u16())
        }
    }

    /// `count` u32 values with no count of their own (the count was read earlier).
    fileprivate static func u32Values(_ name: String, _ path: WritableKeyPath<Model, [UInt32]>, count: KeyPath<Model, UInt32>,
                          when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        custom(name, when: when, encode: { m, _, p in for v in m[keyPath: path] { p.u32(v) } },
               decode: { (m: inout Model, _: ProtocolVersion, u: inout Unpacker) throws(WireError) in
                   let n = Int(m[keyPath: count])
                   guard n <= u.remaining / 4 else { throw u.fail("\(name): count \(n) exceeds the message") }
                   var values: [UInt32] = []
                   values.reserveCapacity(n)
                   for _ in 0..<n { values.append(try u.u32()) }
                   m[keyPath: path] = values
               })
    }

    /// `unpack_job_resources`: a host count (NO_VAL for none), then the rest of the record.
    fileprivate static func jobResources(_ name: String, _ path: WritableKeyPath<Model, JobResources?>) -> Field {
        custom(name, encode: { m, version, p in
                   guard let r = m[keyPath: path] else { p.u32(SlurmNumber.noVal32); return }
                   p.u32(r.nhosts)
                   JobResources.fields.encode(r, version: version, into: &p)
               },
               decode: { (m: inout Model, version: ProtocolVersion, u: inout Unpacker) throws(WireError) in
                   let hosts = try u.u32()
                   guard hosts != SlurmNumber.noVal32 else { m[keyPath: path] = nil; return }
                   var r = try JobResources.fields.decode(from: &u, version: version)
                   r.nhosts = hosts
                   try r.validate()
                   m[keyPath: path] = r
               })
    }

    /// 22.05's select plugin job data: the plugin id, then nothing for the plugins of ordinary
    /// clusters (cons_res 101, linear 102, cons_tres 109); the Cray plugins' data is not supported.
    fileprivate static func selectPluginData(_ name: String, _ path: WritableKeyPath<Model, UInt32>, until: ProtocolVersion) -> Field {
        custom(name, until: until, encode: { m, _, p in p.u32(m[keyPath: path]) },
               decode: { (m: inout Model, _: ProtocolVersion, u: inout Unpacker) throws(WireError) in
                   let id = try u.u32()
                   guard [101, 102, 109].contains(id) else { throw u.fail("select plugin \(id): job data not supported") }
                   m[keyPath: path] = id
               })
    }
}
