/// REQUEST_NODE_INFO_SINGLE: one node by name.
public struct NodeInfoSingleRequest: WireMessage, Equatable {
    public var nodeName: String?
    public var showFlags: UInt16 = 0
    public init() {}
    public init(nodeName: String, showFlags: UInt16) {
        self.nodeName = nodeName
        self.showFlags = showFlags
    }
    public static let fields = FieldTable<NodeInfoSingleRequest>([
        .string("node_name", \.nodeName),
        .u16("show_flags", \.showFlags),
    ])
}

/// A node's energy counters (acct_gather_energy_t), packed inside its record.
public struct NodeEnergy: Equatable, Sendable {
    public var baseConsumedEnergy: UInt64 = 0
    public var averageWatts: UInt32 = 0
    public var consumedEnergy: UInt64 = 0
    public var currentWatts: UInt32 = 0
    public var previousConsumedEnergy: UInt64 = 0
    public var pollTime: Int64 = 0
    public var slurmdStartTime: Int64 = 0
    public init() {}
}

/// The external sensors' readings (ext_sensors_data_t), sent up to 23.11 and rendered by nobody.
public struct NodeExternalSensors: Equatable, Sendable {
    public var consumedEnergy: UInt64 = 0
    public var temperature: UInt32 = 0
    public var energyUpdateTime: Int64 = 0
    public var currentWatts: UInt32 = 0
    public init() {}
}

/// One record of RESPONSE_NODE_INFO (node_info_t). A record without a name is a slot the
/// controller keeps only so that node indexes stay valid (22.05 sends such blank records).
public struct Node: WireMessage, Equatable, Sendable {
    public var name: String?
    public var hostname: String?
    public var address: String?
    public var broadcastAddress: String?
    public var certFlags: UInt16 = 0
    public var port: UInt16 = 0
    /// NO_VAL unless a reboot will set another state (as slurm_init_node_info_t leaves it).
    public var nextState: UInt32 = 0xffff_fffe
    public var state: UInt32 = 0
    public var version: String?
    public var cpus: UInt16 = 0
    public var boards: UInt16 = 0
    public var sockets: UInt16 = 0
    public var cores: UInt16 = 0
    public var threads: UInt16 = 0
    public var realMemory: UInt64 = 0
    public var tmpDisk: UInt32 = 0
    public var gpuSpec: String?
    public var mcsLabel: String?
    public var owner: UInt32 = 0
    public var coreSpecCount: UInt16 = 0
    public var cpuBind: UInt32 = 0
    public var memSpecLimit: UInt64 = 0
    public var cpuSpecList: String?
    public var cpusEffective: UInt16 = 0
    public var cpuLoad: UInt32 = 0
    public var freeMemory: UInt64 = 0
    public var weight: UInt32 = 0
    public var resCoresPerGPU: UInt16 = 0
    public var reasonUID: UInt32 = 0
    public var suspendTime: UInt32 = 0
    public var bootTime: Int64 = 0
    public var lastBusy: Int64 = 0
    public var reasonTime: Int64 = 0
    public var resumeAfter: Int64 = 0
    public var slurmdStartTime: Int64 = 0
    public var certLastRenewal: Int64 = 0
    /// Before 25.05 the allocation figures came from the select plugin, behind its id.
    public var selectPluginID: UInt32 = 0
    public var allocCPUs: UInt16 = 0
    public var allocMemory: UInt64 = 0
    public var allocTRES: String?
    /// A `packdouble` before 25.05, kept as its bits: the REST API no longer shows it.
    public var tresAllocWeightedBits: UInt64 = 0
    public var architecture: String?
    public var features: String?
    public var featuresActive: String?
    public var gres: String?
    public var gresDrained: String?
    public var gresUsed: String?
    public var operatingSystem: String?
    public var comment: String?
    public var extra: String?
    public var instanceID: String?
    public var instanceType: String?
    public var parameters: String?
    public var reason: String?
    public var energy = NodeEnergy()
    public var externalSensors = NodeExternalSensors()
    public var powerCapWatts: UInt32 = 0
    public var tres: String?
    public var reservation: String?
    public var topology: String?
    /// The record's place in the controller's node table (not on the wire): partitions name
    /// their nodes by these places.
    public var tableIndex = 0

