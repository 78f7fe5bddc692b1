/// Slurm's `job_desc_msg_t` as `_pack_job_desc_msg` sends it in REQUEST_SUBMIT_BATCH_JOB,
/// REQUEST_UPDATE_JOB, REQUEST_RESOURCE_ALLOCATION and (as a list) the heterogeneous requests: the
/// union of the fields any release from 22.05 to 26.05 puts on the wire, in Slurm's raw wire types.
///
/// The defaults are what `slurm_init_job_desc_msg()` sets (src/api/init_msg.c): NO_VAL for "not
/// requested" numbers, nil for strings, zero for the rest. A value the controller should leave alone
/// on update keeps its default. Names follow Slurm's; where they differ the Slurm name is noted.
public struct JobDescription: WireMessage, Sendable, Equatable {
    // MARK: Identity (25.11+ send job_id inside a step id; older releases send it alone)

    /// `step_id.sluid` (25.11+): the job's Slurm-wide unique id, 0 when not known.
    public var sluid: UInt64 = 0
    /// `job_id` (≤ 25.05) / `step_id.job_id` (25.11+): the job to update, or a requested id.
    public var jobID: UInt32 = SlurmNumber.noVal32
    /// `step_id.step_id` (25.11+).
    public var stepID: UInt32 = SlurmNumber.noVal32
    /// `step_id.step_het_comp` (25.11+).
    public var stepHetComp: UInt32 = SlurmNumber.noVal32
    /// `job_id_str`: the job id as text, may name an array task or het component ("7_3", "7+1").
    public var jobIDString: String?
    public var name: String?

    // MARK: Placement and features

    public var siteFactor: UInt32 = SlurmNumber.noVal32
    public var batchFeatures: String?
    public var clusterFeatures: String?
    public var clusters: String?
    public var contiguous: UInt16 = SlurmNumber.noVal16
    /// OCI container bundle path.
    public var container: String?
    /// `container_id` (23.02+).
    public var containerID: String?
    /// `container_type` (26.05+).
    public var containerType: String?
    /// Specialized cores (or threads with CORE_SPEC_THREAD set).
    public var coreSpec: UInt16 = SlurmNumber.noVal16
    /// `task_dist`: a `task_dist_states` value.
    public var taskDist: UInt32 = SlurmNumber.noVal32
    public var killOnNodeFail: UInt16 = SlurmNumber.noVal16
    public var features: String?
    public var fedSiblingsActive: UInt64 = 0
    public var fedSiblingsViable: UInt64 = 0
    /// The submitting host.
    public var allocNode: String?
    /// The submitting session id.
    public var allocSID: UInt32 = SlurmNumber.noVal32
    /// `array_inx`: the array's index expression, e.g. "1-10%2".
    public var arrayInx: String?
    public var burstBuffer: String?
    /// `pn_min_cpus`: CPUs per node.
    public var pnMinCpus: UInt16 = SlurmNumber.noVal16
    /// `pn_min_memory`: MB per node, or per CPU when bit 63 (MEM_PER_CPU) is set.
    public var pnMinMemory: UInt64 = SlurmNumber.noVal64
    /// `mem_update_delay` (26.05+).
    public var memUpdateDelay: UInt16 = 0
    /// `mem_update_margin` (26.05+).
    public var memUpdateMargin: UInt16 = 0
    /// `oom_kill_step` (24.11+).
    public var oomKillStep: UInt16 = 0
    /// `pn_min_tmp_disk`: MB of temporary disk per node.
    public var pnMinTmpDisk: UInt32 = SlurmNumber.noVal32
    /// `power_flags` (22.05 to 23.11; 24.05 sends a zero in its place, 24.11 dropped it).
    public var powerFlags: UInt8 = 0
    public var prefer: String?
    /// kHz, or a CPU_FREQ_* value.
    public var cpuFreqMin: UInt32 = SlurmNumber.noVal32
    public var cpuFreqMax: UInt32 = SlurmNumber.noVal32
    public var cpuFreqGov: UInt32 = SlurmNumber.noVal32
    public var partition: String?
    /// 0 holds the job; INFINITE releases a held job.
    public var priority: UInt32 = SlurmNumber.noVal32
    public var dependency: String?
    public var account: String?
    public var adminComment: String?
    public var comment: String?
    /// NICE_OFFSET (0x80000000) plus the nice value.
    public var nice: UInt32 = SlurmNumber.noVal32
    /// ACCT_GATHER_PROFILE_* bits; 0 is "not set".
    public var profile: UInt32 = 0
    public var qos: String?
    public var mcsLabel: String?
    public var originCluster: String?
    /// OPEN_MODE_APPEND 1 / OPEN_MODE_TRUNCATE 2, 0 for the configured default.
    public var openMode: UInt8 = 0
    /// NO_VAL8 when not requested.
    public var overcommit: UInt8 = 0xfe
    public var acctgFreq: String?
    public var numTasks: UInt32 = SlurmNumber.noVal32
    /// SELinux context.
    public var reqContext: String?
    public var reqNodes: String?
    public var excNodes: String?
    /// `environment` (env_size entries), "NAME=value" each.
    public var environment: [String] = []
    /// `spank_job_env` (spank_job_env_size entries).
    public var spankJobEnv: [String] = []
    /// The batch script text; nil for an allocation or an update.
    public var script: String?
    /// `argv` (argc entries).
    public var argv: [String] = []
    public var stdErr: String?
    public var stdIn: String?
    public var stdOut: String?
    public var submitLine: String?
    public var workDir: String?

