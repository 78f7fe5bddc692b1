import SlurmController
import SlurmParsing

/// The controller's statistics plus the per-RPC tables, with message type and user names resolved.
public struct Diagnostics: Sendable {
    public struct RPCByType: Sendable {
        var typeID: UInt16, messageType: String, count: UInt32
        var queued: UInt16, dropped: UInt64, cycleLast: UInt16, cycleMax: UInt16
        var totalTime: UInt64
    }
    public struct RPCByUser: Sendable {
        var userID: UInt32, user: String, count: UInt32, totalTime: UInt64
    }
    public struct PendingRPC: Sendable {
        var typeID: UInt32, messageType: String, count: UInt32
    }
    public struct PendingRPCHosts: Sendable {
        var typeID: UInt32, messageType: String, hosts: [String]
    }

    public var stats: StatsInfo
    var byType: [RPCByType] = []
    var byUser: [RPCByUser] = []
    var pending: [PendingRPC] = []
    var pendingByHost: [PendingRPCHosts] = []

    /// Joins the parallel arrays of the wire message into records, naming message types and users;
    /// the host lists of all records together expand to at most `HostNameBudget.perAnswer` names.
    public init(_ s: StatsInfo, userName: (UInt32) -> String) {
        stats = s
        for i in s.rpcTypeID.indices {
            let queued = s.rpcQueueEnabled
            byType.append(RPCByType(
                typeID: s.rpcTypeID[i], messageType: MessageType.name(of: s.rpcTypeID[i]), count: s.rpcTypeCount[i],
                queued: queued ? s.rpcTypeQueued[i] : 0, dropped: queued ? s.rpcTypeDropped[i] : 0,
                cycleLast: queued ? s.rpcTypeCycleLast[i] : 0, cycleMax: queued ? s.rpcTypeCycleMax[i] : 0,
                totalTime: s.rpcTypeTime[i]))
        }
        for i in s.rpcUserID.indices {
            byUser.append(RPCByUser(userID: s.rpcUserID[i], user: userName(s.rpcUserID[i]),
                                    count: s.rpcUserCount[i], totalTime: s.rpcUserTime[i]))
        }
        for i in s.rpcQueueTypeID.indices {
            let id = s.rpcQueueTypeID[i]
            pending.append(PendingRPC(typeID: id, messageType: MessageType.name(of: UInt16(truncatingIfNeeded: id)),
                                      count: s.rpcQueueCount[i]))
        }
        var hostNamesLeft = HostNameBudget.perAnswer
        for i in s.rpcDumpTypes.indices {
            let id = s.rpcDumpTypes[i]
            let hosts = HostList.split(s.rpcDumpHostlist[i], limit: hostNamesLeft)
            hostNamesLeft -= hosts.count
            pendingByHost.append(PendingRPCHosts(typeID: id, messageType: MessageType.name(of: UInt16(truncatingIfNeeded: id)),
                                                 hosts: hosts))
        }
    }
}

enum DiagEndpoint {
    /// Average time per RPC: unset unless both the time and the count are positive.
    static func average(_ time: UInt64, _ count: UInt32) -> UInt64 {
        time > 0 && count > 0 ? time / UInt64(count) : SlurmNumber.noVal64
    }

    /// `sum / count`, or 0 when nothing was counted. The original divides the unsigned counters
    /// and writes the quotient as a signed 64-bit number, so a sum past INT64_MAX reads negative.
    static func mean<S: UnsignedInteger>(_ sum: S, _ count: UInt32) -> Int64 {
        count == 0 ? 0 : Int64(bitPattern: UInt64(sum) / UInt64(count))
    }

