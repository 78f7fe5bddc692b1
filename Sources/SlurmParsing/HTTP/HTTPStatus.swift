/// A status code with its RFC 9110 §15 reason phrase.
public struct HTTPStatus: Sendable, Equatable {
    public let code: Int

    public init(code: Int) { self.code = code }

    public var reason: String {
        switch code {
        case 100: "Continue"
        case 200: "OK"
        case 204: "No Content"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 414: "URI Too Long"
        case 415: "Unsupported Media Type"
        case 417: "Expectation Failed"
        case 422: "Unprocessable Content"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default: "Status \(code)"
        }
    }

    /// 1xx, 204 and 304 responses never carry content (RFC 9110 §6.4.1).
    public var allowsContent: Bool { !(100..<200).contains(code) && code != 204 && code != 304 }
}