    // MARK: Sizes and binding

    /// Allocations: 1 to fail unless resources are free at once.
    public var immediate: UInt16 = 0
    public var reboot: UInt16 = SlurmNumber.noVal16
    public var requeue: UInt16 = SlurmNumber.noVal16
    /// JOB_SHARED_* (oversubscribe / exclusive) values.
    public var shared: UInt16 = SlurmNumber.noVal16
    public var cpusPerTask: UInt16 = SlurmNumber.noVal16
    public var ntasksPerNode: UInt16 = SlurmNumber.noVal16
    public var ntasksPerBoard: UInt16 = 0
    public var ntasksPerSocket: UInt16 = SlurmNumber.noVal16
    public var ntasksPerCore: UInt16 = SlurmNumber.noVal16
    public var ntasksPerTres: UInt16 = SlurmNumber.noVal16
    public var planeSize: UInt16 = SlurmNumber.noVal16
    public var cpuBindType: UInt16 = SlurmNumber.noVal16
    public var memBindType: UInt16 = SlurmNumber.noVal16
    public var cpuBind: String?
    public var memBind: String?
    /// Minutes; INFINITE for no limit.
    public var timeLimit: UInt32 = SlurmNumber.noVal32
    /// Minutes.
    public var timeMin: UInt32 = SlurmNumber.noVal32
    public var minCpus: UInt32 = SlurmNumber.noVal32
    public var maxCpus: UInt32 = SlurmNumber.noVal32
    public var minNodes: UInt32 = SlurmNumber.noVal32
    public var maxNodes: UInt32 = SlurmNumber.noVal32
    /// `job_size_str` (23.02+): the node count expression, e.g. "2-4,8".
    public var jobSizeStr: String?
    public var boardsPerNode: UInt16 = 0
    public var socketsPerBoard: UInt16 = 0
    public var socketsPerNode: UInt16 = SlurmNumber.noVal16
    public var coresPerSocket: UInt16 = SlurmNumber.noVal16
    public var threadsPerCore: UInt16 = SlurmNumber.noVal16
    /// SLURM_AUTH_NOBODY (99): "the credential's user" (22.05 spelled that NO_VAL, which the codec
    /// sends to a 22.05 controller instead).
    public var userID: UInt32 = Self.slurmAuthNobody
    /// SLURM_AUTH_NOBODY (99): "the credential's group" (NO_VAL for 22.05, as for userID).
    public var groupID: UInt32 = Self.slurmAuthNobody

