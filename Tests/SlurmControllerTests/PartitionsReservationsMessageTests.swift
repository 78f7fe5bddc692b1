import XCTest
@testable import SlurmController

/// Partition and reservation info from captured frames of each lab release: the shared captures
/// (one partition `debug`, no reservation) and the seeded lab (partitions debug, batch, ghosts;
/// reservation `maint`), captured with tcpdump while scontrol (22.05, 24.11) or the real
/// slurmrestd (26.05) asked.
final class PartitionsReservationsMessageTests: XCTestCase {
    func decodePartitions(_ release: String, _ name: String, _ version: ProtocolVersion) throws -> (PartitionInfo, Reply) {
        let reply = try Reply(Vectors.reply(release, name), sentVersion: version)
        return (try reply.decode(.responsePartitionInfo, as: PartitionInfo.self), reply)
    }

    func decodeReservations(_ release: String, _ name: String, _ version: ProtocolVersion) throws -> (ReservationInfo, Reply) {
        let reply = try Reply(Vectors.reply(release, name), sentVersion: version)
        return (try reply.decode(.responseReservationInfo, as: ReservationInfo.self), reply)
    }

    /// The shared captures, with the values of their field-by-field decodes (decoded/*.txt).
    func testOnePartitionOfEveryRelease() throws {
        let lastUpdate: [String: Int64] = ["22.05": 1795575347, "24.11": 1795575373]
        for (release, version) in Vectors.releases {
            let (info, reply) = try decodePartitions(release, "partition-info-response", version)
            XCTAssertEqual(info.partitions.count, 1, release)
            if let t = lastUpdate[release] { XCTAssertEqual(info.lastUpdate, t, release) }
            let p = try XCTUnwrap(info.partitions.first)
            XCTAssertEqual(p.name, "debug", release)
            XCTAssertEqual(p.maxTime, 0xffff_ffff, release)
            XCTAssertEqual(p.defaultTime, 0xffff_fffe, release)
            XCTAssertEqual(p.totalCPUs, 2, release)
            XCTAssertEqual(p.maxCPUsPerSocket, version >= .v23_02 ? 0xffff_ffff : 0xffff_fffe, "\(release): INFINITE, or unset before 23.02")
            XCTAssertEqual(p.flags & 1, 1, "\(release): PART_FLAG_DEFAULT")
            XCTAssertEqual(p.stateUp, 3, release)
            XCTAssertEqual(p.overTimeLimit, 0xfffe, release)
            XCTAssertEqual(p.nodes, "vm", release)
            XCTAssertEqual(p.nodeIndexBits, 1, release)
            XCTAssertEqual(p.nodeIndexMask, "0x1", release)
            XCTAssertEqual(p.tres, "cpu=2,mem=20000M,node=1,billing=2", release)
            XCTAssertEqual(p.jobDefaultsCount, 0xffff_fffe, release)
            XCTAssertNil(p.topology, release)
            XCTAssertEqual(info.encode(version: version), reply.body, "\(release) round trip")
        }
    }

    func testSeededPartitionsOfEveryRelease() throws {
        for (release, version) in Vectors.releases {
            let (info, reply) = try decodePartitions(release, "partition-info-response-three", version)
            XCTAssertEqual(info.partitions.map(\.name), ["debug", "batch", "ghosts"], release)
            let batch = info.partitions[1], ghosts = info.partitions[2]
            XCTAssertEqual(batch.nodes, "ghost[1-2],vm", release)
            XCTAssertEqual(batch.maxNodes, 2, release)
            XCTAssertEqual(batch.maxTime, 120, release)
            XCTAssertEqual(batch.defaultTime, 10, release)
            XCTAssertEqual(batch.priorityTier, 2, release)
            XCTAssertEqual(batch.totalCPUs, 10, release)
            XCTAssertEqual(ghosts.stateUp, 1, "\(release): DOWN")
            XCTAssertEqual(ghosts.tres, "cpu=12,mem=24000M,node=3,billing=12", release)
            XCTAssertEqual(info.encode(version: version), reply.body, "\(release) round trip")
        }
    }

