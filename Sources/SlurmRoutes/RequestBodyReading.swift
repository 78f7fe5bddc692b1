import SlurmParsing

/// Decides what becomes of a request's body before the handler runs: parsed JSON for an operation
/// that takes a body, nothing for one that takes none, or an error naming what is wrong. Pure:
/// the gateway applies the outcome.
public enum RequestBodyReading {
    public enum Outcome {
        /// The handler gets this (nil: the request carried no body).
        case body(JSONValue?)
        case refused(SlurmErrorCode, description: String, source: String)
    }

    public static func read(_ body: [UInt8], contentType: String?, for operation: Operation) -> Outcome {
        guard operation.requestBody != nil else {
            if body.isEmpty { return .body(nil) }
            return .refused(.badRequest, description: "\(operation.method.rawValue) \(operation.path) takes no body",
                            source: "body")
        }
        if body.isEmpty { return .body(nil) }
        guard isJSON(contentType) else {
            let given = contentType.map { "\"\($0)\"" } ?? "no Content-Type"
            return .refused(.dataUnknownMimeType,
                            description: "The body must be application/json (UTF-8), not \(given)", source: "Content-Type")
        }
        do throws(JSONError) {
            return .body(try JSONReader.parse(body))
        } catch {
            return .refused(.restFailParsing, description: "\(error.message) (byte \(error.offset))", source: error.path)
        }
    }

    /// `application/json`, optionally with `charset=utf-8` (RFC 8259 allows only UTF-8).
    static func isJSON(_ contentType: String?) -> Bool {
        guard let contentType else { return false }
        let parts = contentType.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingSpaces.lowercased() }
        guard parts.first == "application/json" else { return false }
        return parts.dropFirst().allSatisfy { $0 == "charset=utf-8" || $0 == "charset=\"utf-8\"" }
    }
}
