/// The HTTP/1.1 conversation of one connection as a state machine: the I/O loop feeds it what it
/// read and performs the action it returns. It never touches a file descriptor, so every decision
/// (pipelining, framing, limits, timeouts, when to close) is testable as a value.
///
/// Loop: `next()` → `.dispatch(request)`: answer it, then `responded(closing:)`;
/// `.sendContinue`: write `HTTPResponse.continueInterim`; `.reject(error, version)`: write the error
/// answer and close; `.needInput`: read, then `receive(_:)`, `endOfInput()` or `readTimedOut()`;
/// `.close`: end silently.
public struct HTTPConversation {
    public enum Action: Equatable {
        case dispatch(HTTPRequestBox)
        case sendContinue
        case reject(HTTPError, HTTPVersion?)
        case needInput
        case close
    }

    let limits: HTTPLimits
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already consumed by earlier requests.
    private var offset = 0
    private var state: State = .head
    private var inputEnded = false
    private var timedOut = false

    enum State {
        case head
        case body(HTTPHeadParser.Head, bodyStart: Int, chunks: ChunkedDecoder?, continueSent: Bool)
        /// A request was dispatched; waiting for the caller to say it was answered.
        case awaitingResponse
        case finished
    }

    public init(limits: HTTPLimits = HTTPLimits()) { self.limits = limits }

    public mutating func receive(_ bytes: [UInt8]) {
        if offset > 0 && offset == buffer.count { buffer.removeAll(keepingCapacity: true); offset = 0 }
        buffer.append(contentsOf: bytes)
    }

    public mutating func endOfInput() { inputEnded = true }
    public mutating func readTimedOut() { timedOut = true }

    /// The dispatched request was answered; `closing` when that answer ended the connection.
    public mutating func responded(closing: Bool) {
        state = closing ? .finished : .head
        if offset > 0 { buffer.removeFirst(offset); offset = 0 }
    }

    public mutating func next() -> Action {
        switch state {
        case .finished, .awaitingResponse:
            return .close
        case .head:
            return nextHead()
        case .body(let head, let bodyStart, let chunks, let continueSent):
            return nextBody(head, bodyStart: bodyStart, chunks: chunks, continueSent: continueSent)
        }
    }

    // MARK: - Head

    private mutating func nextHead() -> Action {
        // RFC 9112 §2.2: empty lines before a request line are ignored.
        while offset < buffer.count, buffer[offset] == UInt8(ascii: "\r") || buffer[offset] == UInt8(ascii: "\n") {
            offset += 1
        }
        let pending = buffer.count - offset
        if let end = headEnd() {
            let head: HTTPHeadParser.Head
            do {
                head = try HTTPHeadParser.parse(buffer[offset..<end.contentEnd], limits: limits)
            } catch {
                return fail(error, nil)
            }
            if case .length(let n) = head.framing, n > limits.body { return fail(.bodyTooLarge, head.request.version) }
            state = .body(head, bodyStart: end.next, chunks: head.framing == .chunked ? ChunkedDecoder() : nil,
                          continueSent: false)
            return next()
        }
        if pending > limits.headBytes { return fail(tooLargeHead(), nil) }
        if !buffer[offset...].contains(UInt8(ascii: "\n")), pending > limits.requestLine { return fail(tooLargeHead(), nil) }
        if pending == 0 && (inputEnded || timedOut) { state = .finished; return .close }
        if inputEnded { return fail(.truncatedHead, nil) }
        if timedOut { return fail(.requestTimeout, nil) }
        return .needInput
    }

    /// A request line with no end in sight is a long target (414); a long head is 431.
    private func tooLargeHead() -> HTTPError {
        let firstLine = buffer[offset...].prefix(while: { $0 != UInt8(ascii: "\n") })
        return firstLine.count > limits.requestLine && firstLine.contains(UInt8(ascii: " ")) ? .uriTooLong : .headersTooLarge
    }

    /// Where the head ends: the empty line (CRLF CRLF, or bare LFs) after the request line.
    private func headEnd() -> (contentEnd: Int, next: Int)? {
        var i = offset
        let limit = min(buffer.count, offset + limits.headBytes + 4)
        while i < limit {
            if buffer[i] == UInt8(ascii: "\n") {
                var j = i + 1
                if j < buffer.count && buffer[j] == UInt8(ascii: "\r") { j += 1 }
                if j < buffer.count && buffer[j] == UInt8(ascii: "\n") {
                    let contentEnd = (i > offset && buffer[i - 1] == UInt8(ascii: "\r")) ? i - 1 : i
                    return (contentEnd, j + 1)
                }
            }
            i += 1
        }
        return nil
    }

    // MARK: - Body

    private mutating func nextBody(_ head: HTTPHeadParser.Head, bodyStart: Int, chunks: ChunkedDecoder?,
                                   continueSent: Bool) -> Action {
        var request = head.request
        switch head.framing {
        case .none:
            offset = bodyStart
            return dispatch(request)
        case .length(let n):
            if buffer.count - bodyStart >= n {
                request.body = Array(buffer[bodyStart..<(bodyStart + n)])
                offset = bodyStart + n
                return dispatch(request)
            }
        case .chunked:
            var decoder = chunks!
            switch decoder.decode(buffer, from: bodyStart, limit: limits.body) {
            case .complete(let end):
                request.body = decoder.body
                offset = end
                return dispatch(request)
            case .failed(let error):
                return fail(error, request.version)
            case .needMore:
                state = .body(head, bodyStart: bodyStart, chunks: decoder, continueSent: continueSent)
            }
        }
        if inputEnded { return fail(.truncatedBody, request.version) }
        if timedOut { return fail(.requestTimeout, request.version) }
        if head.expectsContinue && !continueSent {
            state = .body(head, bodyStart: bodyStart, chunks: currentChunks, continueSent: true)
            return .sendContinue
        }
        return .needInput
    }

    private var currentChunks: ChunkedDecoder? {
        if case .body(_, _, let c, _) = state { return c }
        return nil
    }

    private mutating func dispatch(_ request: HTTPRequest) -> Action {
        state = .awaitingResponse
        return .dispatch(HTTPRequestBox(request))
    }

    private mutating func fail(_ error: HTTPError, _ version: HTTPVersion?) -> Action {
        state = .finished
        return .reject(error, version)
    }
}

/// Wraps a request so `Action` can be `Equatable` for tests without comparing bodies field by field.
public struct HTTPRequestBox: Equatable {
    public let request: HTTPRequest
    init(_ r: HTTPRequest) { request = r }
    public static func == (a: HTTPRequestBox, b: HTTPRequestBox) -> Bool {
        a.request.method == b.request.method && a.request.target == b.request.target
            && a.request.version == b.request.version && a.request.body == b.request.body
            && a.request.headers.fields.elementsEqual(b.request.headers.fields, by: { $0 == $1 })
    }
}