    func testReservationsOfEveryRelease() throws {
        for (release, version) in Vectors.releases {
            let (none, noneReply) = try decodeReservations(release, "reservation-info-response-none", version)
            XCTAssertEqual(none.reservations, [], release)
            XCTAssertEqual(none.encode(version: version), noneReply.body, release)

            let (info, reply) = try decodeReservations(release, "reservation-info-response-maint", version)
            let r = try XCTUnwrap(info.reservations.first, release)
            XCTAssertEqual(info.reservations.count, 1, release)
            XCTAssertEqual(r.name, "maint", release)
            XCTAssertEqual(r.nodeList, "vm", release)
            XCTAssertEqual(r.users, "alice", release)
            XCTAssertEqual(r.tres, "cpu=2", release)
            XCTAssertEqual(r.coreCount, 2, release)
            XCTAssertEqual(r.nodeCount, 1, release)
            XCTAssertEqual(r.purgeCompletedTime, 300, release)
            XCTAssertEqual(r.endTime - r.startTime, 7200, "\(release): two hours")
            XCTAssertEqual(r.flags, 0x8041, "\(release): MAINT, IGNORE_JOBS, SPEC_NODES")
            XCTAssertNil(r.comment, release)
            XCTAssertEqual(r.coreSpecs, [], release)
            XCTAssertEqual(info.encode(version: version), reply.body, "\(release) round trip")
        }
    }

    /// The releases between the lab's: the 24.11 controller answering in 23.02, 23.11 and 24.05,
    /// the 26.05 one in 25.05 and 25.11 (captured while this gateway asked with --protocol-version).
    func testIntermediateReleasesFromOlderProtocolAnswers() throws {
        let layouts: [(String, ProtocolVersion)] = [("24.11/as-23.02", .v23_02), ("24.11/as-23.11", .v23_11),
                                                    ("24.11/as-24.05", .v24_05), ("26.05/as-25.05", .v25_05),
                                                    ("26.05/as-25.11", .v25_11)]
        for (folder, version) in layouts {
            let reply = try Reply(Vectors.reply(folder, "partition-info-response-three"), sentVersion: version)
            XCTAssertEqual(reply.header.version, version, folder)
            let info = try reply.decode(.responsePartitionInfo, as: PartitionInfo.self)
            XCTAssertEqual(info.partitions.map(\.name), ["debug", "batch", "ghosts"], folder)
            XCTAssertEqual(info.partitions[0].maxCPUsPerSocket, 0xffff_ffff, folder)
            XCTAssertEqual(info.partitions[0].flags & 1, 1, "\(folder): PART_FLAG_DEFAULT")
            XCTAssertEqual(info.partitions[2].tres, "cpu=12,mem=24000M,node=3,billing=12", folder)
            XCTAssertEqual(info.encode(version: version), reply.body, folder)

            let resvReply = try Reply(Vectors.reply(folder, "reservation-info-response-maint"), sentVersion: version)
            let resv = try resvReply.decode(.responseReservationInfo, as: ReservationInfo.self)
            XCTAssertEqual(resv.reservations.map(\.name), ["maint"], folder)
            XCTAssertEqual(resv.reservations.first?.users, "alice", folder)
            XCTAssertEqual(resv.reservations.first?.flags, 0x8041, folder)
            XCTAssertEqual(resv.encode(version: version), resvReply.body, folder)
        }
    }

    /// Requests as scontrol sent them: partition info asks for SHOW_LOCAL, reservation info has only a time.
    func testRequestsMatchTheCaptures() throws {
        for (release, version) in Vectors.releases {
            let partitions = try Vectors.request(release, "partition-info-request")
            XCTAssertEqual(PartitionInfoRequest(lastUpdate: 0, showFlags: ShowFlags.local).encode(version: version),
                           partitions.body, release)
            let reservations = try Vectors.request(release, "reservation-info-request")
            XCTAssertEqual(ReservationInfoRequest(lastUpdate: 0).encode(version: version), reservations.body, release)
        }
    }

