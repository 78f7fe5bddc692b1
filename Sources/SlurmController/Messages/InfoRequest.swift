/// The request of the license, node and partition lists (`license_info_request_msg`,
/// `node_info_request_msg`, `part_info_request_msg`): what changed since `lastUpdate` (0: all),
/// filtered by SHOW_* flags. One layout in every release from 22.05 to 26.05.
public struct InfoRequest: WireMessage, Equatable {
    public var lastUpdate: Int64 = 0
    public var showFlags: UInt16 = 0
    public init() {}
    public init(lastUpdate: Int64, showFlags: UInt16) {
        self.lastUpdate = lastUpdate
        self.showFlags = showFlags
    }
    public static let fields = FieldTable<InfoRequest>([
        .time("last_update", \.lastUpdate),
        .u16("show_flags", \.showFlags),
    ])
}

/// REQUEST_LICENSE_INFO.
public typealias LicenseInfoRequest = InfoRequest
/// REQUEST_NODE_INFO.
public typealias NodeInfoRequest = InfoRequest
/// REQUEST_PARTITION_INFO.
public typealias PartitionInfoRequest = InfoRequest
