#if canImport(Glibc)
import Glibc
#endif

/// Where one controller listens: a host name or address and its port(s).
public struct ControllerAddress: Sendable, Equatable {
    public var host: String
    public var ports: [UInt16]

    public init(host: String, ports: [UInt16]) {
        self.host = host
        self.ports = ports
    }
}

/// One RPC exchange over TCP: connect, send one frame, read one frame, close. Every step is bounded
/// by a deadline; failures say which step failed, because the caller's next move depends on it.
public enum ControllerTransport {
    /// Largest reply accepted (Slurm's own MAX_MSG_SIZE is 1 GiB).
    public static let maxReply = 1 << 30

    public static func exchange(_ frame: [UInt8], with controller: ControllerAddress,
                                timeouts: ControllerTimeouts) throws(ControllerError) -> [UInt8] {
        let fd = try connect(controller, timeoutMilliseconds: timeouts.connectMilliseconds)
        defer { close(fd) }
        let deadline = MonotonicClock.microseconds() + UInt64(timeouts.replyMilliseconds) * 1000
        try writeAll(fd, frame, deadline: deadline)
        let prefix = try readExactly(fd, 4, deadline: deadline, first: true)
        if prefix.elementsEqual("HTTP".utf8) { throw .notSlurmProtocol }
        let length = Int(UInt32(prefix[0]) << 24 | UInt32(prefix[1]) << 16 | UInt32(prefix[2]) << 8 | UInt32(prefix[3]))
        guard length <= maxReply else { throw .replyTooLarge }
        return try readExactly(fd, length, deadline: deadline, first: false)
    }

    /// Tries each address of the host on each port (starting at a per-process offset, so a port
    /// range spreads load as libslurm does) until one accepts.
    static func connect(_ controller: ControllerAddress, timeoutMilliseconds: Int32) throws(ControllerError) -> Int32 {
        var lastError = "no address"
        var timedOut = false
        let ports = controller.ports.isEmpty ? [6817] : controller.ports
        let start = Int(getpid()) % ports.count
        for i in 0..<ports.count {
            let port = ports[(start + i) % ports.count]
            var hints = addrinfo()
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
            hints.ai_flags = AI_NUMERICSERV
            var list: UnsafeMutablePointer<addrinfo>?
            let rc = getaddrinfo(controller.host, String(port), &hints, &list)
            guard rc == 0 else { lastError = "\(controller.host): \(String(cString: gai_strerror(rc)))"; continue }
            defer { freeaddrinfo(list) }
            var entry = list
            while let ai = entry {
                entry = ai.pointee.ai_next
                let fd = socket(ai.pointee.ai_family, ai.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue),
                                ai.pointee.ai_protocol)
                guard fd >= 0 else { lastError = String(cString: strerror(errno)); continue }
                if Glibc.connect(fd, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 { return fd }
                if errno == EINPROGRESS {
                    var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    let ready = poll(&p, 1, timeoutMilliseconds)
                    var soError: Int32 = 0
                    var len = socklen_t(MemoryLayout<Int32>.size)
                    if ready == 1, getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len) == 0, soError == 0 { return fd }
                    if ready == 0 { timedOut = true; lastError = "timed out" } else { lastError = String(cString: strerror(soError)) }
                } else {
                    lastError = String(cString: strerror(errno))
                }
                close(fd)
            }
        }
        if timedOut { throw .connectTimedOut }
        throw .connectFailed("\(controller.host): \(lastError)")
    }

    static func wait(_ fd: Int32, for events: Int16, until deadline: UInt64) throws(ControllerError) {
        while true {
            let now = MonotonicClock.microseconds()
            guard now < deadline else { throw .readTimedOut }
            var p = pollfd(fd: fd, events: events, revents: 0)
            let rc = poll(&p, 1, Int32(min((deadline - now) / 1000 + 1, UInt64(Int32.max))))
            if rc > 0 { return }
            if rc < 0 && errno != EINTR { throw .connectFailed(String(cString: strerror(errno))) }
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], deadline: UInt64) throws(ControllerError) {
        var offset = 0
        while offset < bytes.count {
            try wait(fd, for: Int16(POLLOUT), until: deadline)
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw .closedWithoutReply
            }
            offset += n
        }
    }

    /// Reads exactly `count` bytes. A peer that closes before sending anything (`first`) refused the
    /// request; one that stops part-way sent a broken reply.
    static func readExactly(_ fd: Int32, _ count: Int, deadline: UInt64, first: Bool) throws(ControllerError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            try wait(fd, for: Int16(POLLIN), until: deadline)
            let n = out.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + got, count - got, 0) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                if first && got == 0 && errno == ECONNRESET { throw .closedWithoutReply }
                throw .malformedReply("receive failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 {
                if first && got == 0 { throw .closedWithoutReply }
                throw .malformedReply("connection closed after \(got) of \(count) bytes")
            }
            got += n
        }
        return out
    }
}
