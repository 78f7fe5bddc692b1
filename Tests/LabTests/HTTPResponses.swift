import Foundation

/// One response read back from a byte stream.
struct ParsedResponse {
    let version: String
    let status: Int
    let headers: [(String, String)]
    let body: Data

    func header(_ name: String) -> String? {
        headers.first(where: { $0.0.caseInsensitiveCompare(name) == .orderedSame })?.1
    }

    var json: Any? { try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) }
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Splits a stream of HTTP responses. `rest` holds whatever followed the last complete response
/// (the original slurmrestd writes stray bytes there; we must write nothing).
func parseResponses(_ data: Data, headRequest: Bool = false) -> (responses: [ParsedResponse], rest: Data) {
    var responses: [ParsedResponse] = []
    var bytes = [UInt8](data)
    let crlfcrlf: [UInt8] = [13, 10, 13, 10]
    while let end = find(crlfcrlf, in: bytes) {
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let status = Int(statusLine[1]) else { break }
        let headers = lines.map { line -> (String, String) in
            let p = line.split(separator: ":", maxSplits: 1)
            return (String(p[0]), p.count > 1 ? p[1].trimmingCharacters(in: .whitespaces) : "")
        }
        let bodyStart = end + 4
        let noContent = headRequest || status == 204 || status == 304 || status < 200
        let chunked = headers.contains { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased() == "chunked" }
        if chunked && !noContent {
            // Long answers are streamed in chunks (docs/compatibility.md).
            guard let (body, next) = dechunk(bytes, from: bodyStart) else { break }
            responses.append(ParsedResponse(version: String(statusLine[0]), status: status, headers: headers, body: Data(body)))
            bytes = Array(bytes[next...])
            continue
        }
        let length = headers.first(where: { $0.0.lowercased() == "content-length" }).flatMap { Int($0.1) } ?? 0
        let bodyLength = noContent ? 0 : length
        guard bytes.count >= bodyStart + bodyLength else { break }
        responses.append(ParsedResponse(version: String(statusLine[0]), status: status, headers: headers,
                                        body: Data(bytes[bodyStart..<(bodyStart + bodyLength)])))
        bytes = Array(bytes[(bodyStart + bodyLength)...])
    }
    return (responses, Data(bytes))
}

/// A chunked body starting at `start` (no trailer fields): its content and where the next
/// response starts; nil when the body is incomplete or malformed.
private func dechunk(_ bytes: [UInt8], from start: Int) -> ([UInt8], Int)? {
    var body: [UInt8] = []
    var i = start
    while true {
        guard let lineEnd = find([13, 10], in: bytes, from: i),
              let size = Int(String(decoding: bytes[i..<lineEnd], as: UTF8.self), radix: 16) else { return nil }
        i = lineEnd + 2
        guard bytes.count >= i + size + 2, bytes[i + size] == 13, bytes[i + size + 1] == 10 else { return nil }
        if size == 0 { return (body, i + 2) }
        body += bytes[i..<(i + size)]
        i += size + 2
    }
}

private func find(_ needle: [UInt8], in hay: [UInt8], from start: Int = 0) -> Int? {
    guard hay.count - start >= needle.count else { return nil }
    for i in start...(hay.count - needle.count) where hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) {
        return i
    }
    return nil
}
