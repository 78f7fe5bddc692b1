/// Slurm's `job_desc_msg_t` as `_pack_job_desc_msg` sends it in REQUEST_SUBMIT_BATCH_JOB,
/// REQUEST_UPDATE_JOB, REQUEST_RESOURCE_ALLOCATION and (as a list) the heterogeneous requests: the
/// union of the fields any release from 22.05 to 26.05 puts on the wire, in Slurm's raw wire types.
///
/// The defaults are what `slurm_init_job_desc_msg()` sets (src/api/init_msg.c): NO_VAL for "not
/// requested" numbers, nil for strings, zero for the rest. A value the controller should leave alone
/// on update keeps its default. Names follow Slurm's; where they differ the Slurm name is noted.
public struct JobDescription: Sendable, Equatable {
    // MARK: Identity (25.11+ send job_id inside a step id; older releases send it alone)

    /// `step_id.sluid` (25.11+): the job's Slurm-wide unique id, 0 when not known.
    public var sluid: UInt64 = 0
    /// `job_id` (≤ 25.05) / `step_id.job_id` (25.11+): the job to update, or a requested id.
    public var jobId: UInt32 = SlurmNumber.noVal32
    /// `step_id.step_id` (25.11+).
    public var stepId: UInt32 = SlurmNumber.noVal32
    /// `step_id.step_het_comp` (25.11+).
    public var stepHetComp: UInt32 = SlurmNumber.noVal32
    /// `job_id_str`: the job id as text, may name an array task or het component ("7_3", "7+1").
    public var jobIdString: String?
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
    public var containerId: String?
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
    public var allocSid: UInt32 = SlurmNumber.noVal32
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
    /// SLURM_AUTH_NOBODY (99) from 23.02; 22.05's init set NO_VAL.
    public var userId: UInt32 = Self.slurmAuthNobody
    /// SLURM_AUTH_NOBODY (99) from 23.02; 22.05's init set NO_VAL.
    public var groupId: UInt32 = Self.slurmAuthNobody

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
    public var selectPluginId: UInt32 = Self.selectPluginConsTres
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
public struct CronEntry: Sendable, Equatable {
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