    static let rpcByTypeSchema = ObjectSchema<Diagnostics.RPCByType>("v0.0.43_stats_msg_rpc_type", [
        .int32("type_id", "Message type as integer", required: true) { $0.typeID },
        .string("message_type", "Message type as string", required: true) { $0.messageType },
        .int32("count", "Number of RPCs received", required: true) { $0.count },
        .int32("queued", "Number of RPCs queued", required: true) { $0.queued },
        .int64("dropped", "Number of RPCs dropped", required: true) { $0.dropped },
        .int32("cycle_last", "Number of RPCs processed within the last RPC queue cycle", required: true) { $0.cycleLast },
        .int32("cycle_max", "Maximum number of RPCs processed within a RPC queue cycle since start", required: true) { $0.cycleMax },
        .int64("total_time", "Total time spent processing RPC in seconds", required: true) { $0.totalTime },
        .uint64NoVal("average_time", "Average time spent processing RPC in seconds", required: true) { average($0.totalTime, $0.count) },
    ])

    static let rpcByUserSchema = ObjectSchema<Diagnostics.RPCByUser>("v0.0.43_stats_msg_rpc_user", [
        .int32("user_id", "User ID (numeric)", required: true) { $0.userID },
        .string("user", "User name", required: true) { $0.user },
        .int32("count", "Number of RPCs received", required: true) { $0.count },
        .int64("total_time", "Total time spent processing RPC in seconds", required: true) { $0.totalTime },
        .uint64NoVal("average_time", "Average time spent processing RPC in seconds", required: true) { average($0.totalTime, $0.count) },
    ])

    static let pendingSchema = ObjectSchema<Diagnostics.PendingRPC>("v0.0.43_stats_msg_rpc_queue", [
        .int32("type_id", "Message type as integer", required: true) { $0.typeID },
        .string("message_type", "Message type as string", required: true) { $0.messageType },
        .int32("count", "Number of pending RPCs queued", required: true) { $0.count },
    ])

    static let pendingByHostSchema = ObjectSchema<Diagnostics.PendingRPCHosts>("v0.0.43_stats_msg_rpc_dump", [
        .int32("type_id", "Message type as integer", required: true) { $0.typeID },
        .string("message_type", "Message type as string", required: true) { $0.messageType },
        .stringArray("count", "Number of RPCs received", required: true, schema: .hostlistString) { $0.hosts },
    ])

    /// Exit reasons of the main scheduler, in the order the controller counts them.
    static let scheduleExitSchema = exitSchema("v0.0.43_schedule_exit_fields", [
        ("end_job_queue", "Reached end of queue"),
        ("default_queue_depth", "Reached number of jobs allowed to be tested"),
        ("max_job_start", "Reached number of jobs allowed to start"),
        ("max_rpc_cnt", "Reached RPC limit"),
        ("max_sched_time", "Reached maximum allowed scheduler time"),
        ("licenses", "Blocked on licenses"),
    ])

    /// Exit reasons of the backfill scheduler, in the order the controller counts them.
    static let backfillExitSchema = exitSchema("v0.0.43_bf_exit_fields", [
        ("end_job_queue", "Reached end of queue"),
        ("bf_max_job_start", "Reached number of jobs allowed to start"),
        ("bf_max_job_test", "Reached number of jobs allowed to be tested"),
        ("bf_max_time", "Reached maximum allowed scheduler time"),
        ("bf_node_space_size", "Reached table size limit"),
        ("state_changed", "System state changed"),
    ])

    /// An object whose n-th property is the n-th counter of the wire array (0 where the array is short).
    static func exitSchema(_ name: String, _ fields: [(String, String)]) -> ObjectSchema<[UInt32]> {
        ObjectSchema(name, fields.enumerated().map { i, f in
            .int32(f.0, f.1) { $0.indices.contains(i) ? $0[i] : 0 }
        })
    }

