/// REQUEST_RESERVATION_INFO: reservations changed since `lastUpdate` (0: all).
public struct ReservationInfoRequest: WireMessage, Equatable {
    public var lastUpdate: Int64 = 0
    public init() {}
    public init(lastUpdate: Int64) { self.lastUpdate = lastUpdate }
    public static let fields = FieldTable<ReservationInfoRequest>([.time("last_update", \.lastUpdate)])
}

/// Cores a reservation holds on one node.
public struct ReservationCoreSpec: WireMessage, Equatable, Sendable {
    public var node: String?
    public var cores: String?
    public init() {}
    public static let fields = FieldTable<ReservationCoreSpec>([
        .string("node_name", \.node),
        .string("core_id", \.cores),
    ])
}

/// One reservation of RESPONSE_RESERVATION_INFO (`_pack_resv()` in reservation.c). Fields a
/// release does not send stay nil (comment before 23.02, qos and allowed_parts before 25.11).
public struct Reservation: WireMessage, Equatable, Sendable {
    public var accounts: String?
    public var burstBuffer: String?
    public var comment: String?
    public var coreCount: UInt32 = 0
    public var endTime: Int64 = 0
    public var features: String?
    /// RESERVE_FLAG_* bits; their positions are the same from 22.05 to 26.05.
    public var flags: UInt64 = 0
    public var licenses: String?
    public var maxStartDelay: UInt32 = 0
    public var name: String?
    public var nodeCount: UInt32 = 0
    public var nodeList: String?
    public var partition: String?
    public var purgeCompletedTime: UInt32 = 0
    /// The power reserved before 24.05, an unused placeholder after, gone in 25.11.
    public var watts: UInt32 = 0
    public var startTime: Int64 = 0
    public var tres: String?
    public var users: String?
    public var groups: String?
    public var qos: String?
    public var allowedPartitions: String?
    /// The node bitmap: its size in bits (NO_VAL without a bitmap) and its hex mask.
    public var nodeIndexBits: UInt32 = 0
    public var nodeIndexMask: String?
    public var coreSpecCount: UInt32 = 0
    public var coreSpecs: [ReservationCoreSpec] = []
    public init() {}

    static let hasNodeBitmap: (Reservation, ProtocolVersion) -> Bool = { m, _ in m.nodeIndexBits != 0xffff_fffe }

    public static let fields = FieldTable<Reservation>([
        .string("accounts", \.accounts),
        .string("burst_buffer", \.burstBuffer),
        .string("comment", \.comment, since: .v23_02),
        .u32("core_cnt", \.coreCount),
        .time("end_time", \.endTime),
        .string("features", \.features),
        .u64("flags", \.flags),
        .string("licenses", \.licenses),
        .u32("max_start_delay", \.maxStartDelay),
        .string("name", \.name),
        .u32("node_cnt", \.nodeCount),
        .string("node_list", \.nodeList),
        .string("partition", \.partition),
        .u32("purge_comp_time", \.purgeCompletedTime),
        .u32("resv_watts", \.watts, until: .v25_11),
        .time("start_time", \.startTime),
        .string("tres_str", \.tres),
        .string("users", \.users),
        .string("groups", \.groups),
        .string("qos", \.qos, since: .v25_11),
        .string("allowed_parts", \.allowedPartitions, since: .v25_11),
        .u32("node_inx.bits", \.nodeIndexBits),
        .string("node_inx.mask", \.nodeIndexMask, when: hasNodeBitmap),
        .u32("core_spec_cnt", \.coreSpecCount),
        .records("core_spec", \.coreSpecs, count: \.coreSpecCount),
    ])
}

/// RESPONSE_RESERVATION_INFO.
public struct ReservationInfo: WireMessage, Equatable, Sendable {
    public var count: UInt32 = 0
    public var lastUpdate: Int64 = 0
    public var reservations: [Reservation] = []
    public init() {}
    public init(lastUpdate: Int64, reservations: [Reservation]) {
        self.count = UInt32(truncatingIfNeeded: reservations.count)
        self.lastUpdate = lastUpdate
        self.reservations = reservations
    }
    public static let fields = FieldTable<ReservationInfo>([
        .u32("record_count", \.count),
        .time("last_update", \.lastUpdate),
        .records("reservation_array", \.reservations, count: \.count),
    ])
}

extension ControllerClient {
    /// REQUEST_RESERVATION_INFO (`slurm_load_reservations()`). Throws `.slurm(1900, _)` when
    /// nothing changed since `updateTime`.
    public func reservations(updateTime: Int64) throws(ControllerError) -> ReservationInfo {
        let reply = try call(.requestReservationInfo) { v in
            ReservationInfoRequest(lastUpdate: updateTime).encode(version: v)
        }
        return try reply.decode(.responseReservationInfo, as: ReservationInfo.self)
    }
}
