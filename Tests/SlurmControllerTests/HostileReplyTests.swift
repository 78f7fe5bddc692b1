import XCTest
@testable import SlurmController
import TestSupport

/// Whatever a controller sends, decoding a reply ends in a value or an error: never a trap, a hang
/// or an allocation the message does not pay for (in an inetd-style server a crash is a half-written
/// answer). Every captured reply of the big messages is cut at every length; the layouts that
/// HostileRenderingTests does not render also get a u32 forged at every offset and seeded random
/// changes here, so each layout is mutated in one of the two files. Debug decoding costs about
/// 0.3 µs a byte and forging is quadratic in the size, so the lists of ten jobs are sampled (cut and
/// forged at every `step`-th offset) while single jobs are covered at every offset.
final class HostileReplyTests: XCTestCase {
    /// A captured reply and how to decode its body.
    struct Capture {
        let folder: String
        let name: String
        let version: ProtocolVersion
        let step: Int
        let decode: ([UInt8], ProtocolVersion) throws -> Void

        init<M: WireMessage>(_ type: M.Type, _ folder: String, _ name: String, _ version: ProtocolVersion, step: Int = 1) {
            self.folder = folder
            self.name = name
            self.version = version
            self.step = step
            decode = { bytes, version in _ = try M.decode(bytes, version: version) }
        }

        var what: String { "\(folder)/\(name)" }

        func body() throws -> [UInt8] {
            let reply = try Reply(Vectors.reply(folder, name), sentVersion: version)
            XCTAssertEqual(reply.header.version, version, what)
            return reply.body
        }
    }

    /// Every capture of the job, job state, node, partition, reservation and statistics replies,
    /// in the version its body is in.
    static let everyCapture: [Capture] = [
        Capture(JobInfoMessage.self, "22.05", "job-info-single-response-running", .v22_05),
        Capture(JobInfoMessage.self, "24.11/as-23.02", "job-info-single-response-running", .v23_02),
        Capture(JobInfoMessage.self, "24.11/as-23.11", "job-info-single-response-running", .v23_11),
        Capture(JobInfoMessage.self, "24.11/as-24.05", "job-info-single-response-running", .v24_05),
        Capture(JobInfoMessage.self, "24.11", "job-info-single-response-detail", .v24_11),
        Capture(JobInfoMessage.self, "26.05/as-25.05", "job-info-single-response-running", .v25_05),
        Capture(JobInfoMessage.self, "26.05/as-25.11", "job-info-single-response-running", .v25_11),
        Capture(JobInfoMessage.self, "26.05", "job-info-single-response-detail", .v26_05),
        Capture(JobInfoMessage.self, "26.05", "job-info-response-held-job", .v26_05),
        Capture(JobInfoMessage.self, "22.05", "job-info-response-detail", .v22_05, step: 61),
        Capture(JobInfoMessage.self, "24.11", "job-info-response-detail", .v24_11, step: 61),
        Capture(JobInfoMessage.self, "26.05", "job-info-response-detail", .v26_05, step: 61),
        Capture(JobStateResponse.self, "24.11/as-23.11", "job-state-response", .v23_11),
        Capture(JobStateResponse.self, "24.11", "job-state-response", .v24_11),
        Capture(JobStateResponse.self, "26.05/as-25.11", "job-state-response", .v25_11),
        Capture(JobStateResponse.self, "26.05", "job-state-response", .v26_05),
        Capture(NodeInfo.self, "22.05", "node-info-response-ghosts", .v22_05),
        Capture(NodeInfo.self, "24.11", "node-info-response-ghosts", .v24_11),
        Capture(NodeInfo.self, "26.05", "node-info-response-ghosts", .v26_05),
        Capture(NodeInfo.self, "26.05", "node-info-single-response", .v26_05),
        Capture(PartitionInfo.self, "22.05", "partition-info-response-three", .v22_05),
        Capture(PartitionInfo.self, "24.11/as-23.02", "partition-info-response-three", .v23_02),
        Capture(PartitionInfo.self, "24.11/as-24.05", "partition-info-response-three", .v24_05),
        Capture(PartitionInfo.self, "24.11", "partition-info-response-three", .v24_11),
        Capture(PartitionInfo.self, "26.05/as-25.05", "partition-info-response-three", .v25_05),
        Capture(PartitionInfo.self, "26.05", "partition-info-response-three", .v26_05),
        Capture(ReservationInfo.self, "22.05", "reservation-info-response-maint", .v22_05),
        Capture(ReservationInfo.self, "24.11/as-23.02", "reservation-info-response-maint", .v23_02),
        Capture(ReservationInfo.self, "24.11", "reservation-info-response-maint", .v24_11),
        Capture(ReservationInfo.self, "26.05/as-25.11", "reservation-info-response-maint", .v25_11),
        Capture(ReservationInfo.self, "26.05", "reservation-info-response-maint", .v26_05),
        Capture(StatsInfo.self, "22.05", "stats-response", .v22_05),
        Capture(StatsInfo.self, "24.11", "stats-response", .v24_11),
        Capture(StatsInfo.self, "26.05", "stats-response", .v26_05),
    ]

