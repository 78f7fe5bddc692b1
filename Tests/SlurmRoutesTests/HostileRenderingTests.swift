import Foundation
import XCTest
import SlurmParsing
import SlurmController
@testable import SlurmRoutes
import TestSupport

/// Hostile controller data through decoding and rendering: whatever of a mutated captured reply
/// still decodes (a u32 forged at every offset, seeded random changes) is rendered as its endpoint
/// renders it, and hand-made records carry what no controller sends (counts, sizes, times and host
/// lists at their limits). Rendering must end, without a trap, in time and memory the reply pays
/// for. HostileReplyTests decodes the layouts not mutated here and cuts every capture.
final class HostileRenderingTests: XCTestCase {
    let envelope = Envelope(meta: Meta(accountingStorage: "", clientSource: "test", clientUser: "alice",
                                       clientGroup: "alice", cluster: "lab26"))
    let accounts = AccountNames(user: { $0 == 2001 ? "alice" : nil }, group: { $0 == 2001 ? "alice" : nil })

    /// A captured reply's body, from the controller tests' vectors.
    func body(_ folder: String, _ name: String, _ version: ProtocolVersion) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SlurmControllerTests/Vectors/\(folder)/\(name).bin")
        return try Reply(Array(try Data(contentsOf: url).dropFirst(4)), sentVersion: version).body
    }

    @discardableResult
    func render<P>(_ schema: ResponseSchema<P>, _ payload: P, warnings: [APIWarning] = []) -> [UInt8] {
        var envelope = self.envelope
        envelope.warnings = warnings
        var w = JSONWriter(pretty: true)
        schema.render(payload, envelope, into: &w)
        return w.takeBytes()
    }

    /// Decodes every variant of `body` (forged words at every `step`-th offset, then `changes`
    /// random changes) and renders those that decode; returns how many did.
    @discardableResult
    func renderVariants<M: WireMessage>(_ type: M.Type, _ body: [UInt8], _ version: ProtocolVersion, seed: UInt64,
                                        step: Int, changes: Int, _ renderOne: (M) -> Void) -> Int {
        var rendered = 0
        func decodeAndRender(_ bytes: [UInt8]) {
            guard let m = try? M.decode(bytes, version: version) else { return }
            renderOne(m)
            rendered += 1
        }
        decodeAndRender(body)
        HostileBytes.forEachForgedWord(body, step: step, decodeAndRender)
        HostileBytes.forEachRandomChange(body, seed: seed, count: changes, decodeAndRender)
        return rendered
    }

    // MARK: - Each endpoint's rendering

    func renderJobs(_ m: JobInfoMessage) {
        render(JobsEndpoint.response, JobListing(m, accounts: accounts))
    }

    func renderJobStates(_ m: JobStateResponse) {
        render(JobStateEndpoint.response, JobStateEndpoint.rows(m))
    }

    func renderNodes(_ info: NodeInfo, _ partitions: [Partition]) {
        let (nodes, warnings) = NodesEndpoint.views(of: info, in: partitions, showFlags: ShowFlags.mixed, accounts: accounts)
        render(NodesEndpoint.response, NodesPayload(nodes: nodes, lastUpdate: info.lastUpdate), warnings: warnings)
    }

    func renderPartitions(_ info: PartitionInfo) {
        render(PartitionsEndpoint.response, info,
               warnings: PartitionsEndpoint.renderingWarnings(info, accountingDisabled: true))
    }

    func renderReservations(_ info: ReservationInfo) {
        render(ReservationsEndpoint.response, info, warnings: ReservationsEndpoint.renderingWarnings(info))
    }

    func renderStatistics(_ stats: StatsInfo) {
        render(DiagEndpoint.response, Diagnostics(stats, userName: { String($0) }))
    }

    func renderLicenses(_ info: LicenseInfo) {
        render(LicensesEndpoint.response, info)
    }

    // MARK: - Mutated captured replies

    func testJobInfoReplies() throws {
        for (i, (folder, name, version, step)) in [
            ("22.05", "job-info-single-response-running", ProtocolVersion.v22_05, 1),
            ("24.11/as-24.05", "job-info-single-response-running", .v24_05, 1),
            ("26.05", "job-info-single-response-detail", .v26_05, 1),
            ("26.05", "job-info-response-held-job", .v26_05, 3),
            ("22.05", "job-info-response-detail", .v22_05, 127),
            ("26.05", "job-info-response-detail", .v26_05, 61),
        ].enumerated() {
            let rendered = renderVariants(JobInfoMessage.self, try body(folder, name, version), version, seed: UInt64(i),
                                          step: step, changes: step == 1 ? 300 : 100, renderJobs)
            XCTAssertGreaterThan(rendered, 10, "\(folder)/\(name)")
        }
    }

    func testJobStateReplies() throws {
        for (i, (folder, version)) in [("24.11/as-23.11", ProtocolVersion.v23_11), ("26.05", .v26_05)].enumerated() {
            renderVariants(JobStateResponse.self, try body(folder, "job-state-response", version), version, seed: UInt64(i),
                           step: 1, changes: 300, renderJobStates)
        }
    }

    /// The node tables with the captured partitions of the same release, and the other way round.
    func testNodeReplies() throws {
        for (i, (folder, name, version)) in [("22.05", "node-info-response-ghosts", ProtocolVersion.v22_05),
                                             ("26.05", "node-info-response-ghosts", .v26_05),
                                             ("26.05", "node-info-single-response", .v26_05)].enumerated() {
            let partitions = try PartitionInfo.decode(try body(folder, "partition-info-response-three", version), version: version)
            let nodes = try NodeInfo.decode(try body(folder, name, version), version: version)
            renderVariants(NodeInfo.self, try body(folder, name, version), version, seed: UInt64(i), step: 1, changes: 200) {
                renderNodes($0, partitions.partitions)
            }
            renderVariants(PartitionInfo.self, try body(folder, "partition-info-response-three", version), version,
                           seed: UInt64(i), step: 7, changes: 100) {
                renderNodes(nodes, $0.partitions)
            }
        }
    }

    func testPartitionReplies() throws {
        for (i, (folder, version)) in [("22.05", ProtocolVersion.v22_05), ("24.11/as-24.05", .v24_05),
                                       ("26.05", .v26_05)].enumerated() {
            renderVariants(PartitionInfo.self, try body(folder, "partition-info-response-three", version), version,
                           seed: UInt64(i), step: 1, changes: 200, renderPartitions)
        }
    }

    func testReservationReplies() throws {
        for (i, (folder, version)) in [("22.05", ProtocolVersion.v22_05), ("24.11", .v24_11),
                                       ("26.05", .v26_05)].enumerated() {
            renderVariants(ReservationInfo.self, try body(folder, "reservation-info-response-maint", version), version,
                           seed: UInt64(i), step: 1, changes: 300, renderReservations)
        }
    }

    func testStatisticsReplies() throws {
        for (i, (folder, version)) in [("22.05", ProtocolVersion.v22_05), ("26.05", .v26_05)].enumerated() {
            renderVariants(StatsInfo.self, try body(folder, "stats-response", version), version, seed: UInt64(i),
                           step: 1, changes: 300, renderStatistics)
        }
    }

    func testLicenseReplies() {
        var a = License(), b = License()
        a.name = "matlab"; a.total = 10; a.inUse = 3; a.reserved = 1; a.lastUpdate = 1_796_165_600; a.nodes = "n[1-2]"
        b.name = "fluent"; b.total = 0xffff_ffff; b.remote = 1; b.lastConsumed = 4; b.lastDeficit = 2; b.mode = 1
        var info = LicenseInfo()
        info.count = 2
        info.licenses = [a, b]
        for (i, version) in [ProtocolVersion.v22_05, .v26_05].enumerated() {
            renderVariants(LicenseInfo.self, info.encode(version: version), version, seed: UInt64(i), step: 1,
                           changes: 300, renderLicenses)
        }
    }

    // MARK: - Values no controller sends

    func statistics(_ stats: StatsInfo) throws -> JSONValue {
        var w = JSONWriter(pretty: false)
        DiagEndpoint.statsSchema.render(Diagnostics(stats, userName: { String($0) }), into: &w)
        return try JSONReader.parse(w.takeBytes())
    }

    /// Means divide as unsigned and the time span wraps, as in the original's C (a sum above the
    /// largest signed number and a span past the time range used to trap).
    func testStatisticsAtTheirLimits() throws {
        var s = StatsInfo()
        s.scheduleCycleSum = .max; s.scheduleCycleCounter = 1; s.scheduleCycleDepth = .max
        s.bfCycleSum = .max - 1; s.bfCycleCounter = 2; s.bfDepthSum = .max
        s.reqTime = .max; s.reqTimeStart = -60
        var json = try statistics(s)
        XCTAssertEqual(json["schedule_cycle_mean"], .int(-1), "UINT64_MAX / 1 read as signed")
        XCTAssertEqual(json["schedule_cycle_mean_depth"], .int(Int64(UInt32.max)))
        XCTAssertEqual(json["bf_cycle_mean"], .int(Int64(bitPattern: (UInt64.max - 1) / 2)))
        XCTAssertEqual(json["bf_depth_mean"], .int(Int64(UInt32.max / 2)))
        XCTAssertEqual(json["schedule_cycle_per_minute"], .int(0), "a span that wraps below zero is under a minute")
        s.reqTime = .min; s.reqTimeStart = 1
        json = try statistics(s)
        XCTAssertEqual(json["schedule_cycle_per_minute"], .int(0), "a span that wraps to the largest time: 1 / many minutes")
        s.reqTime = 120; s.reqTimeStart = .min
        json = try statistics(s)
        XCTAssertEqual(json["schedule_cycle_per_minute"], .int(0))
    }

    /// The cores of an allocation are listed from the core bitmap, whose size and layout the
    /// controller claims: the walk stays within the bits the mask spells (a real mask has a digit
    /// for every four bits), and a layout without cores lists no node. It used to allocate and walk
    /// 65,535 × 65,535 cores for a claimed size of 2^32 - 1 bits, and 65,535 empty sockets per node.
    func testCoreLayoutClaimsAreBounded() {
        var r = JobResources()
        r.nhosts = 2
        r.nodes = "n[1-2]"
        r.cpus = [1, 1]
        r.socketsPerNode = [0xffff]
        r.coresPerSocket = [0xffff]
        r.sockCoreRepCount = [2]
        r.coreBitmap = Bitstring(bitCount: Int(UInt32.max), text: "0x1")
        XCTAssertEqual(JobResourcesSchema.allocation(r).count, 0, "the first node's cores run past the mask")

        r.socketsPerNode = [2]
        r.coresPerSocket = [1]
        XCTAssertEqual(JobResourcesSchema.allocation(r).map(\.name), ["n1", "n2"], "two bits each, within the four spelled")
        r.coreBitmap = Bitstring(bitCount: 3, text: "0x1")
        XCTAssertEqual(JobResourcesSchema.allocation(r).map(\.name), ["n1"], "the second node runs past the size")

        r.nhosts = 50_000
        r.cpus = [UInt16](repeating: 1, count: 50_000)
        r.socketsPerNode = [0xffff]
        r.coresPerSocket = [0]
        r.sockCoreRepCount = [50_000]
        r.coreBitmap = Bitstring(bitCount: 8, text: "0xFF")
        XCTAssertEqual(JobResourcesSchema.allocation(r).count, 0, "sockets without cores take no bit")
    }

    /// Host lists from the controller expand no further than the caller needs: ranges that
    /// multiply, brackets by the thousand and long texts cost what they are asked for. They used to
    /// expand `n[0-999999][0-999999]` whole (10^12 names) and recurse once per bracket.
    func testHostListsExpandOnlyWhatIsAsked() {
        XCTAssertEqual(HostList.split("n[0-999999][0-999999]", limit: 3), ["n00", "n01", "n02"])
        XCTAssertEqual(HostList.split("a[1-2],b[1-9]", limit: 3), ["a1", "a2", "b1"])
        XCTAssertEqual(HostList.split("n[" + String(repeating: "0-999999,", count: 10_000) + "]", limit: 2), ["n0", "n1"])
        let deep = String(repeating: "a[1]", count: 100_000)
        XCTAssertEqual(HostList.split(deep), [deep], "names longer than Slurm's host name buffer: kept as written")
        let long = String(repeating: "x", count: 80) + "[1-3]"
        XCTAssertEqual(HostList.split(long), [long])
        let longest = String(repeating: "x", count: 77) + "[08-10]"
        XCTAssertEqual(HostList.split(longest).map(\.utf8.count), [79, 79, 79])
        XCTAssertEqual(HostList.split("r[1-2]-n[1-2]", limit: 0), [])
    }

    /// A one-node table names its partitions by host lists, and a diagnostics reply lists hosts by
    /// host lists: however many hosts the lists claim, one answer expands a bounded number of names.
    func testHostListsOfOneAnswerAreBounded() {
        var node = Node()
        node.name = "m2"
        var info = NodeInfo()
        info.count = 1
        info.nodes = [node]
        var partition = Partition()
        partition.name = "huge"
        partition.nodes = "n[0-999999][0-999999],m[1-3]"
        var named = Partition()
        named.name = "small"
        named.nodes = "m[1-3]"
        XCTAssertEqual(NodesEndpoint.partitionNames(of: info, in: [named] + Array(repeating: partition, count: 1000)),
                       [["small"]], "the huge lists spend the budget before they reach m2")

        var s = StatsInfo()
        s.rpcDumpTypes = [UInt32](repeating: 1008, count: 1000)
        s.rpcDumpHostlist = [String](repeating: "n[0-999999][0-999999]", count: 1000)
        let d = Diagnostics(s, userName: { String($0) })
        XCTAssertEqual(d.pendingByHost.count, 1000)
        XCTAssertEqual(d.pendingByHost.reduce(0) { $0 + $1.hosts.count }, HostNameBudget.perAnswer)
    }

    /// A partition's node bitmap is read once, not once per node: a table of 30,000 nodes and a
    /// mask of 7,500 digits took 2.25 × 10^8 digit reads per partition (minutes in a debug build).
    func testPartitionBitmapsAreReadOncePerPartition() {
        var info = NodeInfo()
        info.count = 30_000
        info.nodes = (0..<30_000).map { i in
            var node = Node()
            node.name = "n\(i)"
            node.tableIndex = i
            return node
        }
        var partition = Partition()
        partition.name = "all"
        partition.nodeIndexBits = 30_000
        partition.nodeIndexMask = "0x" + String(repeating: "F", count: 7_500)
        let names = NodesEndpoint.partitionNames(of: info, in: [partition, partition])
        XCTAssertEqual(names.count, 30_000)
        XCTAssertTrue(names.allSatisfy { $0 == ["all", "all"] })
    }
}
