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
                let response = gateway.answer(request)
                if startup.options.verbosity > 0 {
                    FileSystem.write(2, "slurmrestd-swift: \(startup.peer.source) \(request.method.rawValue) \(request.path) "
                                     + "\(response.status.code) \(MonotonicClock.milliseconds() - started) ms\n")
                }
                let closing = !request.keepAlive
                guard FileSystem.write(1, response.serialize(for: request, close: closing)) else { return 0 }
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
}