    public init() {}

    /// select/cons_res (101), select/linear (102) and select/cons_tres (109) share one node
    /// layout; the Cray plugins wrap another one, which this codec does not read.
    static let selectPluginsWithPlainLayout: Set<UInt32> = [101, 102, 109]

    static let selectPluginID = Field<Node>(
        "select_plugin_id", since: .v22_05, until: .v25_05, when: nil,
        encode: { m, _, p in p.u32(m.selectPluginID) },
        decode: { (m: inout Node, _: ProtocolVersion, u: inout Unpacker) throws(WireError) in
            let id = try u.u32()
            guard selectPluginsWithPlainLayout.contains(id) else {
                throw u.fail("node select data of plugin \(id) is not supported")
            }
            m.selectPluginID = id
        })

    public static let fields = FieldTable<Node>([
        .string("name", \.name),
        .string("node_hostname", \.hostname),
        .string("node_addr", \.address),
        .string("bcast_address", \.broadcastAddress),
        .u16("cert_flags", \.certFlags, since: .v25_05),
        .u16("port", \.port),
        .u32("next_state", \.nextState),
        .u32("node_state", \.state),
        .string("version", \.version),
        .u16("cpus", \.cpus),
        .u16("boards", \.boards),
        .u16("sockets", \.sockets),
        .u16("cores", \.cores),
        .u16("threads", \.threads),
        .u64("real_memory", \.realMemory),
        .u32("tmp_disk", \.tmpDisk),
        .string("gpu_spec", \.gpuSpec, since: .v24_05),
        .string("mcs_label", \.mcsLabel),
        .u32("owner", \.owner),
        .u16("core_spec_cnt", \.coreSpecCount),
        .u32("cpu_bind", \.cpuBind),
        .u64("mem_spec_limit", \.memSpecLimit),
        .string("cpu_spec_list", \.cpuSpecList),
        .u16("cpus_efctv", \.cpusEffective),
        .u32("cpu_load", \.cpuLoad),
        .u64("free_mem", \.freeMemory),
        .u32("weight", \.weight),
        .u16("res_cores_per_gpu", \.resCoresPerGPU, since: .v24_05),
        .u32("reason_uid", \.reasonUID),
        .u32("suspend_time", \.suspendTime, since: .v26_05),
        .time("boot_time", \.bootTime),
        .time("last_busy", \.lastBusy),
        .time("reason_time", \.reasonTime),
        .time("resume_after", \.resumeAfter, since: .v23_02),
        .time("slurmd_start_time", \.slurmdStartTime),
        .time("cert_last_renewal", \.certLastRenewal, since: .v25_05),
        selectPluginID,
        .u16("alloc_cpus", \.allocCPUs),
        .u64("alloc_memory", \.allocMemory),
        .string("alloc_tres_fmt_str", \.allocTRES),
        .u64("tres_alloc_weighted", \.tresAllocWeightedBits, until: .v25_05),
        .string("arch", \.architecture),
        .string("features", \.features),
        .string("features_act", \.featuresActive),
        .string("gres", \.gres),
        .string("gres_drain", \.gresDrained),
        .string("gres_used", \.gresUsed),
        .string("os", \.operatingSystem),
        .string("comment", \.comment),
        .string("extra", \.extra),
        .string("instance_id", \.instanceID, since: .v23_11),
        .string("instance_type", \.instanceType, since: .v23_11),
        .string("parameters", \.parameters, since: .v25_11),
        .string("reason", \.reason),
        .u64("energy.base_consumed_energy", \.energy.baseConsumedEnergy),
        .u32("energy.ave_watts", \.energy.averageWatts),
        .u64("energy.consumed_energy", \.energy.consumedEnergy),
        .u32("energy.current_watts", \.energy.currentWatts),
        .u64("energy.previous_consumed_energy", \.energy.previousConsumedEnergy),
        .time("energy.poll_time", \.energy.pollTime),
        .time("energy.slurmd_start_time", \.energy.slurmdStartTime, since: .v24_11),
        .u64("ext_sensors.consumed_energy", \.externalSensors.consumedEnergy, until: .v24_05),
        .u32("ext_sensors.temperature", \.externalSensors.temperature, until: .v24_05),
        .time("ext_sensors.energy_update_time", \.externalSensors.energyUpdateTime, until: .v24_05),
        .u32("ext_sensors.current_watts", \.externalSensors.currentWatts, until: .v24_05),
        .u32("power.cap_watts", \.powerCapWatts, until: .v24_05),
        .string("tres_fmt_str", \.tres),
        .string("resv_name", \.reservation, since: .v23_02),
        .string("topology_str", \.topology, since: .v25_05),
    ])
}

