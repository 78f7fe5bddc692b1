/// REQUEST_SHARE_INFO: the accounts and users whose associations to report. An empty list does not
/// filter; the controller compares names without regard to case.
public struct SharesRequest: WireMessage, Equatable {
    public var accounts: [String]?
    public var users: [String]?
    public init() {}
    public init(accounts: [String]?, users: [String]?) {
        self.accounts = accounts
        self.users = users
    }
    public static let fields = FieldTable<SharesRequest>([
        .stringList("acct_list", \.accounts),
        .stringList("user_list", \.users),
    ])
}

/// One association of RESPONSE_SHARE_INFO (`assoc_shares_object_t`), with its per-TRES arrays in the
/// order of the message's `tres_names`.
public struct AssociationShares: WireMessage, Equatable, Sendable {
    public var associationID: UInt32 = 0
    public var cluster: String?
    /// The user of a user association, else the account.
    public var name: String?
    /// The account of a user association, else the parent account.
    public var parent: String?
    public var partition: String?
    public var sharesNormalized: Double = 0
    /// NO_VAL for the root association.
    public var sharesRaw: UInt32 = 0
    public var tresRunSeconds: [UInt64] = []
    public var tresGroupMinutes: [UInt64] = []
    public var usageEffective: Double = 0
    public var usageNormalized: Double = 0
    public var usageRaw: UInt64 = 0
    public var usageTRES: [LongDouble] = []
    public var fairshareFactor: Double = 0
    public var levelFairshare: Double = 0
    /// 1 for a user association, 0 for an account.
    public var user: UInt16 = 0
    public init() {}

    public static let fields = FieldTable<AssociationShares>([
        .u32("assoc_id", \.associationID),
        .string("cluster", \.cluster),
        .string("name", \.name),
        .string("parent", \.parent),
        .string("partition", \.partition),
        .double("shares_norm", \.sharesNormalized),
        .u32("shares_raw", \.sharesRaw),
        .u64Array("tres_run_secs", \.tresRunSeconds),
        .u64Array("tres_grp_mins", \.tresGroupMinutes),
        .double("usage_efctv", \.usageEffective),
        .double("usage_norm", \.usageNormalized),
        .u64("usage_raw", \.usageRaw),
        .longDoubleArray("usage_tres_raw", \.usageTRES),
        .double("fs_factor", \.fairshareFactor),
        .double("level_fs", \.levelFairshare),
        .u16("user", \.user),
    ])
}

/// RESPONSE_SHARE_INFO (`shares_response_msg_t`). The layout is the same from 22.05 to 26.05.
public struct SharesInfo: WireMessage, Equatable, Sendable {
    /// The count the controller sends when it has no association list: without accounting, or when
    /// the list is empty (an empty list is sent as no list).
    public static let noList: UInt32 = 0xffff_fffe

    public var tresNames: [String] = []
    public var count: UInt32 = SharesInfo.noList
    public var associations: [AssociationShares] = []
    public var totalShares: UInt64 = 0
    public init() {}

    /// A reply as the controller builds it: no list when there are no associations.
    public init(tresNames: [String], associations: [AssociationShares], totalShares: UInt64) {
        self.tresNames = tresNames
        self.associations = associations
        self.totalShares = totalShares
        count = associations.isEmpty ? Self.noList : UInt32(associations.count)
    }

    /// Whether the controller sent an association list at all.
    public var hasList: Bool { count != Self.noList }

    public static let fields = FieldTable<SharesInfo>([
        .stringArray("tres_names", \.tresNames),
        .u32("count", \.count),
        .records("assoc_shares_list", \.associations, count: \.count, when: { m, _ in m.hasList }),
        .u64("tot_shares", \.totalShares),
    ])

    /// Each association carries one value per TRES name; the renderer pairs them by index. (libslurm
    /// checks only the first two arrays; the controller sends all three with the TRES count, and a
    /// shorter third one would make the original read past its end.)
    public func validate() throws(WireError) {
        let n = tresNames.count
        for a in associations where a.tresRunSeconds.count != n || a.tresGroupMinutes.count != n || a.usageTRES.count != n {
            throw WireError(offset: 0, message: "association \(a.associationID): TRES arrays do not match \(n) TRES names")
        }
    }
}

extension ControllerClient {
    /// REQUEST_SHARE_INFO: fair-share data of the associations in `accounts` and of `users` (an empty
    /// list does not filter).
    public func shares(accounts: [String], users: [String]) throws(ControllerError) -> SharesInfo {
        let reply = try call(.requestShareInfo) { v in SharesRequest(accounts: accounts, users: users).encode(version: v) }
        return try reply.decode(.responseShareInfo, as: SharesInfo.self)
    }
}
