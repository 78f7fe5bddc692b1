import CMunge

/// auth/munge (plugin 101): a credential for this process's uid from the local munged, whose payload
/// is the K12 hash of the body, so the controller knows the body came with it.
public struct MungeAuthenticator: Authenticator {
    public static let pluginID: UInt32 = 101
    let socket: String?
    let ttl: Int32

    /// `authInfo` is slurm.conf's AuthInfo (`socket=`, `ttl=`).
    public init(authInfo: [String: String]) {
        socket = authInfo["socket"]
        ttl = authInfo["ttl"].flatMap { Int32($0) } ?? 0
    }

    public func authSection(body: [UInt8], messageType: UInt16) throws -> [UInt8] {
        let payload = SlurmMessageHash.k12(body: body, messageType: messageType)
        var credential: UnsafeMutablePointer<CChar>?
        let rc = payload.withUnsafeBytes { p in
            cmunge_encode(socket, ttl, -1, p.baseAddress, Int32(p.count), &credential)
        }
        guard rc == 0, let credential else {
            throw ControllerError.credential("munge: " + String(cString: cmunge_strerror(rc)))
        }
        defer { cmunge_free(credential) }
        var p = Packer(capacity: 256)
        p.u32(Self.pluginID)
        p.string(String(cString: credential))
        return p.bytes
    }
}
