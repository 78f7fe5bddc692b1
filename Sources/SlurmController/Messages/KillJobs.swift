/// REQUEST_KILL_JOB (`job_step_kill_msg_t`) as `slurm_kill_job2` sends it: the job named by text
/// (`sjob_id`: "7", an array task "7_3", a whole array "7_*" or a heterogeneous component "7+1"),
/// the numeric step id left unset. The controller answers with a return code.
public struct KillJobRequest: WireMessage, Equatable, Sendable {
    /// SIGKILL, what `scancel` sends when no signal is given.
    public static let killSignal: UInt16 = 9

    public var sluid: UInt64 = 0
    public var jobID: UInt32 = SlurmNumber.noVal32
    public var stepID: UInt32 = SlurmNumber.noVal32
    public var stepHetComponent: UInt32 = SlurmNumber.noVal32
    public var jobIDText: String?
    /// A federation sibling's name; nil outside a federation.
    public var sibling: String?
    public var signal: UInt16 = killSignal
    /// KILL_* bits (KILL_JOB_BATCH, KILL_FULL_JOB, ...).
    public var flags: UInt16 = 0
    public init() {}
    public init(job: String, signal: UInt16, flags: UInt16) {
        jobIDText = job
        self.signal = signal
        self.flags = flags
    }

    public static let fields = FieldTable<KillJobRequest>([
        .u64("sluid", \.sluid, since: .v24_11),
        .u32("job_id", \.jobID),
        .u32("step_id", \.stepID),
        .u32("step_het_comp", \.stepHetComponent),
        .string("sjob_id", \.jobIDText),
        .string("sibling", \.sibling),
        .u16("signal", \.signal),
        .u16("flags", \.flags),
    ])
}

/// REQUEST_KILL_JOBS (`kill_jobs_msg_t`, 23.11+): signal the listed jobs, or every job the
/// filters match. The defaults are KILL_JOB_MSG_INITIALIZER's: SIGKILL, no state filter (JOB_END),
/// no user filter (SLURM_AUTH_NOBODY).
public struct KillJobsRequest: WireMessage, Equatable, Sendable {
    /// JOB_END: past the last job state, so no state filter.
    public static let anyState: UInt32 = 12
    /// SLURM_AUTH_NOBODY: no user id filter.
    public static let anyUser: UInt32 = 99

    public var account: String?
    public var adminComment: String?
    /// KILL_* bits.
    public var flags: UInt16 = 0
    public var jobName: String?
    /// Job ids as text, as in `KillJobRequest.jobIDText`.
    public var jobs: [String] = []
    public var partition: String?
    public var qos: String?
    public var reservation: String?
    public var signal: UInt16 = KillJobRequest.killSignal
    public var state: UInt32 = anyState
    public var userID: UInt32 = anyUser
    public var userName: String?
    public var wckey: String?
    public var nodes: String?
    public init() {}

    public static let fields = FieldTable<KillJobsRequest>([
        .string("account", \.account, since: .v23_11),
        .string("admin_comment", \.adminComment, since: .v25_11),
        .u16("flags", \.flags, since: .v23_11),
        .string("job_name", \.jobName, since: .v23_11),
        .stringArray("jobs_array", \.jobs, since: .v23_11),
        .string("partition", \.partition, since: .v23_11),
        .string("qos", \.qos, since: .v23_11),
        .string("reservation", \.reservation, since: .v23_11),
        .u16("signal", \.signal, since: .v23_11),
        .u32("state", \.state, since: .v23_11),
        .u32("user_id", \.userID, since: .v23_11),
        .string("user_name", \.userName, since: .v23_11),
        .string("wckey", \.wckey, since: .v23_11),
        .string("nodelist", \.nodes, since: .v23_11),
    ])
}

/// One job of RESPONSE_KILL_JOBS: the job (`slurm_selected_step_t`: its step id, array task and
/// heterogeneous offset as the request named it) and how signalling it went. Unless the request
/// asked for KILL_JOBS_VERBOSE, only the jobs that failed are listed.
public struct KillJobsJobResult: WireMessage, Equatable, Sendable {
    public var errorCode: UInt32 = 0
    public var errorMessage: String?
    public var sluid: UInt64 = 0
    /// The array's or heterogeneous job's id when the request named a task or component.
    public var jobID: UInt32 = 0
    public var stepID: UInt32 = 0
    public var stepHetComponent: UInt32 = 0
    public var arrayTaskID: UInt32 = SlurmNumber.noVal32
    public var hetJobOffset: UInt32 = 0
    public var arrayTasks: Bitstring?
    /// The job found, or NO_VAL when none was.
    public var realJobID: UInt32 = 0
    public var sibling: String?
    public init() {}

    public static let fields = FieldTable<KillJobsJobResult>([
        .u32("error_code", \.errorCode, since: .v23_11),
        .string("error_msg", \.errorMessage, since: .v23_11),
        .u64("sluid", \.sluid, since: .v24_11),
        .u32("job_id", \.jobID, since: .v23_11),
        .u32("step_id", \.stepID, since: .v23_11),
        .u32("step_het_comp", \.stepHetComponent, since: .v23_11),
        .u32("array_task_id", \.arrayTaskID, since: .v23_11),
        .u32("het_job_offset", \.hetJobOffset, since: .v23_11),
        .bitstring("array_bitmap", \.arrayTasks, since: .v24_11),
        .u32("real_job_id", \.realJobID, since: .v23_11),
        .string("sibling_name", \.sibling, since: .v23_11),
    ])

    public var errorNumber: Int32 { Int32(bitPattern: errorCode) }
}

/// RESPONSE_KILL_JOBS (`kill_jobs_resp_msg_t`, 23.11+).
public struct KillJobsResponse: WireMessage, Equatable, Sendable {
    public var count: UInt32 = 0
    public var jobs: [KillJobsJobResult] = []
    public init() {}

    public static let fields = FieldTable<KillJobsResponse>([
        .u32("jobs_cnt", \.count, since: .v23_11),
        .records("job_responses", \.jobs, count: \.count, since: .v23_11),
    ])
}
