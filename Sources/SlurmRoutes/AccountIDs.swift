#if canImport(Glibc)
import Glibc
#endif

/// Numeric ids of user and group names, as the system's account database gives them (nil: no such
/// account). The request readers take it as a value so that they stay free of I/O; `system`
/// asks the database.
public struct AccountIDs {
    let user: (String) -> UInt32?
    let group: (String) -> UInt32?

    public init(user: @escaping (String) -> UInt32?, group: @escaping (String) -> UInt32?) {
        self.user = user
        self.group = group
    }

    /// getpwnam_r and getgrnam_r.
    public static let system = AccountIDs(
        user: { name in
            lookUp(name) { n, buffer, size in
                var entry = passwd(), result: UnsafeMutablePointer<passwd>?
                let rc = getpwnam_r(n, &entry, buffer, size, &result)
                return (rc, result == nil ? nil : UInt32(entry.pw_uid))
            }
        },
        group: { name in
            lookUp(name) { n, buffer, size in
                var entry = Glibc.group(), result: UnsafeMutablePointer<Glibc.group>?
                let rc = getgrnam_r(n, &entry, buffer, size, &result)
                return (rc, result == nil ? nil : UInt32(entry.gr_gid))
            }
        })

    /// Runs a reentrant lookup with a buffer that grows while the call says it is too small.
    static func lookUp(_ name: String,
                       _ call: (String, UnsafeMutablePointer<CChar>, Int) -> (Int32, UInt32?)) -> UInt32? {
        var size = 4096
        while size <= 1 << 20 {
            let outcome = withUnsafeTemporaryAllocation(of: CChar.self, capacity: size) { buffer in
                guard let start = buffer.baseAddress else { return (ENOMEM, UInt32?.none) }
                return call(name, start, buffer.count)
            }
            if outcome.0 == ERANGE { size *= 4; continue }
            return outcome.0 == 0 ? outcome.1 : nil
        }
        return nil
    }
}
