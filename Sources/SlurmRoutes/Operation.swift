import SlurmParsing
import SlurmController

/// What a handler needs: the controller, the envelope it fills, and name lookups done by the caller.
public struct RequestContext {
    public var envelope: Envelope
    public let controller: ControllerClient
    /// Names of uids and gids (the executable does the lookups).
    public let accounts: AccountNames
    public let query: [(String, String)]
    /// Values of the path's `{name}` segments, decoded.
    public let pathParameters: [String: String]
    /// The parsed JSON body of an operation that takes one; nil when the request had none.
    public let body: JSONValue?

    public init(envelope: Envelope, controller: ControllerClient, query: [(String, String)],
                pathParameters: [String: String] = [:], body: JSONValue? = nil, accounts: AccountNames) {
        self.envelope = envelope
        self.controller = controller
        self.query = query
        self.pathParameters = pathParameters
        self.body = body
        self.accounts = accounts
    }

    /// Every value given for a query parameter, in order.
    public func queryValues(_ name: String) -> [String] { Query.values(name, in: query) }

    /// The last value given for a query parameter, if any.
    public func queryValue(_ name: String) -> String? { Query.value(name, in: query) }
}

/// A path or query parameter of an operation, as the spec lists it. Query values arrive as text.
public struct Parameter: Sendable {
    public enum Location: String, Sendable {
        case path, query
    }

    public let name: String
    public let location: Location
    public let description: String
    /// The accepted words, when the spec lists them.
    public let words: [String]?

    public static func path(_ name: String, _ description: String) -> Parameter {
        Parameter(name: name, location: .path, description: description, words: nil)
    }

    public static func query(_ name: String, _ description: String, words: [String]? = nil) -> Parameter {
        Parameter(name: name, location: .query, description: description, words: words)
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
///
/// The response and request schemas are given as expressions evaluated only when asked for (by the
/// OpenAPI document, or for the operation a request reached): building every schema of the table
/// costs a third of a process's work, and each process answers one connection.
public struct Operation {
    public let method: HTTPMethod
    /// The path as the spec lists it, e.g. `/slurm/v0.0.43/ping/`.
    public let path: String
    public let operationID: String
    public let summary: String
    public let responseDescription: String
    private let responseSchema: () -> SchemaComponent
    /// Path parameters (named `{like_this}` in `path`) and query parameters, in the spec's order.
    public var parameters: [Parameter]
    private let requestBodySchema: () -> RequestBody?
    /// Served but not listed in the document (the document's own paths, as in the original).
    public var hiddenFromSpec: Bool
    public let handle: (inout RequestContext) -> EndpointResult

    public init(method: HTTPMethod, path: String, operationID: String, summary: String, responseDescription: String,
                response: @autoclosure @escaping () -> SchemaComponent, parameters: [Parameter] = [],
                requestBody: @autoclosure @escaping () -> RequestBody? = nil, hiddenFromSpec: Bool = false,
                handle: @escaping (inout RequestContext) -> EndpointResult) {
        self.method = method
        self.path = path
        self.operationID = operationID
        self.summary = summary
        self.responseDescription = responseDescription
        responseSchema = response
        self.parameters = parameters
        requestBodySchema = requestBody
        self.hiddenFromSpec = hiddenFromSpec
        self.handle = handle
    }

    /// The schema of both the 200 and the default response, as in the original's spec.
    public var response: SchemaComponent { responseSchema() }

    /// The JSON body the operation reads, if any; the gateway refuses a body for the others.
    public var requestBody: RequestBody? { requestBodySchema() }

    /// Path segments without the empty ones, the form paths are matched in.
    public var segments: [Substring] { path.split(separator: "/") }

    /// Whether a path segment of the declaration stands for a parameter, e.g. `{job_id}`.
    static func parameterName(_ segment: Substring) -> Substring? {
        guard segment.first == "{", segment.last == "}" else { return nil }
        return segment.dropFirst().dropLast()
    }

    /// The path's parameter values when `segments` (decoded) fit the declaration, else nil.
    func bind(_ segments: [String]) -> [String: String]? {
        let own = self.segments
        guard own.count == segments.count else { return nil }
        var values: [String: String] = [:]
        for (declared, given) in zip(own, segments) {
            if let name = Self.parameterName(declared) { values[String(name)] = given }
            else if declared != given { return nil }
        }
        return values
    }
}
