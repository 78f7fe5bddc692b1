/// Bounds on what one request may make us buffer.
public struct HTTPLimits: Sendable {
    /// Request line, including the target.
    public var requestLine = 8 * 1024
    /// The whole head: request line and header fields.
    public var headBytes = 64 * 1024
    public var headerFields = 100
    /// Content, after de-chunking (the original's limit).
    public var body = 50 * 1024 * 1024

    public init() {}
}
