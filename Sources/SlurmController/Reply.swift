/// A controller's reply: a return code, or a message of some type to decode.
public struct Reply: Sendable {
    public enum Kind: Equatable, Sendable {
        /// RESPONSE_SLURM_RC or RESPONSE_SLURM_RC_MSG.
        case returnCode(Int32, String?)
        case message(UInt16)
    }

    public let header: ReplyHeader
    public let body: [UInt8]
    public let kind: Kind
    /// The layout the body is in: the header's version when we speak it, else the one we sent.
    let version: ProtocolVersion

    public init(_ bytes: [UInt8], sentVersion: ProtocolVersion) throws(ControllerError) {
        do {
            (header, body) = try ResponseFrame.decode(bytes)
            version = ProtocolVersion.supported.contains(header.version) ? header.version : sentVersion
            switch header.messageType {
            case MessageType.responseSlurmRC.rawValue:
                kind = .returnCode(try ReturnCode.decode(body, version: version).value, nil)
            case MessageType.responseSlurmRCMessage.rawValue:
                let m = try ReturnCodeMessage.decode(body, version: version)
                kind = .returnCode(m.value, m.message)
            default:
                kind = .message(header.messageType)
            }
        } catch {
            throw .malformedReply(error.description)
        }
    }

    /// For RPCs answered by a return code: succeed on 0, throw the Slurm error otherwise.
    public func expectSuccess() throws(ControllerError) {
        switch kind {
        case .returnCode(0, _): return
        case .returnCode(let rc, let text): throw .slurm(rc, text)
        case .message(let type): throw .malformedReply("unexpected \(MessageType.name(of: type)) instead of a return code")
        }
    }

    /// Decodes the expected message, or throws the error the controller answered instead.
    public func decode<M: WireMessage>(_ type: MessageType, as: M.Type) throws(ControllerError) -> M {
        switch kind {
        case .returnCode(let rc, let text): throw .slurm(rc, text)
        case .message(let t) where t == type.rawValue:
            do { return try M.decode(body, version: version) } catch { throw .malformedReply("\(type.name): \(error)") }
        case .message(let t):
            throw .malformedReply("unexpected \(MessageType.name(of: t)) instead of \(type.name)")
        }
    }
}
