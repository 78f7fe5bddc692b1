import Foundation
import XCTest
import SlurmParsing
import SlurmController
@testable import SlurmRoutes

/// Node rendering from models and captured tables, compared with what the real slurmrestd
/// 26.05.5 prints for the same nodes.
final class NodeRenderingTests: XCTestCase {
    func words(_ state: UInt32) -> [String] { NodeStateWords.table.words(UInt64(state)) }

    func testStateWords() {
        XCTAssertEqual(words(0x0a00), ["UNKNOWN", "DRAIN", "NOT_RESPONDING"])
        XCTAssertEqual(words(0x0801), ["DOWN", "NOT_RESPONDING"])
        XCTAssertEqual(words(5), ["MIXED"])
        XCTAssertEqual(words(6), ["FUTURE"])
        XCTAssertEqual(words(SlurmNumber.noVal32), ["INVALID"], "NO_VAL is INVALID alone, not its flag bits too")
        XCTAssertEqual(words(2 | 1 << 4 | 1 << 27), ["IDLE"], "EXTERNAL and BLOCKED have no word in v0.0.43")
        XCTAssertEqual(words(3 | 1 << 5 | 1 << 26), ["ALLOCATED", "RESERVED", "DYNAMIC_NORM"])
    }

    /// SHOW_MIXED as libslurm applies it to partly allocated nodes.
    func testMixed() {
        var node = Node()
        node.cpusEffective = 2
        node.state = 3 | 1 << 9
        node.allocCPUs = 1
        NodesEndpoint.markMixed(&node)
        XCTAssertEqual(node.state, 5 | 1 << 9, "half allocated: MIXED, flags kept")
        node.state = 3
        node.allocCPUs = 2
        NodesEndpoint.markMixed(&node)
        XCTAssertEqual(node.state, 3, "fully allocated stays ALLOCATED")
        node.state = 2
        node.allocCPUs = 0
        NodesEndpoint.markMixed(&node)
        XCTAssertEqual(node.state, 2, "nothing allocated stays IDLE")
        node.allocTRES = "gres/gpu=1"
        NodesEndpoint.markMixed(&node)
        XCTAssertEqual(node.state, 5, "TRES without CPUs is MIXED")
        node.state = 2
        node.allocTRES = nil
        node.allocCPUs = 3
        NodesEndpoint.markMixed(&node)
        XCTAssertEqual(node.state, 2, "more allocated than effective: the 16-bit difference is not below the CPUs")
    }

    func testUserNames() {
        var asked: [UInt32] = []
        let accounts = AccountNames(user: { asked.append($0); return $0 == 0 ? "root" : nil }, group: { _ in nil })
        XCTAssertEqual(accounts.userOrEmpty(0), "root")
        XCTAssertEqual(accounts.userOrEmpty(4242), "", "no account: empty, as data_parser's USER_ID")
        XCTAssertEqual(accounts.userOrEmpty(SlurmNumber.noVal32), "")
        XCTAssertEqual(accounts.userOrEmpty(4242), "")
        XCTAssertEqual(asked, [0, 4242], "each id looked up once, NO_VAL never")
    }

    /// A captured reply of the controller tests' vectors, without its length prefix.
    func vector(_ release: String, _ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SlurmControllerTests/Vectors/\(release)/\(name).bin")
        return Array(try Data(contentsOf: url).dropFirst(4))
    }

    func table<M: WireMessage>(_ release: String, _ version: ProtocolVersion, _ name: String, _ type: MessageType,
                               as: M.Type) throws -> M {
        try Reply(try vector(release, name), sentVersion: version).decode(type, as: M.self)
    }

    /// Partitions by node index, skipping the hidden FUTURE node; by host name for a one-node table.
    func testPartitionsOfEachNode() throws {
        for (release, version) in [("22.05", ProtocolVersion.v22_05), ("24.11", .v24_11), ("26.05", .v26_05)] {
            let nodes = try table(release, version, "node-info-response-ghosts", .responseNodeInfo, as: NodeInfo.self)
            let parts = try table(release, version, "partition-info-response-three", .responsePartitionInfo, as: PartitionInfo.self)
            let names = NodesEndpoint.partitionNames(of: nodes, in: parts.partitions)
            let byNode = Dictionary(zip(nodes.nodes.map { $0.name ?? "" }, names), uniquingKeysWith: { a, _ in a })
            XCTAssertEqual(byNode["ghost1"], ["batch", "ghosts"], release)
            XCTAssertEqual(byNode["ghost2"], ["batch", "ghosts"], release)
            XCTAssertEqual(byNode["vm"], ["debug", "batch"], release)
        }
        let single = try table("26.05", .v26_05, "node-info-single-response", .responseNodeInfo, as: NodeInfo.self)
        let parts = try table("26.05", .v26_05, "partition-info-response-three", .responsePartitionInfo, as: PartitionInfo.self)
        XCTAssertEqual(NodesEndpoint.partitionNames(of: single, in: parts.partitions), [["debug", "batch"]])
    }

