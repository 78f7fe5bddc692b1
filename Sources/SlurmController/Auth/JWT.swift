import SlurmParsing

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

/// Reads the user name claim of a bearer token without verifying it: slurmctld verifies every
/// token it is given; the gateway only reports who asked. Reading a claim is base64url and JSON,
/// so no crypto library is loaded for it.
public enum BearerToken {
    /// The `sun` claim (Slurm user name), else `username`; nil when the token does not decode.
    public static func userName(of token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = base64URLDecode(parts[1]),
              let claims = try? JSONReader.parse(payload) else { return nil }
        for claim in ["sun", "username"] {
            if case .string(let name)? = claims[claim] { return name }
        }
        return nil
    }

    /// RFC 4648 §5 without padding (padding tolerated).
    static func base64URLDecode(_ text: Substring) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for c in text.utf8 {
            let v: UInt8
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = c - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = c - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0") + 52
            case UInt8(ascii: "-"): v = 62
            case UInt8(ascii: "_"): v = 63
            case UInt8(ascii: "="): continue
            default: return nil
            }
            buffer = buffer << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((buffer >> UInt32(bits)) & 0xff))
            }
        }
        return out
    }
}
