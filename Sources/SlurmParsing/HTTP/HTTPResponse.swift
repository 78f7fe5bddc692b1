/// One response: status, header fields (Content-Length and Connection are added when written)
/// and content.
public struct HTTPResponse: Sendable {
    public var status: HTTPStatus
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: HTTPStatus, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The response head: status line in the request's HTTP version (1.1 when unknown), the
    /// header fields, `Content-Length` of the content (HEAD included: the length GET would have),
    /// and `Connection: close` when the connection ends after this response.
    public func head(version: HTTPVersion = .http1_1, close: Bool) -> [UInt8] {
        var text = "HTTP/\(version.major).\(version.minor == 0 ? 0 : 1) \(status.code) \(status.reason)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if status.allowsContent { text += "Content-Length: \(body.count)\r\n" }
        if close { text += "Connection: close\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    /// Head and content as they go on the wire for `request` (nil: a request too broken to parse).
    public func serialize(for request: HTTPRequest?, close: Bool) -> [UInt8] {
        var out = head(version: request?.version ?? .http1_1, close: close)
        if status.allowsContent && request?.method != .HEAD { out += body }
        return out
    }

    /// The interim answer to `Expect: 100-continue`.
    public static let continueInterim: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}