    /// ghost1 of the 26.05 capture, as the real slurmrestd printed it at the time, with one
    /// change: `gres_drained` is "" because the capture was made without SHOW_DETAIL (the
    /// controller sends "N/A" with it).
    static let ghost1 = #"{"architecture":"","burstbuffer_network_address":"","boards":1,"boot_time":{"set":true,"infinite":false,"number":0},"tls_cert_last_renewal":{"set":true,"infinite":false,"number":0},"cert_flags":[],"cluster_name":"","cores":1,"specialized_cores":0,"cpu_binding":0,"cpu_load":0,"free_mem":{"set":false,"infinite":false,"number":0},"cpus":4,"effective_cpus":4,"specialized_cpus":"","energy":{"average_watts":0,"base_consumed_energy":0,"consumed_energy":0,"current_watts":{"set":true,"infinite":false,"number":0},"previous_consumed_energy":0,"last_collected":0},"external_sensors":{},"extra":"","power":{},"features":["slow"],"active_features":["slow"],"gpu_spec":"","gres":"","gres_drained":"","gres_used":"","instance_id":"","instance_type":"","last_busy":{"set":true,"infinite":false,"number":0},"mcs_label":"","specialized_memory":0,"name":"ghost1","next_state_after_reboot":["INVALID"],"address":"127.0.0.1","hostname":"ghost1","state":["UNKNOWN","DRAIN","NOT_RESPONDING"],"operating_system":"","owner":"","partitions":["batch","ghosts"],"port":9,"real_memory":8000,"res_cores_per_gpu":0,"comment":"","reason":"disk replacement","reason_changed_at":{"set":true,"infinite":false,"number":1796165633},"reason_set_by_user":"root","resume_after":{"set":true,"infinite":false,"number":0},"reservation":"","alloc_memory":0,"alloc_cpus":0,"alloc_idle_cpus":4,"tres_used":"","tres_weighted":0.0,"slurmd_start_time":{"set":true,"infinite":false,"number":0},"sockets":4,"threads":1,"temporary_disk":0,"weight":1,"topology":"","tres":"cpu=4,mem=8000M,billing=4","version":""}"#

    func testNodeAsTheOriginalRendersIt() throws {
        let nodes = try table("26.05", .v26_05, "node-info-response-ghosts", .responseNodeInfo, as: NodeInfo.self)
        let parts = try table("26.05", .v26_05, "partition-info-response-three", .responsePartitionInfo, as: PartitionInfo.self)
        let names = NodesEndpoint.partitionNames(of: nodes, in: parts.partitions)
        let view = NodeView(node: nodes.nodes[0], partitions: names[0], owner: "", reasonSetBy: "root")
        var w = JSONWriter(pretty: false)
        NodesEndpoint.nodeSchema.render(view, into: &w)
        let ours = try JSONReader.parse(w.takeBytes())
        XCTAssertEqual(ours, try JSONReader.parse(Array(Self.ghost1.utf8)), "same keys, order and values")
    }

    /// CSV strings drop empty parts; 0 times are set zeros; the last_update of an empty table is 0.
    func testCSVAndTimes() throws {
        var node = Node()
        node.name = "n1"
        node.features = "a,,b,"
        node.featuresActive = ""
        node.bootTime = -1
        node.lastBusy = 0
        node.certFlags = 1
        var w = JSONWriter(pretty: false)
        NodesEndpoint.nodeSchema.render(NodeView(node: node), into: &w)
        let json = try JSONReader.parse(w.takeBytes())
        XCTAssertEqual(json["features"], .array([.string("a"), .string("b")]))
        XCTAssertEqual(json["active_features"], .array([]))
        XCTAssertEqual(json["boot_time"]?["infinite"], .bool(true), "time -1 is INFINITE64")
        XCTAssertEqual(json["last_busy"]?["set"], .bool(true))
        XCTAssertEqual(json["cert_flags"], .array([.string("TOKEN_SET")]))
        XCTAssertEqual(json["partitions"], .array([]))
    }

    /// Plain numbers holding INFINITE or NO_VAL come with the original's placeholder warnings,
    /// in rendering order (22.05 sends NO_VAL as the CPU load of a node without slurmd).
    func testPlaceholderWarnings() throws {
        let nodes = try table("22.05", .v22_05, "node-info-response-ghosts", .responseNodeInfo, as: NodeInfo.self)
        XCTAssertEqual(NodesEndpoint.placeholderWarnings(nodes.nodes[0]).map(\.description),
                       ["Dumping (0xfffffffe) as place holder for null"])
        var node = Node()
        node.weight = SlurmNumber.infinite32
        node.energy.pollTime = -1
        XCTAssertEqual(NodesEndpoint.placeholderWarnings(node).map(\.description),
                       ["Dumping (0xffffffffffffffff) as place holder for Infinity",
                        "Dumping (0xffffffff) as place holder for Infinity"])
        XCTAssertEqual(NodesEndpoint.placeholderWarnings(nodes.nodes[3]), [], "a registered node has none")
    }
}