    static let statsSchema = ObjectSchema<Diagnostics>("v0.0.43_stats_msg", [
        .int32("parts_packed", "Zero if only RPC statistic included", deprecated: true) { $0.stats.partsPacked },
        .uint64NoVal("req_time", "When the request was made (UNIX timestamp)") { UInt64(bitPattern: $0.stats.reqTime) },
        .uint64NoVal("req_time_start", "When the data in the report started (UNIX timestamp)") { UInt64(bitPattern: $0.stats.reqTimeStart) },
        .int32("server_thread_count", "Number of current active slurmctld threads") { $0.stats.serverThreadCount },
        .int32("agent_queue_size", "Number of enqueued outgoing RPC requests in an internal retry list") { $0.stats.agentQueueSize },
        .int32("agent_count", "Number of agent threads") { $0.stats.agentCount },
        .int32("agent_thread_count", "Total number of active threads created by all agent threads") { $0.stats.agentThreadCount },
        .int32("dbd_agent_queue_size", "Number of messages for SlurmDBD that are queued") { $0.stats.dbdAgentQueueSize },
        .int32("gettimeofday_latency", "Latency of 1000 calls to the gettimeofday() syscall in microseconds, as measured at controller startup") { $0.stats.gettimeofdayLatency },
        .int32("schedule_cycle_max", "Max time of any scheduling cycle in microseconds since last reset") { $0.stats.scheduleCycleMax },
        .int32("schedule_cycle_last", "Time in microseconds for last scheduling cycle") { $0.stats.scheduleCycleLast },
        .int64("schedule_cycle_sum", "Total run time in microseconds for all scheduling cycles since last reset") { $0.stats.scheduleCycleSum },
        .int32("schedule_cycle_total", "Number of scheduling cycles since last reset") { $0.stats.scheduleCycleCounter },
        .int64("schedule_cycle_mean", "Mean time in microseconds for all scheduling cycles since last reset") {
            mean($0.stats.scheduleCycleSum, $0.stats.scheduleCycleCounter) },
        .int64("schedule_cycle_mean_depth", "Mean of the number of jobs processed in a scheduling cycle") {
            mean($0.stats.scheduleCycleDepth, $0.stats.scheduleCycleCounter) },
        .int64("schedule_cycle_per_minute", "Number of scheduling executions per minute") {
            // time_t arithmetic wraps in the original; the controller's times need not be ordered.
            let minutes = ($0.stats.reqTime &- $0.stats.reqTimeStart) / 60
            return minutes >= 1 ? Int64($0.stats.scheduleCycleCounter) / minutes : 0 },
        .int32("schedule_cycle_depth", "Total number of jobs processed in scheduling cycles") { $0.stats.scheduleCycleDepth },
        .object("schedule_exit", "Reasons for which the scheduling cycle exited since last reset", scheduleExitSchema) { $0.stats.scheduleExit },
        .int32("schedule_queue_length", "Number of jobs pending in queue") { $0.stats.scheduleQueueLength },
        .int32("jobs_submitted", "Number of jobs submitted since last reset") { $0.stats.jobsSubmitted },
        .int32("jobs_started", "Number of jobs started since last reset") { $0.stats.jobsStarted },
        .int32("jobs_completed", "Number of jobs completed since last reset") { $0.stats.jobsCompleted },
        .int32("jobs_canceled", "Number of jobs canceled since the last reset") { $0.stats.jobsCanceled },
        .int32("jobs_failed", "Number of jobs failed due to slurmd or other internal issues since last reset") { $0.stats.jobsFailed },
        .int32("jobs_pending", "Number of jobs pending at the time of listed in job_state_ts") { $0.stats.jobsPending },
        .int32("jobs_running", "Number of jobs running at the time of listed in job_state_ts") { $0.stats.jobsRunning },
        .uint64NoVal("job_states_ts", "When the job state counts were gathered (UNIX timestamp)") { UInt64(bitPattern: $0.stats.jobStatesTime) },
        .int32("bf_backfilled_jobs", "Number of jobs started through backfilling since last slurm start") { $0.stats.bfBackfilledJobs },
        .int32("bf_last_backfilled_jobs", "Number of jobs started through backfilling since last reset") { $0.stats.bfLastBackfilledJobs },
        .int32("bf_backfilled_het_jobs", "Number of heterogeneous job components started through backfilling since last Slurm start") { $0.stats.bfBackfilledHetJobs },
        .int32("bf_cycle_counter", "Number of backfill scheduling cycles since last reset") { $0.stats.bfCycleCounter },
        .int64("bf_cycle_mean", "Mean time in microseconds of backfilling scheduling cycles since last reset") {
            mean($0.stats.bfCycleSum, $0.stats.bfCycleCounter) },
        .int64("bf_depth_mean", "Mean number of eligible to run jobs processed during all backfilling scheduling cycles since last reset") {
            mean($0.stats.bfDepthSum, $0.stats.bfCycleCounter) },
        .int64("bf_depth_mean_try", "The subset of Depth Mean that the backfill scheduler attempted to schedule") {
            mean($0.stats.bfDepthTrySum, $0.stats.bfCycleCounter) },
        .int64("bf_cycle_sum", "Total time in microseconds of backfilling scheduling cycles since last reset") { $0.stats.bfCycleSum },
        .int32("bf_cycle_last", "Execution time in microseconds of last backfill scheduling cycle") { $0.stats.bfCycleLast },
        .int32("bf_cycle_max", "Execution time in microseconds of longest backfill scheduling cycle") { $0.stats.bfCycleMax },
        .object("bf_exit", "Reasons for which the backfill scheduling cycle exited since last reset", backfillExitSchema) { $0.stats.bfExit },
        .int32("bf_last_depth", "Number of processed jobs during last backfilling scheduling cycle") { $0.stats.bfLastDepth },
        .int32("bf_last_depth_try", "Number of processed jobs during last backfilling scheduling cycle that had a chance to start using available resources") { $0.stats.bfLastDepthTry },
        .int32("bf_depth_sum", "Total number of jobs processed during all backfilling scheduling cycles since last reset") { $0.stats.bfDepthSum },
        .int32("bf_depth_try_sum", "Subset of bf_depth_sum that the backfill scheduler attempted to schedule") { $0.stats.bfDepthTrySum },
        .int32("bf_queue_len", "Number of jobs pending to be processed by backfilling algorithm") { $0.stats.bfQueueLen },
        .int64("bf_queue_len_mean", "Mean number of jobs pending to be processed by backfilling algorithm") {
            mean($0.stats.bfQueueLenSum, $0.stats.bfCycleCounter) },
        .int32("bf_queue_len_sum", "Total number of jobs pending to be processed by backfilling algorithm since last reset") { $0.stats.bfQueueLenSum },
        .int32("bf_table_size", "Number of different time slots tested by the backfill scheduler in its last iteration") { $0.stats.bfTableSize },
        .int32("bf_table_size_sum", "Total number of different time slots tested by the backfill scheduler") { $0.stats.bfTableSizeSum },
        .int64("bf_table_size_mean", "Mean number of different time slots tested by the backfill scheduler") {
            mean($0.stats.bfTableSizeSum, $0.stats.bfCycleCounter) },
        .uint64NoVal("bf_when_last_cycle", "When the last backfill scheduling cycle happened (UNIX timestamp)") { UInt64(bitPattern: $0.stats.bfWhenLastCycle) },
        .bool("bf_active", "Backfill scheduler currently running") { $0.stats.bfActive != 0 },
        .array("rpcs_by_message_type", "Most frequently issued remote procedure calls (RPCs)",
               ArraySchema("v0.0.43_stats_msg_rpcs_by_type", of: rpcByTypeSchema)) { $0.byType },
        .array("rpcs_by_user", "RPCs issued by user ID",
               ArraySchema("v0.0.43_stats_msg_rpcs_by_user", of: rpcByUserSchema)) { $0.byUser },
        .array("pending_rpcs", "Pending RPC statistics",
               ArraySchema("v0.0.43_stats_msg_rpcs_queue", of: pendingSchema)) { $0.pending },
        .array("pending_rpcs_by_hostlist", "Pending RPCs hostlists",
               ArraySchema("v0.0.43_stats_msg_rpcs_dump", of: pendingByHostSchema)) { $0.pendingByHost },
    ])

    static let response = ResponseSchema<Diagnostics>("v0.0.43_openapi_diag_resp", [
        .object("statistics", "statistics", statsSchema, required: true) { $0 },
    ])
}

extension DiagEndpoint {
    static func handle(_ context: inout RequestContext) -> EndpointResult {
        context.answer(response, source: "slurm_get_statistics()") { [context] in
            let stats = try context.controller.statistics()
            return .success(response, Diagnostics(stats, userName: { context.accounts.user($0) ?? String($0) }), context.envelope)
        }
    }
}
