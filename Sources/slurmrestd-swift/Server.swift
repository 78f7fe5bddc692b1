#if canImport(Glibc)
import Glibc
#endif
import SlurmParsing
import SlurmController

/// The thin I/O shell: reads stdin, feeds the conversation, performs its actions on stdout.
/// Every decision is the conversation's or the gateway's; this only moves bytes and keeps time.
struct Server {
    let startup: Startup
    let gateway: Gateway

    init(_ startup: Startup) {
        self.startup = startup
        gateway = Gateway(startup)
    }

    /// Serves the connection; returns the process exit status.
    func run() -> Int32 {
        var conversation = HTTPConversation()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        // Each request, and each wait for the next one, must complete within the read timeout: a
        // client trickling bytes cannot hold the process longer than a silent one.
        let timeout = startup.options.readTimeoutSeconds * 1000
        var deadline = MonotonicClock.milliseconds() + timeout
        while true {
            switch conversation.next() {
            case .dispatch(let box):
                let request = box.request
                let started = MonotonicClock.milliseconds()
                let answer = gateway.answer(request)
                var closing = !request.keepAlive
                let sent = send(answer, for: request, closing: &closing)
                if startup.options.verbosity > 0 {
                    FileSystem.write(2, "slurmrestd-swift: \(startup.peer.source) \(request.method.rawValue) \(request.path) "
                                     + "\(answer.response.status.code) \(MonotonicClock.milliseconds() - started) ms\n")
                }
                guard sent else { return 0 }
                conversation.responded(closing: closing)
                deadline = MonotonicClock.milliseconds() + timeout
            case .sendContinue:
                guard FileSystem.write(1, HTTPResponse.continueInterim) else { return 0 }
            case .reject(let error, let version):
                let response = gateway.reject(error)
                if startup.options.verbosity > 0 {
                    FileSystem.write(2, "slurmrestd-swift: \(startup.peer.source) rejected: \(error.description) (\(error.status))\n")
                }
                FileSystem.write(1, response.head(version: version ?? .http1_1, close: true) + response.body)
                FileSystem.lingeringClose()
                return 0
            case .close:
                return 0
            case .needInput:
                let remaining = deadline - MonotonicClock.milliseconds()
                if remaining <= 0 { conversation.readTimedOut(); continue }
                var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
                let ready = poll(&p, 1, Int32(remaining))
                if ready == 0 { conversation.readTimedOut(); continue }
                if ready < 0 { if errno == EINTR { continue }; conversation.endOfInput(); continue }
                let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    conversation.endOfInput()
                } else if n == 0 {
                    conversation.endOfInput()
                } else {
                    conversation.receive(Array(chunk[0..<n]))
                }
            }
        }
    }

    /// Writes one answer. A document that fits in one buffer goes out with a Content-Length, as
    /// every small answer does; a longer one is written while it is rendered, in chunks (or, for
    /// HTTP/1.0, until the connection closes, which sets `closing`). HEAD gets the length GET
    /// would have, counted without keeping the content. Returns false when the client is gone.
    func send(_ answer: GatewayAnswer, for request: HTTPRequest, closing: inout Bool) -> Bool {
        var response = answer.response
        guard let render = answer.render else {
            return FileSystem.write(1, response.serialize(for: request, close: closing))
        }
        var writer = JSONWriter(pretty: !startup.options.compactJSON)
        var streamed = false, clientGone = false, counted = 0
        let version = request.version
        let close = closing
        if request.method == .HEAD {
            writer.spill = { counted += $0.count }
        } else {
            // Answers without content (304) come with no render: the gateway drops it.
            writer.spill = { bytes in
                guard !clientGone else { return }
                var out = streamed ? [] : response.streamingHead(version: version, close: close)
                streamed = true
                out += HTTPResponse.chunk(bytes, version: version)
                if !FileSystem.write(1, out) { clientGone = true }
            }
        }
        render(&writer)
        if streamed {
            if version.minor == 0 { closing = true }
            guard !clientGone else { return false }
            return FileSystem.write(1, HTTPResponse.chunk(writer.takeBytes(), version: version)
                                    + HTTPResponse.streamEnd(version: version))
        }
        if request.method == .HEAD {
            let rest = writer.takeBytes().count
            return FileSystem.write(1, response.head(version: version, close: closing, contentLength: counted + rest))
        }
        response.body = writer.takeBytes()
        return FileSystem.write(1, response.serialize(for: request, close: closing))
    }
}
