/// One complete request: request line, header fields and the (de-chunked) body.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The request-target as received.
    public var target: String
    /// The path of the target (absolute-form targets reduced to theirs), not percent-decoded.
    public var path: String
    /// Text after `?`, without a fragment.
    public var query: String?
    public var version: HTTPVersion
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(method: HTTPMethod, target: String, path: String, query: String?, version: HTTPVersion,
                headers: HTTPHeaders, body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.path = path
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// RFC 9112 §9.3: HTTP/1.1 stays open unless `Connection: close`; HTTP/1.0 closes unless
    /// `Connection: keep-alive`.
    public var keepAlive: Bool {
        let tokens = headers.tokens("Connection")
        if tokens.contains("close") { return false }
        if version.minor == 0 { return tokens.contains("keep-alive") }
        return true
    }
}
