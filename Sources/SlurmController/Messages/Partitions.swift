/// One entry of a partition's JobDefaults list (read_config.c: `job_defaults_pack`).
public struct PartitionJobDefault: WireMessage, Equatable, Sendable {
    public var type: UInt16 = 0
    public var value: UInt64 = 0
    public init() {}
    public static let fields = FieldTable<PartitionJobDefault>([
        .u16("type", \.type),
        .u64("value", \.value),
    ])
}

/// One partition of RESPONSE_PARTITION_INFO (`pack_part()` in partition_mgr.c). Fields a release
/// does not send stay unset: nil strings, NO_VAL numbers.
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
    /// DefMemPerCPU when the MEM_PER_CPU bit (bit 63) is set, else DefMemPerNode.
    public var defMemPerCPU: UInt64 = 0
    public var maxCPUsPerNode: UInt32 = 0
    /// NO_VAL (unset) from controllers before 23.02, which have no such limit.
    public var maxCPUsPerSocket: UInt32 = 0xffff_fffe
    /// MaxMemPerCPU when the MEM_PER_CPU bit is set, else MaxMemPerNode.
    public var maxMemPerCPU: UInt64 = 0
    /// PART_FLAG_* bits (u16 on the wire before 24.05).
    public var flags: UInt32 = 0
    /// OverSubscribe job count, with SHARED_FORCE (0x8000) for FORCE.
    public var maxShare: UInt16 = 0
    public var overTimeLimit: UInt16 = 0
    public var preemptMode: UInt16 = 0
    public var priorityJobFactor: UInt16 = 0
    public var priorityTier: UInt16 = 0
    /// PARTITION_UP, _DOWN, _DRAIN or _INACTIVE.
    public var stateUp: UInt16 = 0
    /// The partition's own SelectTypeParameters: only CR_Core/CR_Socket and CR_Memory, whose bits
    /// are the same in every release from 22.05 to 26.05.
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
    /// The node bitmap: its size in bits (NO_VAL without a bitmap) and its hex mask.
    public var nodeIndexBits: UInt32 = 0
    public var nodeIndexMask: String?
    public var billingWeights: String?
    public var topology: String?
    public var tres: String?
    /// NO_VAL when the partition has no JobDefaults list.
    public var jobDefaultsCount: UInt32 = 0
    public var jobDefaults: [PartitionJobDefault] = []
    public init() {}

    static let hasNodeBitmap: (Partition, ProtocolVersion) -> Bool = { m, _ in m.nodeIndexBits != noVal }
    static let hasJobDefaults: (Partition, ProtocolVersion) -> Bool = { m, _ in m.jobDefaultsCount != noVal }
    static let noVal: UInt32 = 0xffff_fffe

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
        .u16("flags", \.flags, until: .v24_05),
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
        .u32("node_inx.bits", \.nodeIndexBits),
        .string("node_inx.mask", \.nodeIndexMask, when: hasNodeBitmap),
        .string("billing_weights_str", \.billingWeights),
        .string("topology_name", \.topology, since: .v25_05),
        .string("tres_fmt_str", \.tres),
        .u32("job_defaults.count", \.jobDefaultsCount),
        .records("job_defaults", \.jobDefaults, count: \.jobDefaultsCount, when: hasJobDefaults),
    ])
}

/// RESPONSE_PARTITION_INFO.
public struct PartitionInfo: WireMessage, Equatable, Sendable {
    public var count: UInt32 = 0
    public var lastUpdate: Int64 = 0
    public var partitions: [Partition] = []
    public init() {}
    public init(lastUpdate: Int64, partitions: [Partition]) {
        self.count = UInt32(truncatingIfNeeded: partitions.count)
        self.lastUpdate = lastUpdate
        self.partitions = partitions
    }
    public static let fields = FieldTable<PartitionInfo>([
        .u32("record_count", \.count),
        .time("last_update", \.lastUpdate),
        .records("partition_array", \.partitions, count: \.count),
    ])
}

extension Field {
    /// A u16 on the wire held in a 32-bit property: for fields widened to u32 in a later release.
    static func u16(_ name: String, _ path: WritableKeyPath<Model, UInt32>, since: ProtocolVersion = .v22_05,
                    until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.u16(UInt16(truncatingIfNeeded: $1)) }) {
            (u: inout Unpacker) throws(WireError) in UInt32(try u.u16())
        }
    }
}

extension ControllerClient {
    /// REQUEST_PARTITION_INFO as `slurm_load_partitions()` sends it outside a federation: always
    /// SHOW_LOCAL, never SHOW_FEDERATION. Throws `.slurm(1900, _)` when nothing changed since
    /// `updateTime`.
    public func partitions(updateTime: Int64, showFlags: UInt16) throws(ControllerError) -> PartitionInfo {
        let flags = (showFlags | ShowFlags.local) & ~ShowFlags.federation
        let reply = try call(.requestPartitionInfo) { v in
            PartitionInfoRequest(lastUpdate: updateTime, showFlags: flags).encode(version: v)
        }
        return try reply.decode(.responsePartitionInfo, as: PartitionInfo.self)
    }
}
