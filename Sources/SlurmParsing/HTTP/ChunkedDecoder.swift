/// Incremental decoder of the chunked transfer coding (RFC 9112 §7.1): resumes where the previous
/// call stopped, so a large body arriving in many reads is scanned once. Chunk extensions are
/// ignored; trailer fields are read and discarded.
struct ChunkedDecoder {
    enum Outcome: Equatable {
        /// The body is complete; the next request starts at this buffer index.
        case complete(Int)
        case needMore
        case failed(HTTPError)
    }

    private enum Phase { case size, data(remaining: Int), dataEnd, trailer }

    private(set) var body: [UInt8] = []
    /// Buffer index where decoding resumes.
    private var position: Int?
    private var phase = Phase.size

    /// Longest chunk-size line (size, extensions) or trailer line we accept.
    static let maxLine = 4096

    mutating func decode(_ buffer: [UInt8], from start: Int, limit: Int) -> Outcome {
        var i = position ?? start
        defer { position = i }
        while true {
            switch phase {
            case .size:
                guard let (line, next) = Self.line(buffer, from: i) else {
                    return buffer.count - i > Self.maxLine ? .failed(.invalidChunk) : .needMore
                }
                let sizeText = line.prefix(while: { $0 != UInt8(ascii: ";") })
                    .filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
                guard !sizeText.isEmpty, sizeText.count <= 15,
                      let size = Int(String(decoding: sizeText, as: UTF8.self), radix: 16) else { return .failed(.invalidChunk) }
                guard body.count + size <= limit else { return .failed(.bodyTooLarge) }
                i = next
                phase = size == 0 ? .trailer : .data(remaining: size)
            case .data(let remaining):
                let available = min(remaining, buffer.count - i)
                body.append(contentsOf: buffer[i..<(i + available)])
                i += available
                if available < remaining { phase = .data(remaining: remaining - available); return .needMore }
                phase = .dataEnd
            case .dataEnd:
                guard let (line, next) = Self.line(buffer, from: i) else {
                    return buffer.count - i > 2 ? .failed(.invalidChunk) : .needMore
                }
                guard line.isEmpty else { return .failed(.invalidChunk) }
                i = next
                phase = .size
            case .trailer:
                guard let (line, next) = Self.line(buffer, from: i) else {
                    return buffer.count - i > Self.maxLine ? .failed(.invalidChunk) : .needMore
                }
                i = next
                if line.isEmpty { return .complete(i) }
            }
        }
    }

    /// The line starting at `from` without its CRLF (or bare LF), and where the next line starts.
    static func line(_ buffer: [UInt8], from: Int) -> (ArraySlice<UInt8>, Int)? {
        guard from <= buffer.count, let lf = buffer[from...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let end = (lf > from && buffer[lf - 1] == UInt8(ascii: "\r")) ? lf - 1 : lf
        return (buffer[from..<end], lf + 1)
    }
}
