/// One job named in REQUEST_JOB_STATE (`slurm_selected_step_t` as that request packs it).
public struct JobStateQuery: WireMessage, Equatable, Sendable {
    public var jobID: UInt32 = SlurmNumber.noVal32
    public var arrayTaskID: UInt32 = SlurmNumber.noVal32
    public var hetJobOffset: UInt32 = SlurmNumber.noVal32
    public init() {}
    public init(jobID: UInt32, arrayTaskID: UInt32 = SlurmNumber.noVal32, hetJobOffset: UInt32 = SlurmNumber.noVal32) {
        self.jobID = jobID
        self.arrayTaskID = arrayTaskID
        self.hetJobOffset = hetJobOffset
    }

    public static let fields = FieldTable<JobStateQuery>([
        .u32("job_id", \.jobID),
        .u32("array_task_id", \.arrayTaskID),
        .u32("het_job_offset", \.hetJobOffset),
    ])
}

/// REQUEST_JOB_STATE (23.11+): the states of the named jobs, or of every job when none is named.
public struct JobStateRequest: WireMessage, Equatable {
    public var count: UInt32 = 0
    public var jobs: [JobStateQuery] = []
    public init() {}
    public init(jobs: [JobStateQuery]) {
        count = UInt32(jobs.count)
        self.jobs = jobs
    }

    public static let fields = FieldTable<JobStateRequest>([
        .u32("count", \.count, since: .v23_11),
        .records("job_ids", \.jobs, count: \.count, since: .v23_11),
    ])
}

/// One record of RESPONSE_JOB_STATE: a job, an array task, or the pending tasks of an array
/// (`array_task_id_bitmap`), with its state.
public struct JobStateRecord: WireMessage, Equatable, Sendable {
    public var jobID: UInt32 = 0
    public var arrayJobID: UInt32 = 0
    public var arrayTaskID: UInt32 = 0
    public var arrayTasks: Bitstring?
    public var hetJobID: UInt32 = 0
    public var state: UInt32 = 0
    public init() {}

    static let isArray: (JobStateRecord, ProtocolVersion) -> Bool = { m, _ in m.arrayJobID != 0 }
    static let isNotArray: (JobStateRecord, ProtocolVersion) -> Bool = { m, _ in m.arrayJobID == 0 }

    public static let fields = FieldTable<JobStateRecord>([
        .u32("job_id", \.jobID, since: .v23_11),
        .u32("array_job_id", \.arrayJobID, since: .v23_11),
        .u32("array_task_id", \.arrayTaskID, since: .v23_11, when: isArray),
        .bitstring("array_task_id_bitmap", \.arrayTasks, since: .v23_11, when: isArray),
        .u32("het_job_id", \.hetJobID, since: .v23_11, when: isNotArray),
        .u32("state", \.state, since: .v23_11),
    ])
}

/// RESPONSE_JOB_STATE (`job_state_response_msg_t`, 23.11+).
public struct JobStateResponse: WireMessage, Equatable, Sendable {
    public var count: UInt32 = 0
    public var jobs: [JobStateRecord] = []
    public init() {}

    public static let fields = FieldTable<JobStateResponse>([
        .u32("jobs_count", \.count, since: .v23_11),
        .records("jobs", \.jobs, count: \.count, since: .v23_11),
    ])

    /// The client refuses a count of MAX_JOB_ID or more.
    public func validate() throws(WireError) {
        guard count < 0x03ff_ffff else { throw WireError(offset: 0, message: "job state count \(count) out of range") }
    }
}
