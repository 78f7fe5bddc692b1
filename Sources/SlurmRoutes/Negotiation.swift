/// Content negotiation (RFC 9110 §12.5.1). Responses are JSON only.
public enum Negotiation {
    /// True when the Accept header is absent or names a media range that covers
    /// `application/json` with a non-zero quality.
    public static func acceptsJSON(_ accept: String?) -> Bool {
        guard let accept, !accept.allSatisfy({ $0 == " " || $0 == "\t" }) else { return true }
        for element in accept.split(separator: ",") {
            let params = element.split(separator: ";").map { $0.trimmingSpaces.lowercased() }
            guard let range = params.first else { continue }
            let quality = params.dropFirst().first(where: { $0.hasPrefix("q=") }).flatMap { Double($0.dropFirst(2)) } ?? 1
            if quality > 0, ["application/json", "application/*", "*/*"].contains(range) { return true }
        }
        return false
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
