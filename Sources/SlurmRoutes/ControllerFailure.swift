import SlurmController

extension SlurmErrorCode {
    /// The error code a failed controller call is reported with.
    public init(_ failure: ControllerError) {
        switch failure {
        case .slurm(let rc, _): self = .lookup(rc)
        case .credential: self = .authUnableToGenerateToken
        case .connectFailed: self = .controllerConnectionError
        case .connectTimedOut: self = .connectTimeout
        case .readTimedOut: self = .readTimeout
        case .closedWithoutReply, .notSlurmProtocol: self = .protocolVersionError
        case .rejectedCredential: self = .authenticationError
        case .malformedReply: self = .incompletePacket
        case .replyTooLarge: self = .insaneMessageLength
        case .notInRelease, .fieldsNotInRelease: self = .notSupported
        }
    }
}

extension EndpointResult {
    /// A complete error answer for `schema` when the controller call failed.
    static func failure<P>(_ schema: ResponseSchema<P>, _ context: RequestContext, _ failure: ControllerError,
                           source: String) -> EndpointResult {
        self.failure(schema, context, SlurmErrorCode(failure), description: failure.description, source: source)
    }

    /// A 200 answer carrying `payload`.
    static func success<P>(_ schema: ResponseSchema<P>, _ payload: P, _ envelope: Envelope) -> EndpointResult {
        EndpointResult(status: 200) { w in schema.render(payload, envelope, into: &w) }
    }

    /// A complete error answer for `schema`: the envelope with one error (the controller's, or one
    /// the gateway found itself: a name the controller does not know, a bad query parameter), and
    /// the schema's empty payload.
    static func failure<P>(_ schema: ResponseSchema<P>, _ context: RequestContext, _ code: SlurmErrorCode,
                           description: String, source: String) -> EndpointResult {
        var envelope = context.envelope
        envelope.errors.append(APIError(code, description: description, source: source))
        return EndpointResult(status: code.httpStatus) { w in schema.render(nil, envelope, into: &w) }
    }
}

extension RequestContext {
    /// Runs a handler's work and turns what it throws into the complete answer for `schema`: a
    /// refused query or body value (`InputError`) as a 4xx naming it, before anything was sent; a
    /// failed controller call (`ControllerError`) with Slurm's number, reported as from `source`.
    /// Handlers that treat some controller errors specially catch those themselves inside `work`.
    func answer<P>(_ schema: ResponseSchema<P>, source: String, _ work: () throws -> EndpointResult) -> EndpointResult {
        do {
            return try work()
        } catch let refused as InputError {
            return .rejected(schema, self, refused)
        } catch let failed as ControllerError {
            return .failure(schema, self, failed, source: source)
        } catch {
            return .failure(schema, self, .error, description: String(describing: error), source: source)
        }
    }
}
