import SlurmController
/// User and group names of numeric ids, as the system's account database gives them (nil: no such
/// account). The executable supplies the lookups; each request remembers the answers it got,
/// because a job list names the same few users and groups thousands of times.
public final class AccountNames {
    let lookUpUser: (UInt32) -> String?
    let lookUpGroup: (UInt32) -> String?
    let lookUpUserID: (String) -> UInt32?
    private var users: [UInt32: String?] = [:]
    private var groups: [UInt32: String?] = [:]

    /// `userID` resolves a user name or a decimal uid (for filters a request names by user);
    /// without it only numbers resolve.
    public init(user: @escaping (UInt32) -> String?, group: @escaping (UInt32) -> String?,
                userID: @escaping (String) -> UInt32? = { UInt32($0) }) {
        lookUpUser = user
        lookUpGroup = group
        lookUpUserID = userID
    }

    public func user(_ uid: UInt32) -> String? {
        if let known = users[uid] { return known }
        let name = lookUpUser(uid)
        users[uid] = name
        return name
    }

    public func group(_ gid: UInt32) -> String? {
        if let known = groups[gid] { return known }
        let name = lookUpGroup(gid)
        groups[gid] = name
        return name
    }

    /// The uid of a user name or decimal uid, if the account database knows the name.
    public func userID(_ nameOrNumber: String) -> UInt32? { lookUpUserID(nameOrNumber) }

    /// data_parser's USER_ID: the account name, or "" when no account has the uid. NO_VAL, the
    /// controller's "nobody", is not looked up.
    public func userOrEmpty(_ uid: UInt32) -> String {
        uid == SlurmNumber.noVal32 ? "" : user(uid) ?? ""
    }
}
