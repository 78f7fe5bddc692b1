#if canImport(Glibc)
import Glibc
#endif
import SlurmParsing

/// The protocol version spoken on this connection: pinned by configuration, or learned from the
/// first controller exchange and then kept for the rest of the process (one HTTP connection).
public final class ProtocolVersionState: @unchecked Sendable {
    public private(set) var current: ProtocolVersion?

    public init(pinned: ProtocolVersion?) { current = pinned }

    func learn(_ v: ProtocolVersion) { current = v }
}

/// Speaks to slurmctld on behalf of one request: one credential, the controllers slurm.conf lists,
/// the version state of the connection. Each call is one RPC on one TCP connection.
public struct ControllerClient {
    public let controllerNames: [String]
    let controllers: [ControllerAddress]
    let authenticator: Authenticator
    let versionState: ProtocolVersionState
    let timeouts: ControllerTimeouts

    public init(conf: SlurmConf, authenticator: Authenticator, versionState: ProtocolVersionState) {
        controllerNames = conf.controllers.map(\.name)
        controllers = conf.controllers.map { ControllerAddress(host: $0.address ?? $0.name, ports: conf.slurmctldPorts) }
        self.authenticator = authenticator
        self.versionState = versionState
        timeouts = ControllerTimeouts(messageTimeoutSeconds: conf.messageTimeout)
    }

    /// A ping's outcome and how long it took, in microseconds.
    public struct PingOutcome: Sendable {
        public let result: Result<Void, ControllerError>
        public let microseconds: UInt64
    }

    /// REQUEST_PING to one controller only (0 = primary), as `scontrol ping` does for each.
    public func ping(controller index: Int) -> PingOutcome {
        let start = MonotonicClock.microseconds()
        let result: Result<Void, ControllerError>
        do {
            let reply = try call(.requestPing, body: { _ in [] }, only: index)
            result = Result { () throws(ControllerError) in try reply.expectSuccess() }
        } catch {
            result = .failure(error)
        }
        return PingOutcome(result: result, microseconds: MonotonicClock.microseconds() - start)
    }

    /// REQUEST_STATS_INFO (what `sdiag` shows).
    public func statistics() throws(ControllerError) -> StatsInfo {
        let reply = try call(.requestStatsInfo) { v in StatsInfoRequest(command: .get).encode(version: v) }
        return try reply.decode(.responseStatsInfo, as: StatsInfo.self)
    }

    /// REQUEST_LICENSE_INFO for every license.
    public func licenses() throws(ControllerError) -> LicenseInfo {
        let reply = try call(.requestLicenseInfo) { v in
            LicenseInfoRequest(lastUpdate: 0, showFlags: 0).encode(version: v)
        }
        return try reply.decode(.responseLicenseInfo, as: LicenseInfo.self)
    }

    /// Sends one request and returns the decoded reply frame, handling what every RPC shares:
    /// version discovery (at most one extra round trip), controller rate limiting (back off, retry),
    /// and fallback from the primary controller to its backups. A request that came with a later
    /// release (`since`) is not sent in an older version.
    func call(_ type: MessageType, since: ProtocolVersion = .v22_05,
              body: (ProtocolVersion) throws(ControllerError) -> [UInt8],
              only: Int? = nil) throws(ControllerError) -> Reply {
        var version = versionState.current ?? ProtocolVersion.supported[0]
        var mayRetryVersion = versionState.current == nil
        var backoffs = 0
        while true {
            // Not learned: a version reached by falling back after a silent close is a guess.
            guard version >= since else { throw .notInRelease(version) }
            let frame: [UInt8]
            let content = try body(version)
            do {
                frame = try RequestFrame.encode(version: version, messageType: type.rawValue, body: content,
                                                authenticator: authenticator)
            } catch {
                throw .credential(String(describing: error))
            }
            let reply: Reply
            do {
                reply = try exchange(frame, version: version, only: only)
            } catch let failure {
                if mayRetryVersion, let next = Self.versionAfterRejection(failure, sent: version) {
                    version = next
                    mayRetryVersion = false
                    continue
                }
                throw Self.finalFailure(failure, authenticator: authenticator)
            }
            if case .returnCode(let rc, _) = reply.kind {
                if rc == ControllerError.authenticationErrorNumber, mayRetryVersion,
                   reply.header.version != version, ProtocolVersion.supported.contains(reply.header.version) {
                    // 24.11 and 25.05 refuse an unsupported version with rc 1007 in their own version.
                    version = reply.header.version
                    mayRetryVersion = false
                    continue
                }
                if rc == Self.backoffErrorNumber, backoffs < Self.maxBackoffs {
                    backoffs += 1
                    sleep(UInt32(backoffs))
                    continue
                }
            }
            versionState.learn(version)
            return reply
        }
    }

