/// One license of RESPONSE_LICENSE_INFO.
public struct License: WireMessage, Equatable, Sendable {
    public var name: String?
    public var total: UInt32 = 0
    public var inUse: UInt32 = 0
    public var reserved: UInt32 = 0
    public var remote: UInt8 = 0
    public var lastConsumed: UInt32 = 0
    public var lastDeficit: UInt32 = 0
    public var lastUpdate: Int64 = 0
    public var mode: UInt8 = 0
    public var nodes: String?
    public init() {}

    public var isRemote: Bool { remote != 0 }

    public static let fields = FieldTable<License>([
        .string("name", \.name),
        .u32("total", \.total),
        .u32("in_use", \.inUse),
        .u32("reserved", \.reserved),
        .u8("remote", \.remote),
        .u32("last_consumed", \.lastConsumed, since: .v23_02),
        .u32("last_deficit", \.lastDeficit, since: .v23_02),
        .time("last_update", \.lastUpdate, since: .v23_02),
        .u8("mode", \.mode, since: .v25_05),
        .string("nodes", \.nodes, since: .v25_05),
    ])
}

/// RESPONSE_LICENSE_INFO.
public struct LicenseInfo: WireMessage, Equatable, Sendable {
    public var count: UInt32 = 0
    public var lastUpdate: Int64 = 0
    public var licenses: [License] = []
    public init() {}
    public static let fields = FieldTable<LicenseInfo>([
        .u32("num_lic", \.count),
        .time("last_update", \.lastUpdate),
        .records("lic_array", \.licenses, count: \.count),
    ])
}
