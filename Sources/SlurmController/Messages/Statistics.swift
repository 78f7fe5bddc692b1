/// REQUEST_STATS_INFO: what `sdiag` asks for.
public struct StatsInfoRequest: WireMessage, Equatable {
    /// slurm.h: STAT_COMMAND_RESET is 0 and STAT_COMMAND_GET is 1 (a 0 asks an operator's
    /// controller to reset its statistics).
    public enum Command: UInt16 { case reset = 0, get = 1 }
    public var commandID: UInt16 = 0
    public init() {}
    public init(command: Command) { commandID = command.rawValue }
    public static let fields = FieldTable<StatsInfoRequest>([.u16("command_id", \.commandID)])
}

/// RESPONSE_STATS_INFO: the controller's scheduling and RPC statistics (`sdiag`).
public struct StatsInfo: WireMessage, Equatable, Sendable {
    /// Before 25.11, 0 when only the RPC tables follow.
    public var partsPacked: UInt32 = 0
    public var reqTime: Int64 = 0
    public var reqTimeStart: Int64 = 0
    public var serverThreadCount: UInt32 = 0
    public var agentQueueSize: UInt32 = 0
    public var agentCount: UInt32 = 0
    public var agentThreadCount: UInt32 = 0
    public var dbdAgentQueueSize: UInt32 = 0
    public var gettimeofdayLatency: UInt32 = 0
    public var jobsSubmitted: UInt32 = 0
    public var jobsStarted: UInt32 = 0
    public var jobsCompleted: UInt32 = 0
    public var jobsCanceled: UInt32 = 0
    public var jobsFailed: UInt32 = 0
    public var jobsPending: UInt32 = 0
    public var jobsRunning: UInt32 = 0
    public var jobStatesTime: Int64 = 0
    public var scheduleCycleMax: UInt32 = 0
    public var scheduleCycleLast: UInt32 = 0
    public var scheduleCycleSum: UInt64 = 0
    public var scheduleCycleCounter: UInt32 = 0
    public var scheduleCycleDepth: UInt32 = 0
    public var scheduleExit: [UInt32] = []
    public var scheduleQueueLength: UInt32 = 0
    public var bfBackfilledJobs: UInt32 = 0
    public var bfLastBackfilledJobs: UInt32 = 0
    public var bfCycleCounter: UInt32 = 0
    public var bfCycleSum: UInt64 = 0
    public var bfCycleLast: UInt32 = 0
    public var bfLastDepth: UInt32 = 0
    public var bfLastDepthTry: UInt32 = 0
    public var bfQueueLen: UInt32 = 0
    public var bfCycleMax: UInt32 = 0
    public var bfWhenLastCycle: Int64 = 0
    public var bfDepthSum: UInt32 = 0
    public var bfDepthTrySum: UInt32 = 0
    public var bfQueueLenSum: UInt32 = 0
    public var bfTableSize: UInt32 = 0
    public var bfTableSizeSum: UInt32 = 0
    public var bfActive: UInt32 = 0
    public var bfBackfilledHetJobs: UInt32 = 0
    public var bfExit: [UInt32] = []
    public var rpcTypeSize: UInt32 = 0
    public var rpcTypeID: [UInt16] = []
    public var rpcTypeCount: [UInt32] = []
    public var rpcTypeTime: [UInt64] = []
    public var rpcQueueEnabled: Bool = false
    public var rpcTypeQueued: [UInt16] = []
    public var rpcTypeDropped: [UInt64] = []
    public var rpcTypeCycleLast: [UInt16] = []
    public var rpcTypeCycleMax: [UInt16] = []
    public var rpcUserSize: UInt32 = 0
    public var rpcUserID: [UInt32] = []
    public var rpcUserCount: [UInt32] = []
    public var rpcUserTime: [UInt64] = []
    public var rpcQueueTypeID: [UInt32] = []
    public var rpcQueueCount: [UInt32] = []
    public var rpcDumpTypes: [UInt32] = []
    public var rpcDumpHostlist: [String] = []

    public init() {}

    /// The scheduler part is sent unless an older controller says it left it out.
    static let schedulerPart: (StatsInfo, ProtocolVersion) -> Bool = { m, v in v >= .v25_11 || m.partsPacked != 0 }
    static let queuePart: (StatsInfo, ProtocolVersion) -> Bool = { m, _ in m.rpcQueueEnabled }