    /// Sends a request that changes something: refused before sending when the controller's
    /// release cannot carry every field it sets (`ControllerError.fieldsNotInRelease`).
    func write<M: WireMessage>(_ type: MessageType, _ message: M, since: ProtocolVersion = .v22_05) throws(ControllerError) -> Reply {
        try call(type, since: since) { (v: ProtocolVersion) throws(ControllerError) in try message.encodeWhole(version: v) }
    }

    /// One exchange with the first controller that answers (or only with `only`).
    func exchange(_ frame: [UInt8], version: ProtocolVersion, only: Int?) throws(ControllerError) -> Reply {
        let targets = only.map { [controllers[$0]] } ?? controllers
        var lastFailure: ControllerError = .connectFailed("no controller configured")
        for (offset, controller) in targets.enumerated() {
            let bytes: [UInt8]
            do {
                bytes = try ControllerTransport.exchange(frame, with: controller, timeouts: timeouts)
            } catch {
                lastFailure = error
                if case .connectFailed = error, offset + 1 < targets.count { continue }
                if case .connectTimedOut = error, offset + 1 < targets.count { continue }
                throw error
            }
            let reply = try Reply(bytes, sentVersion: version)
            if case .returnCode(let rc, _) = reply.kind, Self.standbyErrorNumbers.contains(rc), offset + 1 < targets.count {
                continue
            }
            return reply
        }
        throw lastFailure
    }

    /// The version to try after a refusal of `sent`, when the refusal says which one to use:
    /// an HTTP text answer comes from a 25.11 controller (26.05 accepts our newest),
    /// a silent close from a 22.05 to 24.05 one (22.05, 23.02 and 23.11 accept 22.05's).
    static func versionAfterRejection(_ failure: ControllerError, sent: ProtocolVersion) -> ProtocolVersion? {
        switch failure {
        case .notSlurmProtocol where sent > .v25_11: .v25_11
        case .closedWithoutReply where sent > .v22_05: .v22_05
        default: nil
        }
    }

    /// A silent close after the version is settled means the credential was refused (22.05 does
    /// that for a bad token); for a munge credential it stays a protocol failure.
    static func finalFailure(_ failure: ControllerError, authenticator: Authenticator) -> ControllerError {
        if case .closedWithoutReply = failure, authenticator is JWTAuthenticator { return .rejectedCredential }
        return failure
    }

    static let backoffErrorNumber: Int32 = 1804
    static let maxBackoffs = 3
    /// ESLURM_IN_STANDBY_MODE and ESLURM_IN_STANDBY_USE_BACKUP: ask the next controller.
    static let standbyErrorNumbers: Set<Int32> = [2027, 2131]
}

/// Connect and reply deadlines, from slurm.conf's MessageTimeout as libslurm uses it.
public struct ControllerTimeouts: Sendable {
    public var connectMilliseconds: Int32
    public var replyMilliseconds: Int32

    public init(messageTimeoutSeconds: Int) {
        let ms = Int32(clamping: max(1, messageTimeoutSeconds) * 1000)
        connectMilliseconds = ms
        replyMilliseconds = ms
    }
}

/// Monotonic time, for latencies and deadlines.
public enum MonotonicClock {
    public static func microseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1000
    }

    public static func milliseconds() -> Int { Int(microseconds() / 1000) }
}
