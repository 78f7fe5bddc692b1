/// Why a request cannot be served, one case per rule of RFC 9112 / RFC 9110 we enforce.
/// Each maps to a status, Slurm's closest error number, and a description in our words.
public enum HTTPError: Error, Sendable, Equatable {
    case malformedRequestLine
    case invalidMethodToken
    case unknownMethod(String)
    case invalidTarget
    case uriTooLong
    case unsupportedVersion(String)
    case invalidVersion
    case invalidHeaderField
    case obsoleteLineFolding
    case whitespaceBeforeColon
    case headersTooLarge
    case tooManyHeaderFields
    case missingHost
    case multipleHost
    case invalidContentLength
    case multipleContentLength
    case contentLengthWithTransferEncoding
    case unsupportedTransferEncoding(String)
    case transferEncodingInHTTP10
    case invalidChunk
    case bodyTooLarge
    case truncatedHead
    case truncatedBody
    case unsupportedExpectation(String)
    case requestTimeout

    public var status: Int {
        switch self {
        case .unknownMethod, .unsupportedTransferEncoding: 501
        case .uriTooLong: 414
        case .unsupportedVersion: 505
        case .headersTooLarge, .tooManyHeaderFields: 431
        case .bodyTooLarge: 413
        case .unsupportedExpectation: 417
        case .requestTimeout: 408
        default: 400
        }
    }

    /// (number, name) from slurm/slurm_errno.h.
    public var slurmError: (number: Int32, name: String) {
        switch self {
        case .malformedRequestLine, .invalidTarget, .truncatedHead, .truncatedBody:
            (12000, "ESLURM_HTTP_PARSING_FAILURE")
        case .invalidMethodToken, .unknownMethod: (12004, "ESLURM_HTTP_INVALID_METHOD")
        case .uriTooLong: (11008, "ESLURM_URL_INVALID_PATH")
        case .unsupportedVersion, .invalidVersion: (12011, "ESLURM_HTTP_UNSUPPORTED_VERSION")
        case .invalidHeaderField, .obsoleteLineFolding, .whitespaceBeforeColon, .missingHost, .multipleHost:
            (12006, "ESLURM_HTTP_INVALID_CHARACTER")
        case .headersTooLarge, .tooManyHeaderFields: (1008, "SLURM_PROTOCOL_INSANE_MSG_LENGTH")
        case .invalidContentLength, .multipleContentLength, .contentLengthWithTransferEncoding:
            (12007, "ESLURM_HTTP_INVALID_CONTENT_LENGTH")
        case .unsupportedTransferEncoding, .transferEncodingInHTTP10: (12008, "ESLURM_HTTP_INVALID_TRANSFER_ENCODING")
        case .invalidChunk: (12009, "ESLURM_HTTP_UNSUPPORTED_CHUNK_ENCODING")
        case .bodyTooLarge: (12016, "ESLURM_HTTP_CONTENT_LENGTH_TOO_LARGE")
        case .unsupportedExpectation: (12014, "ESLURM_HTTP_UNSUPPORTED_EXPECT")
        case .requestTimeout: (1023, "SLURM_COMMUNICATIONS_READ_TIMEOUT")
        }
    }

    public var description: String {
        switch self {
        case .malformedRequestLine: "The request line is not \"METHOD target HTTP/x.y\""
        case .invalidMethodToken: "The method is not a valid token"
        case .unknownMethod(let m): "Method \(m) is not implemented"
        case .invalidTarget: "The request target is not a valid path or absolute URI"
        case .uriTooLong: "The request target is too long"
        case .unsupportedVersion(let v): "\(v) is not supported; use HTTP/1.1"
        case .invalidVersion: "The HTTP version is malformed"
        case .invalidHeaderField: "A header field is malformed or holds control characters"
        case .obsoleteLineFolding: "Folded header lines (obs-fold) are not accepted"
        case .whitespaceBeforeColon: "Whitespace between a header field name and its colon"
        case .headersTooLarge: "The request head is too large"
        case .tooManyHeaderFields: "Too many header fields"
        case .missingHost: "HTTP/1.1 requests need a Host header field"
        case .multipleHost: "More than one Host header field"
        case .invalidContentLength: "Content-Length is not a number"
        case .multipleContentLength: "Conflicting Content-Length values"
        case .contentLengthWithTransferEncoding: "Both Content-Length and Transfer-Encoding are present"
        case .unsupportedTransferEncoding(let te): "Transfer-Encoding \(te) is not implemented; only chunked is"
        case .transferEncodingInHTTP10: "Transfer-Encoding is not allowed in HTTP/1.0"
        case .invalidChunk: "The chunked body is malformed"
        case .bodyTooLarge: "The request body is too large"
        case .truncatedHead: "The connection ended inside the request head"
        case .truncatedBody: "The connection ended before the whole body arrived"
        case .unsupportedExpectation(let e): "Expect: \(e) cannot be met; only 100-continue can"
        case .requestTimeout: "The request did not arrive in time"
        }
    }
}
