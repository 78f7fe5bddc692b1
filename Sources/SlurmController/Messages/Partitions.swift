/// REQUEST_PARTITION_INFO: every partition changed since `lastUpdate` (0 for all).
public struct PartitionInfoRequest: WireMessage, Equatable {
    public var lastUpdate: Int64 = 0
    public var showFlags: UInt16 = 0
    public init() {}
    public init(lastUpdate: Int64, showFlags: UInt16) {
        self.lastUpdate = lastUpdate
        self.showFlags = showFlags
    }
    public static let fields = FieldTable<PartitionInfoRequest>([
        .time("last_update", \.lastUpdate),
        .u16("show_flags", \.showFlags),
    ])
}

/// One JobDefaults= entry of a partition (job_defaults_t): a default kind and its value.
public struct PartitionJobDefault: WireMessage, Equatable, Sendable {
    public var type: UInt16 = 0
    public var value: UInt64 = 0
    public init() {}
    public static let fields = FieldTable<PartitionJobDefault>([
        .u16("type", \.type),
        .u64("value", \.value),
    ])
}

/// One record of RESPONSE_PARTITION_INFO (partition_info_t).
public struct Partition: WireMessage, Equatable, Sendable {
    public var name: String?
    public var cpuBind: UInt32 = 0
    public var graceTime: UInt32 = 0
    public var maxTime: UInt32 = 0
    public var defaultTime: UInt32 = 0
    public var maxNodes: UInt32 = 0
    public var minNodes: UInt32 = 0
    public var totalNodes: UInt32 = 0
    public var totalCPUs: UInt32 = 0
    public var defMemPerCPU: UInt64 = 0
    public var maxCPUsPerNode: UInt32 = 0
    public var maxCPUsPerSocket: UInt32 = 0
    public var maxMemPerCPU: UInt64 = 0
    /// PART_FLAG_* bits: a u16 on the wire up to 23.11.
    public var flags: UInt32 = 0
    public var maxShare: UInt16 = 0
    public var overTimeLimit: UInt16 = 0
    public var preemptMode: UInt16 = 0
    public var priorityJobFactor: UInt16 = 0
    public var priorityTier: UInt16 = 0
    public var stateUp: UInt16 = 0
    public var crType: UInt16 = 0
    public var resumeTimeout: UInt16 = 0
    public var suspendTimeout: UInt16 = 0
    public var suspendTime: UInt32 = 0
    public var allowAccounts: String?
    public var allowGroups: String?
    public var allowAllocNodes: String?
    public var allowQOS: String?
    public var qos: String?
    public var alternate: String?
    public var denyAccounts: String?
    public var denyQOS: String?
    public var nodes: String?
    public var nodeSets: String?
    /// The partition's nodes as places in the controller's node table (Node.tableIndex).
    public var nodeIndex: HexBitmap?
    public var billingWeights: String?
    public var topologyName: String?
    public var tres: String?
    /// nil when the controller sent no list (NO_VAL).
    public var jobDefaults: [PartitionJobDefault]?
    public init() {}

    static let flags16 = Field<Partition>.primitive(
        "flags", \.flags, since: .v22_05, until: .v24_05, when: nil,
        { $0.u16(UInt16(truncatingIfNeeded: $1)) }) { (u: inout Unpacker) throws(WireError) in UInt32(try u.u16()) }

    /// `slurm_unpack_list`: a u32 count (NO_VAL for no list) and the elements.
    static let jobDefaultsList = Field<Partition>(
        "job_defaults_list", since: .v22_05, until: nil, when: nil,
        encode: { m, version, p in
            guard let list = m.jobDefaults else { p.u32(0xffff_fffe); return }
            p.u32(UInt32(list.count))
            for e in list { PartitionJobDefault.fields.encode(e, version: version, into: &p) }
        },
        decode: { (m: inout Partition, version: ProtocolVersion, u: inout Unpacker) throws(WireError) in
            let count = try u.u32()
            if count == 0xffff_fffe { m.jobDefaults = nil; return }
            guard Int(count) <= u.remaining / 10 else { throw u.fail("job_defaults_list: count \(count) exceeds the message") }
            var list: [PartitionJobDefault] = []
            for _ in 0..<count { list.append(try PartitionJobDefault.fields.decode(from: &u, version: version)) }
            m.jobDefaults = list
        })

    public static let fields = FieldTable<Partition>([
        .string("name", \.name),
        .u32("cpu_bind", \.cpuBind),
        .u32("grace_time", \.graceTime),
        .u32("max_time", \.maxTime),
        .u32("default_time", \.defaultTime),
        .u32("max_nodes", \.maxNodes),
        .u32("min_nodes", \.minNodes),
        .u32("total_nodes", \.totalNodes),
        .u32("total_cpus", \.totalCPUs),
        .u64("def_mem_per_cpu", \.defMemPerCPU),
        .u32("max_cpus_per_node", \.maxCPUsPerNode),
        .u32("max_cpus_per_socket", \.maxCPUsPerSocket, since: .v23_02),
        .u64("max_mem_per_cpu", \.maxMemPerCPU),
        flags16,
        .u32("flags", \.flags, since: .v24_05),
        .u16("max_share", \.maxShare),
        .u16("over_time_limit", \.overTimeLimit),
        .u16("preempt_mode", \.preemptMode),
        .u16("priority_job_factor", \.priorityJobFactor),
        .u16("priority_tier", \.priorityTier),
        .u16("state_up", \.stateUp),
        .u16("cr_type", \.crType),
        .u16("resume_timeout", \.resumeTimeout),
        .u16("suspend_timeout", \.suspendTimeout),
        .u32("suspend_time", \.suspendTime),
        .string("allow_accounts", \.allowAccounts),
        .string("allow_groups", \.allowGroups),
        .string("allow_alloc_nodes", \.allowAllocNodes),
        .string("allow_qos", \.allowQOS),
        .string("qos_char", \.qos),
        .string("alternate", \.alternate),
        .string("deny_accounts", \.denyAccounts),
        .string("deny_qos", \.denyQOS),
        .string("nodes", \.nodes),
        .string("nodesets", \.nodeSets),
        .hexBitmap("node_inx", \.nodeIndex),
        .string("billing_weights_str", \.billingWeights),
        .string("topology_name", \.topologyName, since: .v25_05),
        .string("tres_fmt_str", \.tres),
        jobDefaultsList,
    ])
}

/// RESPONSE_PARTITION_INFO (partition_info_msg_t).
public struct PartitionInfo: WireMessage, Equatable, Sendable {
    public var count: UInt32 = 0
    public var lastUpdate: Int64 = 0
    public var partitions: [Partition] = []
    public init() {}
    public static let fields = FieldTable<PartitionInfo>([
        .u32("record_count", \.count),
        .time("last_update", \.lastUpdate),
        .records("partition_array", \.partitions, count: \.count),
    ])
}

extension ControllerClient {
    /// REQUEST_PARTITION_INFO: every partition, or ControllerError.slurm(1900) when nothing
    /// changed since `updateTime`.
    public func partitions(updateTime: Int64, showFlags: UInt16) throws(ControllerError) -> PartitionInfo {
        let reply = try call(.requestPartitionInfo) { v in
            PartitionInfoRequest(lastUpdate: updateTime, showFlags: showFlags).encode(version: v)
        }
        return try reply.decode(.responsePartitionInfo, as: PartitionInfo.self)
    }
}
