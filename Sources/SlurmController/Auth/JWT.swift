import CJWT

/// auth/jwt (plugin 102): the caller's token and, optionally, the user to act as, passed through
/// for slurmctld to verify, as the original slurmrestd does. Nothing is hashed.
public struct JWTAuthenticator: Authenticator {
    public static let pluginID: UInt32 = 102
    public let token: String
    public let userName: String?

    public init(token: String, userName: String?) {
        self.token = token
        self.userName = userName
    }

    public func authSection(body: [UInt8], messageType: UInt16) throws -> [UInt8] {
        var p = Packer(capacity: token.utf8.count + 64)
        p.u32(Self.pluginID)
        p.string(token)
        p.string(userName)
        return p.bytes
    }
}

/// Reads claims of a bearer token without verifying it: slurmctld verifies every token it is given;
/// the gateway only needs the user name to report who asked.
public enum BearerToken {
    /// The `sun` claim (Slurm user name), else `username`; nil when the token does not decode.
    public static func userName(of token: String) -> String? {
        var jwt: OpaquePointer?
        guard jwt_decode(&jwt, token, nil, 0) == 0, let jwt else { return nil }
        defer { jwt_free(jwt) }
        for claim in ["sun", "username"] {
            if let value = jwt_get_grant(jwt, claim) { return String(cString: value) }
        }
        return nil
    }
}