/// RESPONSE_NODE_INFO (node_info_msg_t). The controller sends its whole node table; the entries
/// a client may not see are blank records up to 24.05 and, from 24.11, marked in `hiddenNodes`
/// and left out. `nodes` holds the records sent, each with its place in the table.
public struct NodeInfo: WireMessage, Equatable, Sendable {
    public var count: UInt32 = 0
    public var lastUpdate: Int64 = 0
    public var hiddenNodes: HexBitmap?
    public var nodes: [Node] = []
    public init() {}

    static let records = Field<NodeInfo>(
        "node_array", since: .v22_05, until: nil, when: nil,
        encode: { m, version, p in
            for node in m.nodes { Node.fields.encode(node, version: version, into: &p) }
        },
        decode: { (m: inout NodeInfo, version: ProtocolVersion, u: inout Unpacker) throws(WireError) in
            let hidden = m.hiddenNodes
            var index = 0
            // Each sent record consumes bytes and each hidden one is a set bit of a mask that came
            // in the message, so a count larger than the message fails instead of looping on.
            while index < Int(m.count) {
                if hidden?.contains(index) != true {
                    var node = try Node.fields.decode(from: &u, version: version)
                    node.tableIndex = index
                    m.nodes.append(node)
                }
                index += 1
            }
        })

    public static let fields = FieldTable<NodeInfo>([
        .u32("record_count", \.count),
        .time("last_update", \.lastUpdate),
        .hexBitmap("hidden_nodes", \.hiddenNodes, since: .v24_11),
        records,
    ])
}

extension ControllerClient {
    /// REQUEST_NODE_INFO as `slurm_load_node()` sends it outside a federation: always
    /// SHOW_LOCAL, never SHOW_FEDERATION. Throws `.slurm(1900, _)` when nothing changed since
    /// `updateTime`.
    public func nodes(updateTime: Int64, showFlags: UInt16) throws(ControllerError) -> NodeInfo {
        let flags = (showFlags | ShowFlags.local) & ~ShowFlags.federation
        let reply = try call(.requestNodeInfo) { v in
            NodeInfoRequest(lastUpdate: updateTime, showFlags: flags).encode(version: v)
        }
        return try reply.decode(.responseNodeInfo, as: NodeInfo.self)
    }

    /// REQUEST_NODE_INFO_SINGLE: a table holding the named node, or no record when the
    /// controller has no such node (or hides it). `slurm_load_node_single()` sends the flags as given.
    public func node(named name: String, showFlags: UInt16) throws(ControllerError) -> NodeInfo {
        let reply = try call(.requestNodeInfoSingle) { v in
            NodeInfoSingleRequest(nodeName: name, showFlags: showFlags).encode(version: v)
        }
        return try reply.decode(.responseNodeInfo, as: NodeInfo.self)
    }
}

extension Partition {
    /// The partition's nodes as places in the controller's node table (Node.tableIndex); nil
    /// without a bitmap or with a mask that is not one (the C client refuses such a reply).
    public var nodeIndex: HexBitmap? {
        guard nodeIndexBits != 0xffff_fffe, nodeIndexBits != 0, let mask = nodeIndexMask else { return nil }
        return HexBitmap(bitCount: nodeIndexBits, mask: mask)
    }
}