    // MARK: Allocation responses, times, mail, signals

    /// The port an interactive allocation waits on for RESPONSE_RESOURCE_ALLOCATION.
    public var allocRespPort: UInt16 = 0
    /// `alloc_tls_cert` (25.05+).
    public var allocTlsCert: String?
    public var respHost: String?
    public var otherPort: UInt16 = 0
    /// `resv_port_cnt` (24.05+).
    public var resvPortCnt: UInt16 = 0
    public var network: String?
    /// Seconds since the epoch; 0 for "now".
    public var beginTime: Int64 = 0
    /// Seconds since the epoch.
    public var endTime: Int64 = 0
    /// Seconds since the epoch.
    public var deadline: Int64 = 0
    public var licenses: String?
    /// MAIL_JOB_* bits.
    public var mailType: UInt16 = SlurmNumber.noVal16
    public var mailUser: String?
    public var reservation: String?
    public var restartCnt: UInt16 = 0
    /// KILL_JOB_BATCH and similar bits for warn_signal.
    public var warnFlags: UInt16 = 0
    public var warnSignal: UInt16 = 0
    /// Seconds before the end to send warn_signal.
    public var warnTime: UInt16 = 0
    public var wckey: String?
    /// Wanted switch count.
    public var reqSwitch: UInt32 = SlurmNumber.noVal32
    /// `wait4switch`: seconds to wait for reqSwitch.
    public var wait4switch: UInt32 = SlurmNumber.noVal32
    /// 22.05 only: the id of the select plugin whose (empty) job info follows, `select_jobinfo`'s
    /// plugin id. A 22.05 controller accepts any select plugin it has loaded; SELECT_PLUGIN_CONS_TRES
    /// (109) is what a cons_tres client sends.
    public var selectPluginID: UInt32 = Self.selectPluginConsTres
    public var waitAllNodes: UInt16 = SlurmNumber.noVal16
    /// `bitflags`: job_desc flag bits (KILL_INV_DEP, USE_DEFAULT_*, ...). The USE_DEFAULT_ACCT,
    /// _PART, _QOS and _WCKEY bits are added on the wire for an unset account, partition, qos, wckey.
    public var bitflags: UInt64 = 0
    /// Seconds.
    public var delayBoot: UInt32 = SlurmNumber.noVal32
    public var extra: String?
    /// X11 forwarding flags.
    public var x11: UInt16 = 0
    public var x11MagicCookie: String?
    public var x11Target: String?
    public var x11TargetPort: UInt16 = 0

    // MARK: TRES

    public var cpusPerTres: String?
    public var memPerTres: String?
    public var tresBind: String?
    public var tresFreq: String?
    public var tresPerJob: String?
    public var tresPerNode: String?
    public var tresPerSocket: String?
    public var tresPerTask: String?

    /// `crontab_entry`: set only for scrontab jobs.
    public var crontabEntry: CronEntry?
    /// `segment_size` (24.05+).
    public var segmentSize: UInt16 = 0

    public init() {}

    /// SLURM_AUTH_NOBODY (src/common/slurm_protocol_defs.h).
    public static let slurmAuthNobody: UInt32 = 99
    /// SELECT_PLUGIN_CONS_TRES (slurm/slurm.h, 22.05).
    public static let selectPluginConsTres: UInt32 = 109
}

/// `cron_entry_t` as `pack_cron_entry` sends it (src/common/cron.c): the parsed crontab line of an
/// scrontab job.
public struct CronEntry: WireMessage, Sendable, Equatable {
    /// CRON_WILD_* bits.
    public var flags: UInt32 = 0
    public var minute: Bitstring?
    public var hour: Bitstring?
    public var dayOfMonth: Bitstring?
    public var month: Bitstring?
    public var dayOfWeek: Bitstring?
    public var cronspec: String?
    /// Lines of the crontab file the entry came from.
    public var lineStart: UInt32 = 0
    public var lineEnd: UInt32 = 0

    public init() {}
}

