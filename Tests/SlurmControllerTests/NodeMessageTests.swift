import XCTest
@testable import SlurmController

/// The node tables from captured replies: the one-node lab of the shared vectors
/// (`node-info-response`) and the lab with drained, down and future nodes (`...-ghosts`, captured
/// from `scontrol show node` as root: the FUTURE node ghost3 is hidden, a blank record in 22.05
/// and a bit of `hidden_nodes` from 24.11).
final class NodeMessageTests: XCTestCase {
    func nodeTable(_ release: String, _ version: ProtocolVersion, _ name: String) throws -> (NodeInfo, [UInt8]) {
        let reply = try Reply(Vectors.reply(release, name), sentVersion: version)
        return (try reply.decode(.responseNodeInfo, as: NodeInfo.self), reply.body)
    }

    func testOneNodeTableOfEveryRelease() throws {
        for (release, version) in Vectors.releases {
            let (info, body) = try nodeTable(release, version, "node-info-response")
            XCTAssertEqual(info.count, 1, release)
            let vm = try XCTUnwrap(info.nodes.first, release)
            XCTAssertEqual(vm.name, "vm", release)
            XCTAssertEqual(vm.address, "127.0.0.1", release)
            XCTAssertEqual(vm.cpus, 2, release)
            XCTAssertEqual(vm.realMemory, 20000, release)
            XCTAssertEqual(vm.version?.hasPrefix(release), true, release)
            XCTAssertEqual(vm.state & 0xf, 2, "\(release): idle")
            XCTAssertEqual(vm.nextState, 0xffff_fffe, release)
            XCTAssertEqual(vm.tres, "cpu=2,mem=20000M,billing=2", release)
            XCTAssertEqual(vm.selectPluginID, version < .v25_05 ? 109 : 0, "\(release): cons_tres data before 25.05")
            XCTAssertEqual(info.encode(version: version), body, "\(release) round trip")
        }
    }

    func testHiddenNodesByRelease() throws {
        for (release, version) in Vectors.releases {
            let (info, body) = try nodeTable(release, version, "node-info-response-ghosts")
            XCTAssertEqual(info.count, 4, release)
            if version < .v24_11 {
                XCTAssertNil(info.hiddenNodes, release)
                XCTAssertEqual(info.nodes.map(\.name), ["ghost1", "ghost2", nil, "vm"], release)
            } else {
                XCTAssertEqual(info.hiddenNodes, HexBitmap(bitCount: 4, setting: [2]), release)
                XCTAssertEqual(info.nodes.map(\.name), ["ghost1", "ghost2", "vm"], release)
            }
            XCTAssertEqual(info.nodes.compactMap { $0.name == nil ? nil : $0.tableIndex }, [0, 1, 3], release)
            let ghost1 = try XCTUnwrap(info.nodes.first, release)
            XCTAssertEqual(ghost1.state, 0x0a00, "\(release): UNKNOWN+DRAIN+NOT_RESPONDING")
            XCTAssertEqual(ghost1.reason, "disk replacement", release)
            XCTAssertEqual(ghost1.reasonUID, 0, release)
            XCTAssertEqual(ghost1.port, 9, release)
            XCTAssertEqual(ghost1.features, "slow", release)
            XCTAssertEqual(ghost1.freeMemory, 0xffff_ffff_ffff_fffe, release)
            XCTAssertEqual(ghost1.suspendTime, version >= .v26_05 ? 0xffff_ffff : 0, release)
            let vm = try XCTUnwrap(info.nodes.last, release)
            XCTAssertEqual(vm.gres, "gpu:2", release)
            XCTAssertEqual(vm.allocCPUs, 1, release)
            XCTAssertEqual(vm.allocTRES, "cpu=1,mem=100M", release)
            XCTAssertEqual(vm.architecture, "x86_64", release)
            XCTAssertEqual(info.encode(version: version), body, "\(release) round trip")
        }
    }

    /// Each partition names its nodes by their places in the node table (the partitions of the
    /// same lab, captured with `partition-info-response-three`).
    func testPartitionNodeIndexes() throws {
        for (release, version) in Vectors.releases {
            let reply = try Reply(Vectors.reply(release, "partition-info-response-three"), sentVersion: version)
            let info = try reply.decode(.responsePartitionInfo, as: PartitionInfo.self)
            XCTAssertEqual(info.partitions.map(\.name), ["debug", "batch", "ghosts"], release)
            let members = info.partitions.map { p in (0..<4).filter { p.nodeIndex?.contains($0) == true } }
            XCTAssertEqual(members, [[3], [0, 1, 3], [0, 1, 2]], release)
        }
        var partition = Partition()
        partition.nodeIndexBits = 4
        partition.nodeIndexMask = "0xG"
        XCTAssertNil(partition.nodeIndex, "a mask that is not hex names no node")
        partition.nodeIndexBits = 0xffff_fffe
        partition.nodeIndexMask = nil
        XCTAssertNil(partition.nodeIndex)
    }