    /// The field lists per release, as `fields.py` extracts them from each tag's unpack functions.
    func testFieldListsByRelease() {
        let p = Partition()
        let v2205 = Partition.fields.names(in: .v22_05, for: p)
        XCTAssertFalse(v2205.contains("max_cpus_per_socket"))
        XCTAssertFalse(v2205.contains("topology_name"))
        XCTAssertEqual(v2205.count, 39, "35 plain fields, the bitmap's 2 parts, the JobDefaults count and records")
        let v2302 = Partition.fields.names(in: .v23_02, for: p)
        XCTAssertEqual(v2302.count, 40)
        XCTAssertEqual(Partition.fields.names(in: .v24_05, for: p), v2302, "flags widen, no field added")
        let v2505 = Partition.fields.names(in: .v25_05, for: p)
        XCTAssertEqual(v2505.firstIndex(of: "topology_name"), v2505.firstIndex(of: "billing_weights_str").map { $0 + 1 })
        XCTAssertEqual(Partition.fields.names(in: .v26_05, for: p), v2505)

        var widths: [ProtocolVersion: Int] = [:]
        var partition = Partition()
        partition.flags = 0x1234
        partition.nodeIndexBits = 0xffff_fffe
        partition.jobDefaultsCount = 0xffff_fffe
        for v in [ProtocolVersion.v23_11, .v24_05] { widths[v] = partition.encode(version: v).count }
        XCTAssertEqual(widths[.v24_05].map { $0 - 2 }, widths[.v23_11], "flags are u16 before 24.05, u32 from it")

        let r = Reservation()
        let r2205 = Reservation.fields.names(in: .v22_05, for: r)
        XCTAssertFalse(r2205.contains("comment"))
        XCTAssertTrue(r2205.contains("resv_watts"))
        let r2302 = Reservation.fields.names(in: .v23_02, for: r)
        XCTAssertEqual(r2302.firstIndex(of: "comment"), 2)
        XCTAssertEqual(Reservation.fields.names(in: .v25_05, for: r), r2302)
        let r2511 = Reservation.fields.names(in: .v25_11, for: r)
        XCTAssertFalse(r2511.contains("resv_watts"))
        XCTAssertEqual(Array(r2511.drop(while: { $0 != "groups" }).prefix(3)), ["groups", "qos", "allowed_parts"])
        XCTAssertEqual(Reservation.fields.names(in: .v26_05, for: r), r2511)
    }

    /// Records with every optional part (bitmap, JobDefaults, core specs) round-trip in each layout.
    func testOptionalPartsRoundTrip() throws {
        var p = Partition()
        p.name = "p"; p.nodeIndexBits = 3; p.nodeIndexMask = "0x5"; p.maxCPUsPerSocket = 4; p.topology = "t"
        var d = PartitionJobDefault(); d.type = 1; d.value = 2048
        p.jobDefaultsCount = 1; p.jobDefaults = [d]
        let partitions = PartitionInfo(lastUpdate: 7, partitions: [p])
        var core = ReservationCoreSpec(); core.node = "vm"; core.cores = "0-1"
        var r = Reservation()
        r.name = "r"; r.comment = "c"; r.qos = "normal"; r.allowedPartitions = "debug"; r.watts = 5
        r.nodeIndexBits = 0xffff_fffe; r.coreSpecCount = 1; r.coreSpecs = [core]
        let reservations = ReservationInfo(lastUpdate: 8, reservations: [r])
        for v in ProtocolVersion.supported {
            var backP = try PartitionInfo.decode(partitions.encode(version: v), version: v)
            if v < .v23_02 { backP.partitions[0].maxCPUsPerSocket = 4 }
            if v < .v25_05 { backP.partitions[0].topology = "t" }
            XCTAssertEqual(backP, partitions, v.release)
            var backR = try ReservationInfo.decode(reservations.encode(version: v), version: v)
            if v < .v23_02 { backR.reservations[0].comment = "c" }
            if v >= .v25_11 { backR.reservations[0].watts = 5 }
            if v < .v25_11 { backR.reservations[0].qos = "normal"; backR.reservations[0].allowedPartitions = "debug" }
            XCTAssertEqual(backR, reservations, v.release)
        }
    }

    /// Corrupt or cut replies fail cleanly, never trap.
    func testTruncatedRepliesFailCleanly() throws {
        for (release, version) in Vectors.releases {
            let parts = try Reply(Vectors.reply(release, "partition-info-response-three"), sentVersion: version).body
            for cut in stride(from: 0, to: parts.count, by: 5) {
                XCTAssertThrowsError(try PartitionInfo.decode(Array(parts.prefix(cut)), version: version), "\(release) cut \(cut)")
            }
            let resv = try Reply(Vectors.reply(release, "reservation-info-response-maint"), sentVersion: version).body
            for cut in stride(from: 0, to: resv.count, by: 3) {
                XCTAssertThrowsError(try ReservationInfo.decode(Array(resv.prefix(cut)), version: version), "\(release) cut \(cut)")
            }
            var huge = parts
            huge.replaceSubrange(0..<4, with: [0xff, 0xff, 0xff, 0xf0])
            XCTAssertThrowsError(try PartitionInfo.decode(huge, version: version), "\(release) huge count")
        }
    }
}