extension JobDescription {
    /// USE_DEFAULT_ACCT, _PART, _QOS, _WCKEY (slurm/slurm.h): `_pack_job_desc_msg` sets them for an
    /// unset account, partition, qos and wckey, so the controller knows the defaults were chosen.
    static let useDefaultAccount: UInt64 = 1 << 25
    static let useDefaultPartition: UInt64 = 1 << 26
    static let useDefaultQOS: UInt64 = 1 << 27
    static let useDefaultWCKey: UInt64 = 1 << 28

    /// The bitflags as they go on the wire.
    var wireBitflags: UInt64 {
        var flags = bitflags
        if account == nil { flags |= Self.useDefaultAccount }
        if partition == nil { flags |= Self.useDefaultPartition }
        if qos == nil { flags |= Self.useDefaultQOS }
        if wckey == nil { flags |= Self.useDefaultWCKey }
        return flags
    }

    /// `_pack_job_desc_msg` / `_unpack_job_desc_msg`, 22.05 to 26.05 (one layout; the markers are the
    /// releases' differences).
    public static let fields = FieldTable<JobDescription>([
        .u64("step_id.sluid", \.sluid, since: .v25_11),
        .u32("step_id.job_id", \.jobID, since: .v25_11),
        .u32("step_id.step_id", \.stepID, since: .v25_11),
        .u32("step_id.step_het_comp", \.stepHetComp, since: .v25_11),
        .u32("site_factor", \.siteFactor),
        .string("batch_features", \.batchFeatures),
        .string("cluster_features", \.clusterFeatures),
        .string("clusters", \.clusters),
        .u16("contiguous", \.contiguous),
        .string("container", \.container),
        .string("container_id", \.containerID, since: .v23_02),
        .string("container_type", \.containerType, since: .v26_05),
        .u16("core_spec", \.coreSpec),
        .u32("task_dist", \.taskDist),
        .u16("kill_on_node_fail", \.killOnNodeFail),
        .string("features", \.features),
        .u64("fed_siblings_active", \.fedSiblingsActive),
        .u64("fed_siblings_viable", \.fedSiblingsViable),
        .u32("job_id", \.jobID, until: .v25_11),
        .string("job_id_str", \.jobIDString),
        .string("name", \.name),
        .string("alloc_node", \.allocNode),
        .u32("alloc_sid", \.allocSID),
        .string("array_inx", \.arrayInx),
        .string("burst_buffer", \.burstBuffer),
        .u16("pn_min_cpus", \.pnMinCpus),
        .u64("pn_min_memory", \.pnMinMemory),
        .u16("mem_update_delay", \.memUpdateDelay, since: .v26_05),
        .u16("mem_update_margin", \.memUpdateMargin, since: .v26_05),
        .u16("oom_kill_step", \.oomKillStep, since: .v24_11),
        .u32("pn_min_tmp_disk", \.pnMinTmpDisk),
        // 24.05 still sends the byte (always 0) and ignores it on receipt.
        .u8("power_flags", \.powerFlags, until: .v24_11),
        .string("prefer", \.prefer),
        .u32("cpu_freq_min", \.cpuFreqMin),
        .u32("cpu_freq_max", \.cpuFreqMax),
        .u32("cpu_freq_gov", \.cpuFreqGov),
        .string("partition", \.partition),
        .u32("priority", \.priority),
        .string("dependency", \.dependency),
        .string("account", \.account),
        .string("admin_comment", \.adminComment),
        .string("comment", \.comment),
        .u32("nice", \.nice),
        .u32("profile", \.profile),
        .string("qos", \.qos),
        .string("mcs_label", \.mcsLabel),
        .string("origin_cluster", \.originCluster),
        .u8("open_mode", \.openMode),
        .u8("overcommit", \.overcommit),
        .string("acctg_freq", \.acctgFreq),
        .u32("num_tasks", \.numTasks),
        .string("req_context", \.reqContext),
        .string("req_nodes", \.reqNodes),
        .string("exc_nodes", \.excNodes),
        .stringArray("environment", \.environment),
        .stringArray("spank_job_env", \.spankJobEnv),
        .string("script", \.script),
        .stringArray("argv", \.argv),
        .string("std_err", \.stdErr),
        .string("std_in", \.stdIn),
        .string("std_out", \.stdOut),
        .string("submit_line", \.submitLine),
        .string("work_dir", \.workDir),
        .u16("immediate", \.immediate),
        .u16("reboot", \.reboot),
        .u16("requeue", \.requeue),
        .u16("shared", \.shared),
        .u16("cpus_per_task", \.cpusPerTask),
        .u16("ntasks_per_node", \.ntasksPerNode),
        .u16("ntasks_per_board", \.ntasksPerBoard),
        .u16("ntasks_per_socket", \.ntasksPerSocket),
        .u16("ntasks_per_core", \.ntasksPerCore),
        .u16("ntasks_per_tres", \.ntasksPerTres),
        .u16("plane_size", \.planeSize),
        .u16("cpu_bind_type", \.cpuBindType),
        .u16("mem_bind_type", \.memBindType),
        .string("cpu_bind", \.cpuBind),
        .string("mem_bind", \.memBind),
        .u32("time_limit", \.timeLimit),
        .u32("time_min", \.timeMin),
        .u32("min_cpus", \.minCpus),
        .u32("max_cpus", \.maxCpus),
        .u32("min_nodes", \.minNodes),
        .u32("max_nodes", \.maxNodes),
        .string("job_size_str", \.jobSizeStr, since: .v23_02),
        .u16("boards_per_node", \.boardsPerNode),
        .u16("sockets_per_board", \.socketsPerBoard),
        .u16("sockets_per_node", \.socketsPerNode),
        .u16("cores_per_socket", \.coresPerSocket),
        .u16("threads_per_core", \.threadsPerCore),
        .requestedID("user_id", \.userID),
        .requestedID("group_id", \.groupID),
        .u16("alloc_resp_port", \.allocRespPort),
        .string("alloc_tls_cert", \.allocTlsCert, since: .v25_05),
        .string("resp_host", \.respHost),
        .u16("other_port", \.otherPort),
        .u16("resv_port_cnt", \.resvPortCnt, since: .v24_05),
        .string("network", \.network),
        .time("begin_time", \.beginTime),
        .time("end_time", \.endTime),
        .time("deadline", \.deadline),
        .string("licenses", \.licenses),
        .u16("mail_type", \.mailType),
        .string("mail_user", \.mailUser),
        .string("reservation", \.reservation),
        .u16("restart_cnt", \.restartCnt),
        .u16("warn_flags", \.warnFlags),
        .u16("warn_signal", \.warnSignal),
        .u16("warn_time", \.warnTime),
        .string("wckey", \.wckey),
        .u32("req_switch", \.reqSwitch),
        .u32("wait4switch", \.wait4switch),
        .selectPlugin("select_jobinfo", \.selectPluginID, until: .v23_02),
        .u16("wait_all_nodes", \.waitAllNodes),
        Field("bitflags", since: .v22_05, until: nil, when: nil,
              encode: { m, _, p in p.u64(m.wireBitflags) },
              decode: { (m: inout JobDescription, _: ProtocolVersion, u: inout Unpacker) throws(WireError) in m.bitflags = try u.u64() }),
        .u32("delay_boot", \.delayBoot),
        .string("extra", \.extra),
        .u16("x11", \.x11),
        .string("x11_magic_cookie", \.x11MagicCookie),
        .string("x11_target", \.x11Target),
        .u16("x11_target_port", \.x11TargetPort),
        .string("cpus_per_tres", \.cpusPerTres),
        .string("mem_per_tres", \.memPerTres),
        .string("tres_bind", \.tresBind),
        .string("tres_freq", \.tresFreq),
        .string("tres_per_job", \.tresPerJob),
        .string("tres_per_node", \.tresPerNode),
        .string("tres_per_socket", \.tresPerSocket),
        .string("tres_per_task", \.tresPerTask),
        .flaggedRecord("crontab_entry", \.crontabEntry),
        .u16("segment_size", \.segmentSize, since: .v24_05),
    ])
}