    /// Requests as the real clients sent them: scontrol's REQUEST_NODE_INFO, and the real
    /// slurmrestd's REQUEST_NODE_INFO_SINGLE for `/node/vm` (ALL, DETAIL, MIXED).
    func testRequests() throws {
        for (release, version) in Vectors.releases {
            let (_, body) = try Vectors.request(release, "node-info-request")
            let request = try NodeInfoRequest.decode(body, version: version)
            XCTAssertEqual(request.lastUpdate, 0, release)
            XCTAssertEqual(request.encode(version: version), body, release)
        }
        let (header, body) = try Vectors.request("26.05", "node-info-single-request")
        XCTAssertEqual(Array(header[4..<6]), [0x07, 0xf8], "REQUEST_NODE_INFO_SINGLE is 2040")
        XCTAssertEqual(NodeInfoSingleRequest(nodeName: "vm", showFlags: 0x0b).encode(version: .v26_05), body)
    }

    func testSingleNodeReplies() throws {
        let (one, body) = try nodeTable("26.05", .v26_05, "node-info-single-response")
        XCTAssertEqual(one.count, 1)
        XCTAssertNil(one.hiddenNodes, "a single node comes without the hidden bitmap (NO_VAL)")
        XCTAssertEqual(one.nodes.map(\.name), ["vm"])
        XCTAssertEqual(one.encode(version: .v26_05), body)
        let (none, noneBody) = try nodeTable("26.05", .v26_05, "node-info-single-unknown-response")
        XCTAssertEqual(none.count, 0, "an unknown node is an empty table, not an error code")
        XCTAssertEqual(none.nodes, [])
        XCTAssertEqual(none.encode(version: .v26_05), noneBody)
    }

    /// The markers give each release's record; the counts are those of shared/docs/protocol.md
    /// §4.4 (fields incl. nested, less the message's own count, time and bitmap).
    func testNodeFieldListsByRelease() {
        let counts: [(ProtocolVersion, Int)] = [(.v22_05, 57), (.v23_02, 59), (.v23_11, 61), (.v24_05, 58),
                                                (.v24_11, 59), (.v25_05, 60), (.v25_11, 61), (.v26_05, 62)]
        for (version, count) in counts {
            XCTAssertEqual(Node.fields.names(in: version, for: Node()).count, count, version.release)
        }
        let v2505 = Node.fields.names(in: .v25_05, for: Node())
        XCTAssertFalse(v2505.contains("select_plugin_id") || v2505.contains("tres_alloc_weighted"))
    }

    /// Corrupt replies fail cleanly: truncations, an unknown select plugin, a count far beyond
    /// the message, a bitmap whose mask is not hex.
    func testMalformedTablesFailCleanly() throws {
        for (release, version) in Vectors.releases {
            let (_, body) = try nodeTable(release, version, "node-info-response-ghosts")
            for cut in stride(from: 0, to: body.count, by: 5) {
                XCTAssertThrowsError(try NodeInfo.decode(Array(body.prefix(cut)), version: version), "\(release) cut \(cut)")
            }
            var huge = body
            huge.replaceSubrange(0..<4, with: [0x7f, 0xff, 0xff, 0xff])
            XCTAssertThrowsError(try NodeInfo.decode(huge, version: version), release)
        }
        var node = Node()
        node.selectPluginID = 107
        var info = NodeInfo()
        info.count = 1
        info.nodes = [node]
        XCTAssertThrowsError(try NodeInfo.decode(info.encode(version: .v24_11), version: .v24_11), "select/cray_aries")
        var p = Packer()
        p.u32(4)
        p.string("0xZ")
        var u = Unpacker(p.bytes)
        XCTAssertThrowsError(try u.hexBitmap())
    }

    func testHexBitmapMasks() throws {
        let bitmap = HexBitmap(bitCount: 10, setting: [0, 3, 9])
        XCTAssertEqual(bitmap.mask, "0x209")
        XCTAssertEqual(HexBitmap(bitCount: 10, mask: "0x209"), bitmap)
        XCTAssertEqual(HexBitmap(bitCount: 10, mask: "0x0209"), bitmap, "leading zeros are allowed")
        XCTAssertNil(HexBitmap(bitCount: 4, mask: "0x10"), "a set bit beyond the size")
        XCTAssertEqual((0..<12).filter { bitmap.contains($0) }, [0, 3, 9])
        XCTAssertEqual(HexBitmap(bitCount: 4, setting: []).mask, "0x0")
        XCTAssertEqual(HexBitmap(bitCount: 16, mask: "0xaB00")?.mask, "0xAB00")
    }
}
