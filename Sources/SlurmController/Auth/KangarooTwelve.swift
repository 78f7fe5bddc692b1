/// KangarooTwelve (KT128, RFC 9861): the hash Slurm's auth/munge credentials carry over each
/// message body (hash/k12), so slurmctld can check the body was not swapped.
public enum KangarooTwelve {
    static let rate = 168
    static let chunkSize = 8192

    /// KT128(message, customization) with `outputLength` bytes of output.
    public static func hash(_ message: [UInt8], customization: [UInt8] = [], outputLength: Int = 32) -> [UInt8] {
        // S = M || C || length_encode(|C|)
        var s = message
        s.append(contentsOf: customization)
        s.append(contentsOf: lengthEncode(customization.count))
        if s.count <= chunkSize {
            return turboSHAKE128(s[...], separator: 0x07, outputLength: outputLength)
        }
        // Tree mode: the first chunk, then the chaining values of the others.
        var node = Array(s[0..<chunkSize])
        node.append(contentsOf: [0x03, 0, 0, 0, 0, 0, 0, 0])
        var chunks = 0
        var start = chunkSize
        while start < s.count {
            let end = min(start + chunkSize, s.count)
            node.append(contentsOf: turboSHAKE128(s[start..<end], separator: 0x0b, outputLength: 32))
            chunks += 1
            start = end
        }
        node.append(contentsOf: lengthEncode(chunks))
        node.append(contentsOf: [0xff, 0xff])
        return turboSHAKE128(node[...], separator: 0x06, outputLength: outputLength)
    }

    /// The big-endian bytes of `x` without leading zeros, then their count.
    static func lengthEncode(_ x: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var v = x
        while v > 0 { bytes.insert(UInt8(v & 0xff), at: 0); v >>= 8 }
        bytes.append(UInt8(bytes.count))
        return bytes
    }

    /// TurboSHAKE128: Keccak-p[1600, 12] sponge with rate 168 and domain separator `separator`.
    static func turboSHAKE128(_ input: ArraySlice<UInt8>, separator: UInt8, outputLength: Int) -> [UInt8] {
        var state = KeccakState()
        input.withUnsafeBytes { raw in
            var position = 0
            while raw.count - position >= rate {
                state.absorbBlock(raw, at: position)
                state.permute()
                position += rate
            }
            // The last, partial block: remaining bytes, the separator, and the final bit.
            var block = [UInt8](repeating: 0, count: rate)
            for i in 0..<(raw.count - position) { block[i] = raw[position + i] }
            block[raw.count - position] ^= separator
            block[rate - 1] ^= 0x80
            block.withUnsafeBytes { state.absorbBlock($0, at: 0) }
            state.permute()
        }
        var out: [UInt8] = []
        out.reserveCapacity(outputLength)
        while true {
            state.squeeze(into: &out, count: min(rate, outputLength - out.count))
            if out.count == outputLength { return out }
            state.permute()
        }
    }
}

/// The 25 lanes of Keccak's 1600-bit state.
struct KeccakState {
    var lanes = [UInt64](repeating: 0, count: 25)

    /// XORs one 168-byte block (21 little-endian lanes) into the state.
    mutating func absorbBlock(_ raw: UnsafeRawBufferPointer, at position: Int) {
        lanes.withUnsafeMutableBufferPointer { a in
            for i in 0..<21 {
                a[i] ^= UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position + 8 * i, as: UInt64.self))
            }
        }
    }

    func squeeze(into out: inout [UInt8], count: Int) {
        for i in 0..<count { out.append(UInt8(truncatingIfNeeded: lanes[i / 8] >> (8 * UInt64(i % 8)))) }
    }

    /// The last 12 rounds of Keccak-f[1600].
    static let roundConstants: [UInt64] = [
        0x0000_0000_8000_808b, 0x8000_0000_0000_008b, 0x8000_0000_0000_8089, 0x8000_0000_0000_8003,
        0x8000_0000_0000_8002, 0x8000_0000_0000_0080, 0x0000_0000_0000_800a, 0x8000_0000_8000_000a,
        0x8000_0000_8000_8081, 0x8000_0000_0000_8080, 0x0000_0000_8000_0001, 0x8000_0000_8000_8008,
    ]
    /// Rotation of each lane, in the order the pi step visits them.
    static let rotations: [UInt64] = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44]
    static let piLanes: [Int] = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1]

    mutating func permute() {
        lanes.withUnsafeMutableBufferPointer { a in
            var c = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
            for round in 0..<12 {
                // theta
                c.0 = a[0] ^ a[5] ^ a[10] ^ a[15] ^ a[20]
                c.1 = a[1] ^ a[6] ^ a[11] ^ a[16] ^ a[21]
                c.2 = a[2] ^ a[7] ^ a[12] ^ a[17] ^ a[22]
                c.3 = a[3] ^ a[8] ^ a[13] ^ a[18] ^ a[23]
                c.4 = a[4] ^ a[9] ^ a[14] ^ a[19] ^ a[24]
                let d0 = c.4 ^ Self.rotl(c.1, 1), d1 = c.0 ^ Self.rotl(c.2, 1), d2 = c.1 ^ Self.rotl(c.3, 1)
                let d3 = c.2 ^ Self.rotl(c.4, 1), d4 = c.3 ^ Self.rotl(c.0, 1)
                for y in stride(from: 0, to: 25, by: 5) {
                    a[y] ^= d0; a[y + 1] ^= d1; a[y + 2] ^= d2; a[y + 3] ^= d3; a[y + 4] ^= d4
                }
                // rho and pi
                var current = a[1]
                for i in 0..<24 {
                    let j = Self.piLanes[i]
                    let next = a[j]
                    a[j] = Self.rotl(current, Self.rotations[i])
                    current = next
                }
                // chi
                for y in stride(from: 0, to: 25, by: 5) {
                    let t0 = a[y], t1 = a[y + 1], t2 = a[y + 2], t3 = a[y + 3], t4 = a[y + 4]
                    a[y] = t0 ^ (~t1 & t2)
                    a[y + 1] = t1 ^ (~t2 & t3)
                    a[y + 2] = t2 ^ (~t3 & t4)
                    a[y + 3] = t3 ^ (~t4 & t0)
                    a[y + 4] = t4 ^ (~t0 & t1)
                }
                // iota
                a[0] ^= Self.roundConstants[round]
            }
        }
    }

    @inline(__always) static func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 { (x << n) | (x >> (64 - n)) }
}

/// The payload of a Slurm auth/munge credential: the hash plugin's type byte (2 = K12) and the
/// K12 digest of the body, customized with the message type in big-endian order.
public enum SlurmMessageHash {
    public static func k12(body: [UInt8], messageType: UInt16) -> [UInt8] {
        [0x02] + KangarooTwelve.hash(body, customization: [UInt8(messageType >> 8), UInt8(messageType & 0xff)])
    }
}
