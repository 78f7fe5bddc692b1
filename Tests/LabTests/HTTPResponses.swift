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
        let length = headers.first(where: { $0.0.lowercased() == "content-length" }).flatMap { Int($0.1) } ?? 0
        let bodyStart = end + 4
        let bodyLength = (headRequest || status == 204 || status == 304 || status < 200) ? 0 : length
        guard bytes.count >= bodyStart + bodyLength else { break }
        responses.append(ParsedResponse(version: String(statusLine[0]), status: status, headers: headers,
                                        body: Data(bytes[bodyStart..<(bodyStart + bodyLength)])))
        bytes = Array(bytes[(bodyStart + bodyLength)...])
    }
    return (responses, Data(bytes))
}

private func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
    guard hay.count >= needle.count else { return nil }
    for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && Array(hay[i..<(i + needle.count)]) == needle {
        return i
    }
    return nil
}
