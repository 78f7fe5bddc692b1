/// REQUEST_UPDATE_NODE and REQUEST_DELETE_NODE (`update_node_msg_t`). The defaults are
/// `slurm_init_update_node_msg`'s: no state change, weight and resume time unset, every string
/// absent. A string set to "" is sent as an empty string, which the controller reads as "clear it"
/// (a comment, extra, ...), while nil leaves the node's value alone.
public struct NodeUpdate: WireMessage, Equatable, Sendable {
    /// Node names as a hostlist expression ("vm", "ghost[1-2]").
    public var names: String?
    public var certToken: String?
    public var comment: String?
    public var cpuBind: UInt32 = 0
    public var extra: String?
    public var features: String?
    public var featuresActive: String?
    public var gres: String?
    public var instanceID: String?
    public var instanceType: String?
    public var address: String?
    public var hostname: String?
    /// NODE_STATE_* or NODE_RESUME; NO_VAL for no change.
    public var state: UInt32 = SlurmNumber.noVal32
    public var powerActionName: String?
    public var reason: String?
    /// 22.05 only; the controller takes the reason's user from the credential anyway.
    public var reasonUID: UInt32 = 0
    public var resumeAfter: UInt32 = SlurmNumber.noVal32
    public var topology: String?
    public var weight: UInt32 = SlurmNumber.noVal32
    public init() {}
    public init(names: String) { self.names = names }

    public static let fields = FieldTable<NodeUpdate>([
        .string("cert_token", \.certToken, since: .v24_11),
        .string("comment", \.comment),
        .u32("cpu_bind", \.cpuBind),
        .string("extra", \.extra),
        .string("features", \.features),
        .string("features_act", \.featuresActive),
        .string("gres", \.gres),
        .string("instance_id", \.instanceID, since: .v23_11),
        .string("instance_type", \.instanceType, since: .v23_11),
        .string("node_addr", \.address),
        .string("node_hostname", \.hostname),
        .string("node_names", \.names),
        .u32("node_state", \.state),
        .string("power_action_name", \.powerActionName, since: .v26_05),
        .string("reason", \.reason),
        .u32("reason_uid", \.reasonUID, until: .v23_02),
        .u32("resume_after", \.resumeAfter, since: .v23_02),
        .string("topology_str", \.topology, since: .v25_05),
        .u32("weight", \.weight),
    ])
}
