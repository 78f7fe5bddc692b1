import XCTest
@testable import SlurmController

/// Whatever a controller sends, decoding a reply ends in a value or an error: never a trap, a hang
/// or an allocation the message does not pay for (in an inetd-style server a crash is a half-written
/// answer). Every captured reply of the big messages is cut at every length, has a u32 forged at
/// every offset, and goes through seeded random byte changes, in the protocol version it was
/// captured in; HostileRenderingTests renders whatever of this still decodes.
final class HostileReplyTests: XCTestCase {
    /// The captured replies of each message, in the version each one's body is in, and the step
    /// between the offsets cut and forged (1: every offset; debug decoding costs about 0.3 µs a
    /// byte, so the job lists of ten jobs are sampled and their single jobs covered wholly).
    static let jobReplies: [(String, String, ProtocolVersion, Int)] = [
        ("22.05", "job-info-single-response-running", .v22_05, 1),
        ("24.11/as-23.02", "job-info-single-response-running", .v23_02, 1),
        ("24.11/as-24.05", "job-info-single-response-running", .v24_05, 1),
        ("24.11", "job-info-single-response-detail", .v24_11, 1),
        ("26.05/as-25.11", "job-info-single-response-running", .v25_11, 1),
        ("26.05", "job-info-single-response-detail", .v26_05, 1),
        ("26.05", "job-info-response-held-job", .v26_05, 3),
        ("22.05", "job-info-response-detail", .v22_05, 61),
        ("24.11/as-23.11", "job-info-response-seeded", .v23_11, 127),
        ("24.11", "job-info-response-detail", .v24_11, 61),
        ("26.05/as-25.05", "job-info-response-seeded", .v25_05, 127),
        ("26.05", "job-info-response-detail", .v26_05, 61),
    ]
    static let jobStateReplies: [(String, String, ProtocolVersion)] = [
        ("24.11/as-23.11", "job-state-response", .v23_11), ("24.11", "job-state-response", .v24_11),
        ("26.05/as-25.11", "job-state-response", .v25_11), ("26.05", "job-state-response", .v26_05),
    ]
    static let nodeReplies: [(String, String, ProtocolVersion)] = [
        ("22.05", "node-info-response-ghosts", .v22_05), ("24.11", "node-info-response-ghosts", .v24_11),
        ("26.05", "node-info-response-ghosts", .v26_05), ("26.05", "node-info-single-response", .v26_05),
    ]
    static let partitionReplies: [(String, String, ProtocolVersion)] = [
        ("22.05", "partition-info-response-three", .v22_05), ("24.11/as-23.02", "partition-info-response-three", .v23_02),
        ("24.11/as-24.05", "partition-info-response-three", .v24_05), ("24.11", "partition-info-response-three", .v24_11),
        ("26.05/as-25.05", "partition-info-response-three", .v25_05), ("26.05", "partition-info-response-three", .v26_05),
    ]
    static let reservationReplies: [(String, String, ProtocolVersion)] = [
        ("22.05", "reservation-info-response-maint", .v22_05), ("24.11/as-23.02", "reservation-info-response-maint", .v23_02),
        ("24.11", "reservation-info-response-maint", .v24_11), ("26.05/as-25.11", "reservation-info-response-maint", .v25_11),
        ("26.05", "reservation-info-response-maint", .v26_05),
    ]
    static let statsReplies: [(String, String, ProtocolVersion)] = [
        ("22.05", "stats-response", .v22_05), ("24.11", "stats-response", .v24_11), ("26.05", "stats-response", .v26_05),
    ]

    /// No lab controller has licenses: two, in each license layout, packed from a model.
    static func licenseBodies() -> [(ProtocolVersion, [UInt8])] {
        var a = License(), b = License()
        a.name = "matlab"; a.total = 10; a.inUse = 3; a.reserved = 1; a.lastUpdate = 1_796_165_600; a.nodes = "n[1-2]"
        b.name = "fluent"; b.total = 0xffff_ffff; b.remote = 1; b.lastConsumed = 4; b.lastDeficit = 2; b.mode = 1
        var info = LicenseInfo()
        info.count = 2
        info.lastUpdate = 1_796_165_601
        info.licenses = [a, b]
        return [ProtocolVersion.v22_05, .v23_02, .v25_05, .v26_05].map { ($0, info.encode(version: $0)) }
    }

    func body(_ folder: String, _ name: String, _ version: ProtocolVersion) throws -> [UInt8] {
        let reply = try Reply(Vectors.reply(folder, name), sentVersion: version)
        XCTAssertEqual(reply.header.version, version, "\(folder)/\(name)")
        return reply.body
    }

    /// Every cut and a trailing byte fail; forged counts and random changes decode or fail.
    func assertFailsCleanly<M: WireMessage>(_ type: M.Type, _ body: [UInt8], _ version: ProtocolVersion, _ what: String,
                                            seed: UInt64, step: Int = 1, changes: Int = 400) {
        XCTAssertNoThrow(try M.decode(body, version: version), what)
        for cut in stride(from: 0, to: body.count, by: step) {
            XCTAssertThrowsError(try M.decode(Array(body.prefix(cut)), version: version), "\(what) cut at \(cut)")
        }
        XCTAssertThrowsError(try M.decode(body + [0], version: version), "\(what) with a trailing byte")
        func decode(_ bytes: [UInt8]) { _ = try? M.decode(bytes, version: version) }
        HostileBytes.forEachForgedCount(body, step: step, decode)
        HostileBytes.forEachRandomChange(body, seed: seed, count: changes, decode)
    }

