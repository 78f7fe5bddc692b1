import SlurmParsing

/// How a request proves who it is, decided from its headers and the connection, before any routing.
public enum ClientIdentity: Equatable, Sendable {
    /// A JWT passed through to slurmctld, with the user name to act as (nil: the token's own user).
    case token(String, userName: String?)
    /// rest_auth/local: the UNIX-socket peer is our own uid; requests carry our munge credential.
    case local
}

/// The REST authentication plugins of the original, in the order they are tried.
public enum RESTAuthPlugin: String, Sendable {
    case local, jwt
}

public enum Authentication {
    public static let userNameHeader = "X-SLURM-USER-NAME"
    public static let userTokenHeader = "X-SLURM-USER-TOKEN"

    public enum Outcome: Equatable {
        case identified(ClientIdentity)
        /// No plugin could authenticate the request: answer 401 `Authentication failure`.
        case refused
    }

    /// Tries each plugin in order. rest_auth/jwt steps aside when the request carries none of its
    /// headers and fails when they are incomplete or contradictory (a user token and a bearer
    /// token together); rest_auth/local succeeds only when the peer check passed.
    public static func identify(_ headers: HTTPHeaders, plugins: [RESTAuthPlugin],
                                localPeerIsOwnUser: Bool) -> Outcome {
        for plugin in plugins {
            switch plugin {
            case .local:
                if localPeerIsOwnUser { return .identified(.local) }
            case .jwt:
                let token = headers[userTokenHeader]
                let authorization = headers["Authorization"]
                let userName = headers[userNameHeader]
                if token == nil && authorization == nil && userName == nil { continue }
                switch (token, authorization) {
                case (let t?, nil) where !t.isEmpty:
                    return .identified(.token(t, userName: userName))
                case (nil, let a?):
                    guard a.hasPrefix("Bearer "), case let t = String(a.dropFirst(7)), !t.isEmpty else { return .refused }
                    return .identified(.token(t, userName: userName))
                default:
                    return .refused
                }
            }
        }
        return .refused
    }
}