extension CronEntry {
    /// `pack_cron_entry` after its presence byte.
    public static let fields = FieldTable<CronEntry>([
        .u32("flags", \.flags),
        .bitstring("minute", \.minute),
        .bitstring("hour", \.hour),
        .bitstring("day_of_month", \.dayOfMonth),
        .bitstring("month", \.month),
        .bitstring("day_of_week", \.dayOfWeek),
        .string("cronspec", \.cronspec),
        .u32("line_start", \.lineStart),
        .u32("line_end", \.lineEnd),
    ])
}

/// A list of job descriptions (`_pack_job_desc_list_msg`): REQUEST_SUBMIT_BATCH_HET_JOB and
/// REQUEST_HET_JOB_ALLOCATION, one entry per component.
public struct JobDescriptionList: WireMessage, Sendable, Equatable {
    public var jobs: [JobDescription] = []
    public init() {}
    public init(_ jobs: [JobDescription]) { self.jobs = jobs }

    public static let fields = FieldTable<JobDescriptionList>([.u16CountedRecords("job_req_list", \.jobs)])
}

/// Field kinds only the job description uses.
extension Field {
    /// A user or group id the sender may leave to the credential: SLURM_AUTH_NOBODY from 23.02,
    /// NO_VAL in 22.05 (whose controller takes 99 as a real id and refuses it). The model holds
    /// 23.02's sentinel; 22.05's is translated both ways.
    fileprivate static func requestedID(_ name: String, _ path: WritableKeyPath<Model, UInt32>) -> Field {
        Field(name, since: .v22_05, until: nil, when: nil,
              encode: { m, version, p in
                  let id = m[keyPath: path]
                  p.u32(version < .v23_02 && id == JobDescription.slurmAuthNobody ? SlurmNumber.noVal32 : id)
              },
              decode: { (m: inout Model, version: ProtocolVersion, u: inout Unpacker) throws(WireError) in
                  let id = try u.u32()
                  m[keyPath: path] = version < .v23_02 && id == SlurmNumber.noVal32 ? JobDescription.slurmAuthNobody : id
              })
    }