    func testJobInfoReplies() throws {
        for (i, (folder, name, version, step)) in Self.jobReplies.enumerated() {
            assertFailsCleanly(JobInfoMessage.self, try body(folder, name, version), version, "\(folder)/\(name)",
                               seed: UInt64(i), step: step, changes: step == 1 ? 300 : 100)
        }
    }

    func testJobStateReplies() throws {
        for (i, (folder, name, version)) in Self.jobStateReplies.enumerated() {
            assertFailsCleanly(JobStateResponse.self, try body(folder, name, version), version, "\(folder)/\(name)",
                               seed: UInt64(i))
        }
    }

    func testNodeReplies() throws {
        for (i, (folder, name, version)) in Self.nodeReplies.enumerated() {
            assertFailsCleanly(NodeInfo.self, try body(folder, name, version), version, "\(folder)/\(name)", seed: UInt64(i))
        }
    }

    func testPartitionReplies() throws {
        for (i, (folder, name, version)) in Self.partitionReplies.enumerated() {
            assertFailsCleanly(PartitionInfo.self, try body(folder, name, version), version, "\(folder)/\(name)",
                               seed: UInt64(i))
        }
    }

    func testReservationReplies() throws {
        for (i, (folder, name, version)) in Self.reservationReplies.enumerated() {
            assertFailsCleanly(ReservationInfo.self, try body(folder, name, version), version, "\(folder)/\(name)",
                               seed: UInt64(i))
        }
    }

    func testStatisticsReplies() throws {
        for (i, (folder, name, version)) in Self.statsReplies.enumerated() {
            assertFailsCleanly(StatsInfo.self, try body(folder, name, version), version, "\(folder)/\(name)", seed: UInt64(i))
        }
    }

    func testLicenseReplies() {
        for (i, (version, body)) in Self.licenseBodies().enumerated() {
            assertFailsCleanly(LicenseInfo.self, body, version, "licenses \(version.release)", seed: UInt64(i))
        }
    }

    /// A record count is checked against the bytes that remain, but a decoded record is far larger
    /// than its wire form (a job holds 1,752 bytes), so the room reserved for a forged count must
    /// stay within what the message pays for. 64 million jobs claimed by a 64 MiB reply used to
    /// reserve 117 GB at once: an allocation failure, which crashes the process.
    func testForgedRecordCountsReserveNoMoreThanTheMessage() {
        var body = [UInt8](repeating: 0, count: 64 << 20)
        body.replaceSubrange(0..<4, with: [0x03, 0xff, 0xff, 0x00])
        XCTAssertThrowsError(try JobInfoMessage.decode(body, version: .v26_05), "a job of zeros has no node bitmap mask")
    }

    /// The frame around the body (header, forwarding, address and credential) is read from the
    /// same hostile bytes.
    func testReplyFrames() throws {
        for (i, (folder, name, version)) in [("22.05", "job-info-single-response-running", ProtocolVersion.v22_05),
                                             ("26.05", "node-info-single-response", .v26_05)].enumerated() {
            let frame = Vectors.reply(folder, name)
            for cut in 0..<frame.count {
                XCTAssertThrowsError(try Reply(Array(frame.prefix(cut)), sentVersion: version), "\(folder)/\(name) cut at \(cut)")
            }
            func decode(_ bytes: [UInt8]) {
                guard let reply = try? Reply(bytes, sentVersion: version) else { return }
                _ = try? reply.decode(.responseJobInfo, as: JobInfoMessage.self)
                _ = try? reply.decode(.responseNodeInfo, as: NodeInfo.self)
            }
            HostileBytes.forEachForgedCount(frame, step: 1, decode)
            HostileBytes.forEachRandomChange(frame, seed: UInt64(i), count: 400, decode)
        }
    }
}

/// Hostile variants of a captured message, reproducible from a seed.
enum HostileBytes {
    /// Values a u32 count may be forged to: the largest, INFINITE, NO_VAL, the largest signed, and zero.
    static let forgedWords: [[UInt8]] = [[0xff, 0xff, 0xff, 0xff], [0xff, 0xff, 0xff, 0xfe], [0x7f, 0xff, 0xff, 0xff], [0, 0, 0, 0]]

    /// Calls `body` with the message with each forged word written at every `step`-th offset.
    static func forEachForgedCount(_ bytes: [UInt8], step: Int, _ body: ([UInt8]) -> Void) {
        guard bytes.count >= 4 else { return }
        var forged = bytes
        for offset in stride(from: 0, through: bytes.count - 4, by: step) {
            for word in forgedWords {
                forged.replaceSubrange(offset..<(offset + 4), with: word)
                body(forged)
            }
            forged.replaceSubrange(offset..<(offset + 4), with: bytes[offset..<(offset + 4)])
        }
    }

    /// Calls `body` with `count` variants, each with one to four random changes: a byte
    /// overwritten, or a few bytes dropped or inserted (which shifts every later field).
    static func forEachRandomChange(_ bytes: [UInt8], seed: UInt64, count: Int, _ body: ([UInt8]) -> Void) {
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
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
