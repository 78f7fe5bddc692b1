import SlurmParsing
import SlurmController

/// What a write operation that fails says: Slurm's error (its number sets the HTTP status), our
/// description of what failed, and where (the original's function, or the JSON path of a refused
/// value).
struct WriteFailure: Error {
    let code: SlurmErrorCode
    let description: String
    let source: String

    /// A refused body or query value: nothing was sent to the controller.
    init(_ refused: InputError) {
        code = refused.code
        description = refused.description
        source = refused.path
    }

    /// A controller refusal or failure, described as `what` failed plus the controller's own text.
    init(_ failed: ControllerError, _ what: String, source: String) {
        code = SlurmErrorCode(failed)
        if case .slurm(_, let text?) = failed, !text.isEmpty {
            description = "\(what): \(text)"
        } else if case .slurm = failed {
            description = what
        } else {
            description = "\(what): \(failed.description)"
        }
        self.source = source
    }

    init(_ code: SlurmErrorCode, _ description: String, source: String) {
        self.code = code
        self.description = description
        self.source = source
    }

    var apiError: APIError { APIError(code, description: description, source: source) }

    /// The same failure, caused by a name in the request's body (see `SlurmErrorCode.inRequestContent`).
    var inRequestContent: WriteFailure { WriteFailure(code.inRequestContent, description, source: source) }
}

/// Answers of the operations whose schema is `v0.0.43_openapi_resp` (node update and deletion,
/// reservation deletion, reconfigure): the envelope alone. The original's handlers dump nothing
/// there, so its generic code adds `errors`, `warnings` and then `meta`, in that order.
enum BareAnswer {
    static let component = ErrorResponse.schema.component

    static func result(_ envelope: Envelope, status: Int) -> EndpointResult {
        EndpointResult(status: status) { w in
            w.beginObject()
            w.key("errors"); APIError.arraySchema.render(envelope.errors, into: &w)
            w.key("warnings"); APIWarning.arraySchema.render(envelope.warnings, into: &w)
            w.key("meta"); Meta.schema.render(envelope.meta, into: &w)
            w.endObject()
        }
    }
}

extension RequestContext {
    /// Runs a write that answers with the envelope alone: 200 when `work` returns, else the
    /// failure it threw (with the warnings gathered so far).
    func bareAnswer(_ work: (inout Envelope) throws(WriteFailure) -> Void) -> EndpointResult {
        var envelope = self.envelope
        do throws(WriteFailure) {
            try work(&envelope)
            return BareAnswer.result(envelope, status: 200)
        } catch {
            envelope.errors.append(error.apiError)
            return BareAnswer.result(envelope, status: error.code.httpStatus)
        }
    }

    /// The JSON body read by `schema`; a refusal names the value.
    func decodeBody<Model>(_ schema: InputSchema<Model>) throws(WriteFailure) -> Model {
        do throws(InputError) {
            return try schema.decode(try requireBody())
        } catch {
            throw WriteFailure(error)
        }
    }
}