    /// The layouts HostileRenderingTests does not mutate.
    static let decodedOnly: [Capture] = [
        Capture(JobInfoMessage.self, "24.11/as-23.02", "job-info-single-response-running", .v23_02),
        Capture(JobInfoMessage.self, "24.11/as-23.11", "job-info-single-response-running", .v23_11),
        Capture(JobInfoMessage.self, "24.11", "job-info-single-response-detail", .v24_11),
        Capture(JobInfoMessage.self, "26.05/as-25.05", "job-info-single-response-running", .v25_05),
        Capture(JobInfoMessage.self, "26.05/as-25.11", "job-info-single-response-running", .v25_11),
        Capture(JobInfoMessage.self, "24.11", "job-info-response-detail", .v24_11, step: 127),
        Capture(JobStateResponse.self, "24.11", "job-state-response", .v24_11),
        Capture(JobStateResponse.self, "26.05/as-25.11", "job-state-response", .v25_11),
        Capture(NodeInfo.self, "24.11", "node-info-response-ghosts", .v24_11),
        Capture(PartitionInfo.self, "24.11/as-23.02", "partition-info-response-three", .v23_02),
        Capture(PartitionInfo.self, "24.11", "partition-info-response-three", .v24_11),
        Capture(PartitionInfo.self, "26.05/as-25.05", "partition-info-response-three", .v25_05),
        Capture(ReservationInfo.self, "24.11/as-23.02", "reservation-info-response-maint", .v23_02),
        Capture(ReservationInfo.self, "26.05/as-25.11", "reservation-info-response-maint", .v25_11),
        Capture(StatsInfo.self, "24.11", "stats-response", .v24_11),
    ]

    /// No lab controller has licenses: two, in the license layouts the rendering tests do not use.
    static func licenseBodies() -> [(ProtocolVersion, [UInt8])] {
        var a = License(), b = License()
        a.name = "matlab"; a.total = 10; a.inUse = 3; a.reserved = 1; a.lastUpdate = 1_796_165_600; a.nodes = "n[1-2]"
        b.name = "fluent"; b.total = 0xffff_ffff; b.remote = 1; b.lastConsumed = 4; b.lastDeficit = 2; b.mode = 1
        var info = LicenseInfo()
        info.count = 2
        info.lastUpdate = 1_796_165_601
        info.licenses = [a, b]
        return [ProtocolVersion.v23_02, .v25_05].map { ($0, info.encode(version: $0)) }
    }

    /// Every cut of every capture fails, and so does a trailing byte.
    func testEveryCutFails() throws {
        for capture in Self.everyCapture {
            let body = try capture.body()
            XCTAssertNoThrow(try capture.decode(body, capture.version), capture.what)
            for cut in stride(from: 0, to: body.count, by: capture.step) {
                XCTAssertThrowsError(try capture.decode(Array(body.prefix(cut)), capture.version), "\(capture.what) cut at \(cut)")
            }
            XCTAssertThrowsError(try capture.decode(body + [0], capture.version), "\(capture.what) with a trailing byte")
        }
    }

    /// Forged words and random changes decode or fail.
    func testForgedWordsAndRandomChanges() throws {
        for (i, capture) in Self.decodedOnly.enumerated() {
            let body = try capture.body()
            func decode(_ bytes: [UInt8]) { _ = try? capture.decode(bytes, capture.version) }
            HostileBytes.forEachForgedWord(body, step: capture.step, decode)
            HostileBytes.forEachRandomChange(body, seed: UInt64(i), count: capture.step == 1 ? 300 : 100, decode)
        }
        for (i, (version, body)) in Self.licenseBodies().enumerated() {
            XCTAssertNoThrow(try LicenseInfo.decode(body, version: version))
            for cut in 0..<body.count {
                XCTAssertThrowsError(try LicenseInfo.decode(Array(body.prefix(cut)), version: version), "licenses cut at \(cut)")
            }
            func decode(_ bytes: [UInt8]) { _ = try? LicenseInfo.decode(bytes, version: version) }
            HostileBytes.forEachForgedWord(body, step: 1, decode)
            HostileBytes.forEachRandomChange(body, seed: UInt64(i), count: 300, decode)
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
            HostileBytes.forEachForgedWord(frame, step: 1, decode)
            HostileBytes.forEachRandomChange(frame, seed: UInt64(i), count: 300, decode)
        }
    }
}
