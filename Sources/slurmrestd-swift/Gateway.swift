#if canImport(Glibc)
import Glibc
#endif
import SlurmParsing
import SlurmController
import SlurmRoutes

/// Turns one parsed request into one complete response: content negotiation, authentication,
/// routing, the controller call and rendering. Owns nothing but per-connection settings.
final class Gateway {
    let startup: Startup
    /// The controller's protocol version once known: pinned, or learned by the first RPC of this
    /// connection (each later request of the connection reuses it).
    let versionState: ProtocolVersionState

    init(_ startup: Startup) {
        self.startup = startup
        versionState = ProtocolVersionState(pinned: startup.pinnedVersion)
    }

    func answer(_ request: HTTPRequest) -> GatewayAnswer {
        switch decide(request) {
        case .complete(let response): return GatewayAnswer(response: response, render: nil)
        case .json(let code, let render):
            let status = HTTPStatus(code: code)
            // 304 (update_time with nothing new) has no content, so nothing to describe either.
            guard status.allowsContent else { return GatewayAnswer(response: HTTPResponse(status: status), render: nil) }
            return GatewayAnswer(response: HTTPResponse(status: status, headers: [("Content-Type", "application/json")]),
                                 render: render)
        }
    }

    /// What a request gets: a finished response (errors, refusals), or a JSON document still to be
    /// written, which the server writes as it is rendered.
    enum Decision {
        case complete(HTTPResponse)
        case json(status: Int, (inout JSONWriter) -> Void)
    }

    func decide(_ request: HTTPRequest) -> Decision {
        guard Negotiation.acceptsJSON(request.headers["Accept"]) else {
            return .complete(errorResponse(.notAcceptable, description: "Only application/json responses are available",
                                           source: "Accept", identity: nil))
        }
        let identity: ClientIdentity
        switch Authentication.identify(request.headers, plugins: startup.authPlugins,
                                       localPeerIsOwnUser: startup.peer.isOwnUserOverUnixSocket) {
        case .refused: return .complete(Self.authenticationFailure)
        case .identified(let id): identity = id
        }
        let operation: Operation
        let pathParameters: [String: String]
        switch RouteTable.match(method: request.method, path: request.path) {
        case .notFound:
            return .complete(errorResponse(.unknownURL, description: "No endpoint at \(request.path)",
                                           source: request.path, identity: identity))
        case .methodNotAllowed(let allowed):
            var response = errorResponse(.unknownURLMethod,
                                         description: "\(request.method.rawValue) is not allowed on \(request.path)",
                                         source: request.path, identity: identity)
            response.headers.append(("Allow", allowed.map(\.rawValue).joined(separator: ", ")))
            return .complete(response)
        case .operation(let op, let values): (operation, pathParameters) = (op, values)
        }
        let body: JSONValue?
        switch RequestBodyReading.read(request.body, contentType: request.headers["Content-Type"], for: operation) {
        case .body(let parsed): body = parsed
        case .refused(let code, let description, let source):
            return .complete(errorResponse(code, description: description, source: source, identity: identity))
        }
        let client = ControllerClient(conf: startup.conf, authenticator: authenticator(for: identity),
                                      versionState: versionState)
        var context = RequestContext(envelope: envelope(for: identity), controller: client,
                                     query: Query.pairs(request.query), pathParameters: pathParameters, body: body,
                                     accounts: AccountNames(user: Accounts.userName, group: Accounts.groupName,
                                                           userID: Accounts.userID))
        // As the original, operations that read a query say which parameters they ignored; the
        // others (ping, diag, licenses) read none and say nothing.
        let known = Set(operation.parameters.lazy.filter { $0.location == .query }.map(\.name))
        if !known.isEmpty {
            for (key, _) in context.query where !known.contains(key) {
                context.envelope.warnings.append(APIWarning(description: "Ignoring unknown query parameter \"\(key)\"",
                                                            source: "#/\(key)/"))
            }
        }
        let result = operation.handle(&context)
        if result.status == 401 { return .complete(Self.authenticationFailure) }
        return .json(status: result.status, result.render)
    }

    /// The original's terse answer to any missing or refused credential.
    static let authenticationFailure = HTTPResponse(
        status: HTTPStatus(code: 401), headers: [("Content-Type", "text/plain")],
        body: Array("Authentication failure".utf8))

    func authenticator(for identity: ClientIdentity) -> Authenticator {
        switch identity {
        case .token(let token, let userName): JWTAuthenticator(token: token, userName: userName)
        case .local: MungeAuthenticator(authInfo: startup.conf.authInfo)
        }
    }

    func envelope(for identity: ClientIdentity?) -> Envelope {
        let user: String
        switch identity {
        case .token(let token, let userName)?: user = userName ?? BearerToken.userName(of: token) ?? ""
        case .local?: user = Accounts.userName(getuid()) ?? String(getuid())
        case nil: user = ""
        }
        let group = user.isEmpty ? "" : (Accounts.primaryGroupName(ofUser: user) ?? "")
        return Envelope(meta: Meta(accountingStorage: startup.conf.accountingStorageType ?? "",
                                   clientSource: startup.peer.source, clientUser: user, clientGroup: group,
                                   cluster: startup.conf.clusterName ?? ""))
    }

    func errorResponse(_ code: SlurmErrorCode, description: String, source: String,
                       identity: ClientIdentity?) -> HTTPResponse {
        var envelope = envelope(for: identity)
        envelope.errors.append(APIError(code, description: description, source: source))
        return json(status: code.httpStatus) { w in ErrorResponse.render(envelope, into: &w) }
    }

    /// A JSON document written whole (error envelopes, which are small).
    func json(status: Int, _ render: (inout JSONWriter) -> Void) -> HTTPResponse {
        var writer = JSONWriter(pretty: !startup.options.compactJSON)
        render(&writer)
        return HTTPResponse(status: HTTPStatus(code: status), headers: [("Content-Type", "application/json")],
                            body: writer.takeBytes())
    }
}

extension Gateway {
    /// The answer to a request the HTTP layer refused: the JSON envelope naming the rule broken.
    func reject(_ error: HTTPError) -> HTTPResponse {
        let (number, name) = error.slurmError
        let code = SlurmErrorCode(number, name, error.description, httpStatus: error.status)
        return errorResponse(code, description: error.description, source: "HTTP request", identity: nil)
    }
}

/// A response head and, for JSON documents, the function that writes the content.
struct GatewayAnswer {
    var response: HTTPResponse
    let render: ((inout JSONWriter) -> Void)?
}