    /// A record that may be absent, after a u8 saying whether it is there (`pack_cron_entry`).
    fileprivate static func flaggedRecord<Record: WireMessage>(_ name: String, _ path: WritableKeyPath<Model, Record?>) -> Field {
        Field(name, since: .v22_05, until: nil, when: nil,
              encode: { m, version, p in
                  guard let record = m[keyPath: path] else { p.u8(0); return }
                  p.u8(1)
                  Record.fields.encode(record, version: version, into: &p)
              },
              decode: { (m: inout Model, version: ProtocolVersion, u: inout Unpacker) throws(WireError) in
                  guard try u.u8() != 0 else { m[keyPath: path] = nil; return }
                  let record = try Record.fields.decode(from: &u, version: version)
                  try record.validate()
                  m[keyPath: path] = record
              })
    }
}

/// Field kinds the job-writing requests and answers share.
extension Field {
    /// 22.05's `select_jobinfo`: the select plugin id, then that plugin's job data, which is empty
    /// for cons_res (101), linear (102) and cons_tres (109); the Cray plugins' data is not supported.
    static func selectPlugin(_ name: String, _ path: WritableKeyPath<Model, UInt32>, until: ProtocolVersion) -> Field {
        Field(name, since: .v22_05, until: until, when: nil,
              encode: { m, _, p in p.u32(m[keyPath: path]) },
              decode: { (m: inout Model, _: ProtocolVersion, u: inout Unpacker) throws(WireError) in
                  let id = try u.u32()
                  guard [101, 102, 109].contains(id) else { throw u.fail("\(name): select plugin \(id)'s job data is not supported") }
                  m[keyPath: path] = id
              })
    }
}
