/// Parses a complete request head (request line and header fields, RFC 9112 §3 and §5) and decides
/// how the body is framed. Pure: bytes in, a value or an `HTTPError` out.
enum HTTPHeadParser {
    /// How the message body is delimited (RFC 9112 §6.3).
    enum Framing: Equatable {
        case none
        case length(Int)
        case chunked
    }

    struct Head {
        var request: HTTPRequest
        var framing: Framing
        var expectsContinue: Bool
    }

    /// `head` is everything before the blank line that ends it, without that blank line.
    static func parse(_ head: ArraySlice<UInt8>, limits: HTTPLimits) throws(HTTPError) -> Head {
        var lines = splitLines(head)
        guard !lines.isEmpty else { throw .malformedRequestLine }
        let requestLine = lines.removeFirst()
        guard requestLine.count <= limits.requestLine else {
            throw requestLine.firstIndex(of: UInt8(ascii: " ")).map { _ in .uriTooLong } ?? .malformedRequestLine
        }
        var request = try parseRequestLine(requestLine, limits: limits)
        guard lines.count <= limits.headerFields else { throw .tooManyHeaderFields }
        for line in lines {
            let (name, value) = try parseField(line)
            request.headers.append(name, value)
        }
        let framing = try framing(request)
        let expectations = request.headers.tokens("Expect")
        for e in expectations where e != "100-continue" { throw .unsupportedExpectation(e) }
        if request.version.minor >= 1 {
            let hosts = request.headers.values("Host")
            if hosts.isEmpty { throw .missingHost }
            if hosts.count > 1 { throw .multipleHost }
        }
        return Head(request: request, framing: framing, expectsContinue: !expectations.isEmpty)
    }

    /// Lines end with CRLF or a bare LF (RFC 9112 §2.2 lets a recipient accept LF).
    static func splitLines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
    }

    static func parseRequestLine(_ line: ArraySlice<UInt8>, limits: HTTPLimits) throws(HTTPError) -> HTTPRequest {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else { throw .malformedRequestLine }
        guard parts[0].allSatisfy(isTokenByte) else { throw .invalidMethodToken }
        let methodText = String(decoding: parts[0], as: UTF8.self)
        guard let method = HTTPMethod(rawValue: methodText) else { throw .unknownMethod(methodText) }
        let version = try parseVersion(parts[2])
        guard parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7f }) else { throw .invalidTarget }
        let target = String(decoding: parts[1], as: UTF8.self)
        var pathAndQuery: Substring
        if target.hasPrefix("/") {
            pathAndQuery = Substring(target)
        } else if target == "*" && method == .OPTIONS {
            pathAndQuery = "*"
        } else if let scheme = ["http://", "https://"].first(where: { target.lowercased().hasPrefix($0) }) {
            // absolute-form: the path starts at the first slash after the authority.
            let rest = target.dropFirst(scheme.count)
            pathAndQuery = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        } else {
            throw .invalidTarget
        }
        if let hash = pathAndQuery.firstIndex(of: "#") { pathAndQuery = pathAndQuery[..<hash] }
        var query: String?
        var path = pathAndQuery
        if let q = pathAndQuery.firstIndex(of: "?") {
            path = pathAndQuery[..<q]
            query = String(pathAndQuery[pathAndQuery.index(after: q)...])
        }
        return HTTPRequest(method: method, target: target, path: String(path), query: query, version: version,
                           headers: HTTPHeaders())
    }

    /// `HTTP/1.0` and `HTTP/1.1` are served (a later 1.x is answered as 1.1); another major is 505.
    static func parseVersion(_ v: ArraySlice<UInt8>) throws(HTTPError) -> HTTPVersion {
        let b = Array(v)
        guard b.count == 8, b[0...4].elementsEqual("HTTP/".utf8), b[6] == UInt8(ascii: "."),
              isDigit(b[5]), isDigit(b[7]) else { throw .invalidVersion }
        let major = Int(b[5] - UInt8(ascii: "0")), minor = Int(b[7] - UInt8(ascii: "0"))
        guard major == 1 else { throw .unsupportedVersion(String(decoding: b, as: UTF8.self)) }
        return HTTPVersion(major: 1, minor: min(minor, 1))
    }

    static func parseField(_ line: ArraySlice<UInt8>) throws(HTTPError) -> (String, String) {
        guard let first = line.first else { throw .invalidHeaderField }
        if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { throw .obsoleteLineFolding }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { throw .invalidHeaderField }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty else { throw .invalidHeaderField }
        if name.last == UInt8(ascii: " ") || name.last == UInt8(ascii: "\t") { throw .whitespaceBeforeColon }
        guard name.allSatisfy(isTokenByte) else { throw .invalidHeaderField }
        var value = line[line.index(after: colon)...]
        while let f = value.first, f == UInt8(ascii: " ") || f == UInt8(ascii: "\t") { value = value.dropFirst() }
        while let l = value.last, l == UInt8(ascii: " ") || l == UInt8(ascii: "\t") { value = value.dropLast() }
        // field-value: visible characters, spaces, tabs and obs-text; no other control characters.
        guard value.allSatisfy({ $0 >= 0x20 && $0 != 0x7f || $0 == UInt8(ascii: "\t") }) else { throw .invalidHeaderField }
        return (String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self))
    }

    /// RFC 9112 §6.1-6.3, refusing every ambiguity a request smuggler could use.
    static func framing(_ request: HTTPRequest) throws(HTTPError) -> Framing {
        let transferEncodings = request.headers.tokens("Transfer-Encoding")
        let lengths = request.headers.values("Content-Length")
            .flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { String($0.filter { $0 != " " && $0 != "\t" }) }
        if !request.headers.values("Transfer-Encoding").isEmpty {
            if !lengths.isEmpty { throw .contentLengthWithTransferEncoding }
            if request.version.minor == 0 { throw .transferEncodingInHTTP10 }
            guard transferEncodings == ["chunked"] else {
                throw .unsupportedTransferEncoding(transferEncodings.joined(separator: ", "))
            }
            return .chunked
        }
        guard let firstLength = lengths.first else { return .none }
        guard lengths.allSatisfy({ $0 == firstLength }) else { throw .multipleContentLength }
        guard !firstLength.isEmpty, firstLength.count <= 18, firstLength.allSatisfy({ $0.isASCII && $0.isNumber }),
              let n = Int(firstLength) else { throw .invalidContentLength }
        return n == 0 ? .none : .length(n)
    }

    /// tchar of RFC 9110 §5.6.2.
    static func isTokenByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: "!#$%&'*+-.^_`|~".utf8.contains(c)
        }
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
}