    public static let fields = FieldTable<StatsInfo>([
        .u32("parts_packed", \.partsPacked, until: .v25_11),
        .time("req_time", \.reqTime, when: schedulerPart),
        .time("req_time_start", \.reqTimeStart, when: schedulerPart),
        .u32("server_thread_count", \.serverThreadCount, when: schedulerPart),
        .u32("agent_queue_size", \.agentQueueSize, when: schedulerPart),
        .u32("agent_count", \.agentCount, when: schedulerPart),
        .u32("agent_thread_count", \.agentThreadCount, when: schedulerPart),
        .u32("dbd_agent_queue_size", \.dbdAgentQueueSize, when: schedulerPart),
        .u32("gettimeofday_latency", \.gettimeofdayLatency, when: schedulerPart),
        .u32("jobs_submitted", \.jobsSubmitted, when: schedulerPart),
        .u32("jobs_started", \.jobsStarted, when: schedulerPart),
        .u32("jobs_completed", \.jobsCompleted, when: schedulerPart),
        .u32("jobs_canceled", \.jobsCanceled, when: schedulerPart),
        .u32("jobs_failed", \.jobsFailed, when: schedulerPart),
        .u32("jobs_pending", \.jobsPending, when: schedulerPart),
        .u32("jobs_running", \.jobsRunning, when: schedulerPart),
        .time("job_states_ts", \.jobStatesTime, when: schedulerPart),
        .u32("schedule_cycle_max", \.scheduleCycleMax, when: schedulerPart),
        .u32("schedule_cycle_last", \.scheduleCycleLast, when: schedulerPart),
        .u32("schedule_cycle_sum", \.scheduleCycleSum, until: .v25_11, when: schedulerPart),
        .u64("schedule_cycle_sum", \.scheduleCycleSum, since: .v25_11, when: schedulerPart),
        .u32("schedule_cycle_counter", \.scheduleCycleCounter, when: schedulerPart),
        .u32("schedule_cycle_depth", \.scheduleCycleDepth, when: schedulerPart),
        .u32Array("schedule_exit", \.scheduleExit, since: .v23_11, when: schedulerPart),
        .u32("schedule_queue_len", \.scheduleQueueLength, when: schedulerPart),
        .u32("bf_backfilled_jobs", \.bfBackfilledJobs, when: schedulerPart),
        .u32("bf_last_backfilled_jobs", \.bfLastBackfilledJobs, when: schedulerPart),
        .u32("bf_cycle_counter", \.bfCycleCounter, when: schedulerPart),
        .u64("bf_cycle_sum", \.bfCycleSum, when: schedulerPart),
        .u32("bf_cycle_last", \.bfCycleLast, when: schedulerPart),
        .u32("bf_last_depth", \.bfLastDepth, when: schedulerPart),
        .u32("bf_last_depth_try", \.bfLastDepthTry, when: schedulerPart),
        .u32("bf_queue_len", \.bfQueueLen, when: schedulerPart),
        .u32("bf_cycle_max", \.bfCycleMax, when: schedulerPart),
        .time("bf_when_last_cycle", \.bfWhenLastCycle, when: schedulerPart),
        .u32("bf_depth_sum", \.bfDepthSum, when: schedulerPart),
        .u32("bf_depth_try_sum", \.bfDepthTrySum, when: schedulerPart),
        .u32("bf_queue_len_sum", \.bfQueueLenSum, when: schedulerPart),
        .u32("bf_table_size", \.bfTableSize, when: schedulerPart),
        .u32("bf_table_size_sum", \.bfTableSizeSum, when: schedulerPart),
        .u32("bf_active", \.bfActive, when: schedulerPart),
        .u32("bf_backfilled_het_jobs", \.bfBackfilledHetJobs, when: schedulerPart),
        .u32Array("bf_exit", \.bfExit, since: .v23_11, when: schedulerPart),
        .u32("rpc_type_size", \.rpcTypeSize),
        .u16Array("rpc_type_id", \.rpcTypeID),
        .u32Array("rpc_type_cnt", \.rpcTypeCount),
        .u64Array("rpc_type_time", \.rpcTypeTime),
        .bool("rpc_queue_enabled", \.rpcQueueEnabled, since: .v24_05),
        .u16Array("rpc_type_queued", \.rpcTypeQueued, since: .v24_05, when: queuePart),
        .u64Array("rpc_type_dropped", \.rpcTypeDropped, since: .v24_05, when: queuePart),
        .u16Array("rpc_type_cycle_last", \.rpcTypeCycleLast, since: .v24_05, when: queuePart),
        .u16Array("rpc_type_cycle_max", \.rpcTypeCycleMax, since: .v24_05, when: queuePart),
        .u32("rpc_user_size", \.rpcUserSize),
        .u32Array("rpc_user_id", \.rpcUserID),
        .u32Array("rpc_user_cnt", \.rpcUserCount),
        .u64Array("rpc_user_time", \.rpcUserTime),
        .u32Array("rpc_queue_type_id", \.rpcQueueTypeID),
        .u32Array("rpc_queue_count", \.rpcQueueCount),
        .u32Array("rpc_dump_types", \.rpcDumpTypes),
        .stringArray("rpc_dump_hostlist", \.rpcDumpHostlist),
    ])

    /// The per-RPC tables are parallel arrays; the REST layer joins them by index.
    public func validate() throws(WireError) {
        let n = rpcTypeID.count
        guard rpcTypeCount.count == n, rpcTypeTime.count == n,
              !rpcQueueEnabled || (rpcTypeQueued.count == n && rpcTypeDropped.count == n
                                   && rpcTypeCycleLast.count == n && rpcTypeCycleMax.count == n),
              rpcUserCount.count == rpcUserID.count, rpcUserTime.count == rpcUserID.count,
              rpcQueueCount.count == rpcQueueTypeID.count, rpcDumpHostlist.count == rpcDumpTypes.count
        else { throw WireError(offset: 0, message: "statistics arrays of different lengths") }
    }
}
