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
    /// `contentLength` overrides the content's own count (a HEAD answer whose content was counted,
    /// not kept).
    public func head(version: HTTPVersion = .http1_1, close: Bool, contentLength: Int? = nil) -> [UInt8] {
        var text = "HTTP/\(version.major).\(version.minor == 0 ? 0 : 1) \(status.code) \(status.reason)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if status.allowsContent { text += "Content-Length: \(contentLength ?? body.count)\r\n" }
        if close { text += "Connection: close\r\n" }
        // HTTP/1.0 closes by default: a connection kept open must be said to be.
        else if version.minor == 0 { text += "Connection: keep-alive\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    /// Head and content as they go on the wire for `request` (nil: a request too broken to parse).
    public func serialize(for request: HTTPRequest?, close: Bool) -> [UInt8] {
        var out = head(version: request?.version ?? .http1_1, close: close)
        if status.allowsContent && request?.method != .HEAD { out += body }
        return out
    }

    /// The head of a response whose content is not known in advance: chunked for HTTP/1.1, and
    /// for HTTP/1.0 (which has no chunks) delimited by closing the connection.
    public func streamingHead(version: HTTPVersion, close: Bool) -> [UInt8] {
        var text = "HTTP/\(version.major).\(version.minor == 0 ? 0 : 1) \(status.code) \(status.reason)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if version.minor == 0 { text += "Connection: close\r\n" }
        else {
            text += "Transfer-Encoding: chunked\r\n"
            if close { text += "Connection: close\r\n" }
        }
        text += "\r\n"
        return Array(text.utf8)
    }

    /// One piece of streamed content in the framing `streamingHead` announced.
    public static func chunk(_ bytes: [UInt8], version: HTTPVersion) -> [UInt8] {
        if version.minor == 0 || bytes.isEmpty { return bytes }
        var out = Array((String(bytes.count, radix: 16) + "\r\n").utf8)
        out.reserveCapacity(out.count + bytes.count + 2)
        out += bytes
        out += [0x0d, 0x0a]
        return out
    }

    /// What ends streamed content: the last chunk for HTTP/1.1, nothing for HTTP/1.0 (the close does).
    public static func streamEnd(version: HTTPVersion) -> [UInt8] {
        version.minor == 0 ? [] : Array("0\r\n\r\n".utf8)
    }

    /// The interim answer to `Expect: 100-continue`.
    public static let continueInterim: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
}
