#if canImport(Glibc)
import Glibc
#endif

/// What is on the other end of standard input: a UNIX socket (rest_auth/local may apply),
/// a TCP socket, or a pipe or file (tests, manual use).
struct Peer {
    /// For `meta.client.source`.
    let source: String
    /// True when stdin is a UNIX socket whose peer runs as our own uid (SO_PEERCRED).
    let isOwnUserOverUnixSocket: Bool

    static func ofStandardInput() -> Peer {
        var st = stat()
        guard fstat(0, &st) == 0, (st.st_mode & S_IFMT) == S_IFSOCK else {
            return Peer(source: "stdin(fd:0)", isOwnUserOverUnixSocket: false)
        }
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let family: Int32 = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getpeername(0, $0, &length) == 0 ? Int32($0.pointee.sa_family) : -1
            }
        }
        switch family {
        case AF_UNIX:
            var cred = PeerCredentials()
            var credLength = socklen_t(MemoryLayout<PeerCredentials>.size)
            let own = getsockopt(0, SOL_SOCKET, SO_PEERCRED, &cred, &credLength) == 0 && cred.uid == getuid()
            return Peer(source: "unix:(fd:0)", isOwnUserOverUnixSocket: own)
        case AF_INET, AF_INET6:
            return Peer(source: describe(address) ?? "tcp(fd:0)", isOwnUserOverUnixSocket: false)
        default:
            return Peer(source: "socket(fd:0)", isOwnUserOverUnixSocket: false)
        }
    }

    /// "address:port" of an IPv4 or IPv6 peer.
    static func describe(_ address: sockaddr_storage) -> String? {
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        var service = [CChar](repeating: 0, count: Int(NI_MAXSERV))
        var copy = address
        let rc = withUnsafePointer(to: &copy) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getnameinfo($0, socklen_t(MemoryLayout<sockaddr_storage>.size), &host, socklen_t(host.count),
                            &service, socklen_t(service.count), NI_NUMERICHOST | NI_NUMERICSERV)
            }
        }
        guard rc == 0 else { return nil }
        let h = String(cString: host), s = String(cString: service)
        return h.contains(":") ? "[\(h)]:\(s)" : "\(h):\(s)"
    }
}

/// Linux's `struct ucred` (SO_PEERCRED), which Glibc's module map does not expose without _GNU_SOURCE.
struct PeerCredentials {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}
