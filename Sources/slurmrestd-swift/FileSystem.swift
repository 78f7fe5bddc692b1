#if canImport(Glibc)
import Glibc
#endif

/// The few file operations the program needs, on plain file descriptors.
enum FileSystem {
    /// Reads a whole file as UTF-8 text; nil when it cannot be opened or read.
    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Paths matching a shell pattern, sorted (what slurm.conf's Include accepts).
    static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
        return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }
    }

    /// Writes all of `bytes` to `fd`, retrying short writes; false when the peer is gone.
    @discardableResult
    static func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN, waitWritable(fd) { continue }
                return false
            }
            offset += n
        }
        return true
    }

    static func write(_ fd: Int32, _ text: String) {
        if !text.isEmpty { write(fd, Array(text.utf8)) }
    }

    /// After a rejection the client may still be sending. Closing at once with unread bytes makes
    /// the kernel answer them with a reset, which can destroy our answer before the client reads it.
    /// So shut our sending side, then read and discard what still arrives, for at most a second and
    /// 1 MiB. Not a socket (a pipe, a file): nothing to protect, return at once.
    static func lingeringClose() {
        guard shutdown(1, Int32(SHUT_WR)) == 0 else { return }
        var scratch = [UInt8](repeating: 0, count: 16384)
        var drained = 0
        var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        while drained < 1 << 20, poll(&p, 1, 1000) == 1 {
            let n = scratch.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            drained += n
        }
    }

    /// Waits (up to a minute) until a non-blocking descriptor accepts more bytes.
    static func waitWritable(_ fd: Int32) -> Bool {
        var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        return poll(&p, 1, 60_000) == 1
    }
}

/// User and group names and numbers, through the system's account database.
enum Accounts {
    static func userID(_ nameOrNumber: String) -> uid_t? {
        if let n = UInt32(nameOrNumber) { return n }
        return getpwnam(nameOrNumber).map { $0.pointee.pw_uid }
    }

    static func groupID(_ nameOrNumber: String) -> gid_t? {
        if let n = UInt32(nameOrNumber) { return n }
        return getgrnam(nameOrNumber).map { $0.pointee.gr_gid }
    }

    /// The user's name, if the account database knows the uid.
    static func userName(_ uid: UInt32) -> String? {
        getpwuid(uid).map { String(cString: $0.pointee.pw_name) }
    }

    static func groupName(_ gid: UInt32) -> String? {
        getgrgid(gid).map { String(cString: $0.pointee.gr_name) }
    }

    /// The account name, uid and primary group of a user given by name or number.
    static func passwordEntry(_ nameOrNumber: String) -> (name: String, uid: uid_t, gid: gid_t)? {
        let entry = UInt32(nameOrNumber).map { getpwuid($0) } ?? getpwnam(nameOrNumber)
        return entry.map { (String(cString: $0.pointee.pw_name), $0.pointee.pw_uid, $0.pointee.pw_gid) }
    }

    /// The primary group of a named user, if the account database knows the user.
    static func primaryGroupName(ofUser name: String) -> String? {
        getpwnam(name).map { groupName($0.pointee.pw_gid) ?? String($0.pointee.pw_gid) }
    }
}
