/// The request methods of RFC 9110 §9. Any other token is answered 501 Not Implemented.
public enum HTTPMethod: String, Sendable, CaseIterable {
    case GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH
}
