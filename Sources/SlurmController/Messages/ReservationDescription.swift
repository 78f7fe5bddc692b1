/// REQUEST_CREATE_RESERVATION and REQUEST_UPDATE_RESERVATION (`resv_desc_msg_t`). The defaults are
/// `slurm_init_resv_desc_msg`'s: times, duration, counts and delays unset (NO_VAL), flags NO_VAL64
/// (no flag change), every string absent.
public struct ReservationDescription: WireMessage, Equatable, Sendable {
    /// `(time_t) NO_VAL`, which libslurm puts in an unset start or end time.
    public static let unsetTime = Int64(SlurmNumber.noVal32)

    public var name: String?
    public var startTime: Int64 = unsetTime
    public var endTime: Int64 = unsetTime
    /// Minutes.
    public var duration: UInt32 = SlurmNumber.noVal32
    /// RESERVE_FLAG_* bits (and their RESERVE_FLAG_NO_* opposites).
    public var flags: UInt64 = SlurmNumber.noVal64
    public var nodeCount: UInt32 = SlurmNumber.noVal32
    public var coreCount: UInt32 = SlurmNumber.noVal32
    public var nodeList: String?
    public var features: String?
    public var licenses: String?
    public var maxStartDelay: UInt32 = SlurmNumber.noVal32
    public var partition: String?
    public var purgeCompletedTime: UInt32 = SlurmNumber.noVal32
    /// The power to reserve, up to 23.11; 24.05 to 25.05 send NO_VAL in its place.
    public var watts: UInt32 = SlurmNumber.noVal32
    public var allowedPartitions: String?
    public var qos: String?
    public var users: String?
    public var accounts: String?
    public var burstBuffer: String?
    public var groups: String?
    public var comment: String?
    public var tres: String?
    public init() {}
    public init(name: String) { self.name = name }

    public static let fields = FieldTable<ReservationDescription>([
        .string("name", \.name),
        .time("start_time", \.startTime),
        .time("end_time", \.endTime),
        .u32("duration", \.duration),
        .u64("flags", \.flags),
        .reservationCount("node_cnt", \.nodeCount, until: .v23_11),
        .reservationCount("core_cnt", \.coreCount, until: .v23_11),
        .u32("node_cnt", \.nodeCount, since: .v23_11),
        .u32("core_cnt", \.coreCount, since: .v23_11),
        .string("node_list", \.nodeList),
        .string("features", \.features),
        .string("licenses", \.licenses),
        .u32("max_start_delay", \.maxStartDelay),
        .string("partition", \.partition),
        .u32("purge_comp_time", \.purgeCompletedTime),
        .u32("resv_watts", \.watts, until: .v25_11),
        .string("allowed_parts", \.allowedPartitions, since: .v25_11),
        .string("qos", \.qos, since: .v25_11),
        .string("users", \.users),
        .string("accounts", \.accounts),
        .string("burst_buffer", \.burstBuffer),
        .string("groups", \.groups),
        .string("comment", \.comment, since: .v23_02),
        .string("tres_str", \.tres, since: .v23_11),
    ])
}

/// `resv_name_msg_t`: REQUEST_DELETE_RESERVATION's body and RESPONSE_CREATE_RESERVATION's (the
/// name the controller gave the new reservation).
public struct ReservationName: WireMessage, Equatable, Sendable {
    public var name: String?
    public init() {}
    public init(_ name: String) { self.name = name }
    public static let fields = FieldTable<ReservationName>([.string("name", \.name)])
}

extension Field {
    /// A reservation's node or core count as releases before 23.11 send it: a zero-terminated u32
    /// array (one count per partition or node once), empty when unset. One count goes out as
    /// `[count, 0]`; a received array is summed (with wrap-around, as 23.11's reader of the old
    /// layout does), and an empty one leaves the count unset.
    static func reservationCount(_ name: String, _ path: WritableKeyPath<Model, UInt32>, until: ProtocolVersion) -> Field {
        Field(name, since: .v22_05, until: until, when: nil,
              encode: { m, _, p in
                  let count = m[keyPath: path]
                  p.u32Array(count == 0 || count == SlurmNumber.noVal32 ? [] : [count, 0])
              },
              decode: { (m: inout Model, _: ProtocolVersion, u: inout Unpacker) throws(WireError) in
                  let counts = try u.u32Array()
                  guard !counts.isEmpty else { return }
                  m[keyPath: path] = counts.reduce(0, &+)
              })
    }
}
