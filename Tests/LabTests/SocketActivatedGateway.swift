import Foundation
import XCTest

/// A gateway deployed the inetd way: `systemd-socket-activate --inetd -a` on a free loopback TCP port, one
/// process per connection. By default it is our executable (as alice, like the other lab tests);
/// `LAB_GATEWAY=original` puts the real slurmrestd of the cluster's release there instead, which proves a
/// test's own expectations against the oracle.
struct SocketActivatedGateway {
    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)" }

    static var runsOriginal: Bool { ProcessInfo.processInfo.environment["LAB_GATEWAY"] == "original" }

    /// Starts the gateway for `cluster`; it is stopped when `test` ends.
    static func start(_ lab: Lab, _ cluster: Lab.Cluster, for test: XCTestCase) throws -> SocketActivatedGateway {
        let server = runsOriginal
            ? ["/bin/bash", lab.repo.path + "/Tests/lab/lab.sh", "real-slurmrestd", cluster.rawValue]
            : ["/usr/bin/setpriv", "--reuid=alice", "--regid=alice", "--clear-groups", lab.executable.path,
               "-f", lab.conf(cluster)]
        let port = try freeLoopbackPort()
        let pid = try lab.spawn(["/usr/bin/systemd-socket-activate", "--inetd", "-a", "-l", "127.0.0.1:\(port)"] + server)
        test.addTeardownBlock {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        // Listening once a connection is accepted (the probe's gateway process sees end of input and exits).
        for _ in 0..<100 {
            if let probe = try? LoopbackConnection(port: port) {
                probe.close()
                return SocketActivatedGateway(port: port)
            }
            usleep(50_000)
        }
        throw LabError("systemd-socket-activate is not listening on port \(port)")
    }

    /// A port nothing listens on now: the kernel's choice for a socket bound to port 0.
    static func freeLoopbackPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LabError("socket: \(String(cString: strerror(errno)))") }
        defer { Glibc.close(fd) }
        var address = LoopbackConnection.address(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw LabError("bind: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A TCP connection to a loopback port, for writing requests as raw bytes (pipelined if wished) and reading
/// the responses back.
final class LoopbackConnection {
    private var fd: Int32
    private var received = Data()
    private var delivered = 0
    private var closedByPeer = false

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LabError("socket: \(String(cString: strerror(errno)))") }
        var address = Self.address(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else {
            let reason = String(cString: strerror(errno))
            close()
            throw LabError("connect to port \(port): \(reason)")
        }
    }

    deinit { close() }

    static func address(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7f00_0001).bigEndian
        return address
    }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Writes all of `bytes` (one write call when the kernel takes it whole).
    func send(_ bytes: String) throws {
        let data = Array(bytes.utf8)
        var offset = 0
        while offset < data.count {
            let n = data[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw LabError("send: \(String(cString: strerror(errno)))") }
            offset += n
        }
    }

    /// Reads until `count` more complete responses arrived (beyond those returned before), the peer closed,
    /// or `timeout` passed; returns those new responses (fewer if the peer closed first).
    func responses(_ count: Int, timeout: TimeInterval = 60) throws -> [ParsedResponse] {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let parsed = parseResponses(received).responses
            if parsed.count >= delivered + count || closedByPeer {
                let fresh = Array(parsed.dropFirst(delivered).prefix(count))
                delivered += fresh.count
                return fresh
            }
            let remaining = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            guard remaining > 0 else {
                throw LabError("timed out with \(parsed.count - delivered) of \(count) responses")
            }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, remaining) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { closedByPeer = true } else { received.append(contentsOf: buffer[0..<n]) }
        }
    }

    /// Whatever the peer sent after its last complete response.
    var trailingBytes: Data { parseResponses(received).rest }
}
