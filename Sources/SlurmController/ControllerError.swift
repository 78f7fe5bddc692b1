/// Why a controller call did not produce the expected reply.
public enum ControllerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The controller answered with a Slurm error number (RESPONSE_SLURM_RC or _RC_MSG).
    case slurm(Int32, String?)
    /// No credential could be made (munged down, ...).
    case credential(String)
    /// No configured controller accepted a connection.
    case connectFailed(String)
    case connectTimedOut
    case readTimedOut
    /// The controller closed the connection without a reply: it refused our protocol version,
    /// or (22.05 and older) our credential.
    case closedWithoutReply
    /// The controller answered with something that is not a Slurm frame: 25.11 and later answer an
    /// unsupported protocol version with an HTTP error text.
    case notSlurmProtocol
    /// The controller refused the credential (bad or expired token, unknown user).
    case rejectedCredential
    case malformedReply(String)
    case replyTooLarge
    /// The request came with a later release than the protocol version this controller speaks, so
    /// it was not sent (older controllers close the connection on an unknown message, which would
    /// read as a refused credential).
    case notInRelease(ProtocolVersion)
    /// The request sets fields the controller's release does not carry (named as on the wire); it
    /// was not sent, since the controller would act on the rest alone.
    case fieldsNotInRelease([String], ProtocolVersion)

    /// SLURM_PROTOCOL_AUTHENTICATION_ERROR, as 24.11 and later answer a refused credential.
    public static let authenticationErrorNumber: Int32 = 1007

    /// True when the caller's credential, not the controller, is at fault.
    public var isCredentialRejection: Bool {
        switch self {
        case .rejectedCredential: true
        case .slurm(let rc, _): rc == Self.authenticationErrorNumber
        default: false
        }
    }

    public var description: String {
        switch self {
        case .slurm(let rc, let message): message.map { "Slurm error \(rc): \($0)" } ?? "Slurm error \(rc)"
        case .credential(let why): "Unable to create a credential: \(why)"
        case .connectFailed(let why): "Unable to contact the controller: \(why)"
        case .connectTimedOut: "Connecting to the controller timed out"
        case .readTimedOut: "The controller did not answer in time"
        case .closedWithoutReply: "The controller closed the connection without answering (protocol version not accepted)"
        case .notSlurmProtocol: "The controller did not answer in Slurm's protocol (protocol version not accepted)"
        case .rejectedCredential: "The controller rejected the credential"
        case .malformedReply(let why): "Malformed reply from the controller: \(why)"
        case .replyTooLarge: "The controller's reply is too large"
        case .notInRelease(let version): "The controller speaks Slurm \(version.release)'s protocol, which lacks this request"
        case .fieldsNotInRelease(let fields, let version):
            "The controller speaks Slurm \(version.release)'s protocol, which has no place for: \(fields.joined(separator: ", "))"
        }
    }
}
