import SlurmParsing
import SlurmController

/// What a handler needs: the controller, the envelope it fills, and name lookups done by the caller.
public struct RequestContext {
    public var envelope: Envelope
    public let controller: ControllerClient
    /// Resolves a uid to a user name (the executable does the NSS lookup).
    public let userName: (UInt32) -> String
    public let query: [(String, String)]

    public init(envelope: Envelope, controller: ControllerClient, query: [(String, String)],
                userName: @escaping (UInt32) -> String) {
        self.envelope = envelope
        self.controller = controller
        self.query = query
        self.userName = userName
    }
}

/// A finished answer: status and a JSON body written by `render`.
public struct EndpointResult {
    public var status: Int
    public let render: (inout JSONWriter) -> Void

    public init(status: Int, render: @escaping (inout JSONWriter) -> Void) {
        self.status = status
        self.render = render
    }
}

/// One REST operation, declared once: method, path, its OpenAPI identity, and its handler.
public struct Operation {
    public let method: HTTPMethod
    /// The path as the spec lists it, e.g. `/slurm/v0.0.43/ping/`.
    public let path: String
    public let operationID: String
    public let summary: String
    public let responseDescription: String
    /// The schema of both the 200 and the default response, as in the original's spec.
    public let response: SchemaComponent
    /// Served but not listed in the document (the document's own paths, as in the original).
    public var hiddenFromSpec = false
    public let handle: (inout RequestContext) -> EndpointResult

    /// Path segments without the empty ones, the form paths are matched in.
    public var segments: [Substring] { path.split(separator: "/") }
}
