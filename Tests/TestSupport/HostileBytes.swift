/// Hostile variants of a captured message, reproducible from a seed, for the decoding tests
/// (HostileReplyTests) and the decode-and-render tests (HostileRenderingTests).
public enum HostileBytes {
    /// Values a u32 may be forged to: the largest, NO_VAL, the largest signed, and zero.
    public static let forgedWords: [[UInt8]] = [[0xff, 0xff, 0xff, 0xff], [0xff, 0xff, 0xff, 0xfe], [0x7f, 0xff, 0xff, 0xff], [0, 0, 0, 0]]

    /// Calls `body` with the message with a forged word written at every `step`-th offset, the
    /// words taken in turn (so that each word lands on every kind of field, at a quarter of the
    /// cost of writing all four everywhere).
    public static func forEachForgedWord(_ bytes: [UInt8], step: Int, _ body: ([UInt8]) -> Void) {
        guard bytes.count >= 4 else { return }
        var forged = bytes
        for (n, offset) in stride(from: 0, through: bytes.count - 4, by: step).enumerated() {
            forged.replaceSubrange(offset..<(offset + 4), with: forgedWords[n % forgedWords.count])
            body(forged)
            forged.replaceSubrange(offset..<(offset + 4), with: bytes[offset..<(offset + 4)])
        }
    }

    /// Calls `body` with `count` variants, each with one to four random changes: a byte
    /// overwritten, or a few bytes dropped or inserted (which shifts every later field).
    public static func forEachRandomChange(_ bytes: [UInt8], seed: UInt64, count: Int, _ body: ([UInt8]) -> Void) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<count {
            var changed = bytes
            for _ in 0..<Int.random(in: 1...4, using: &random) where !changed.isEmpty {
                let at = Int.random(in: 0..<changed.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0:
                    changed.removeSubrange(at..<min(changed.count, at + Int.random(in: 1...8, using: &random)))
                case 1:
                    let inserted = (0..<Int.random(in: 1...8, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                    changed.insert(contentsOf: inserted, at: at)
                default:
                    changed[at] = UInt8.random(in: 0...255, using: &random)
                }
            }
            body(changed)
        }
    }
}

/// SplitMix64: a small seeded generator, so that a failing variant can be produced again.
public struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
