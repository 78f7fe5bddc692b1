import XCTest
import SlurmParsing
import SlurmController
@testable import SlurmRoutes

/// Partition and reservation rendering from models, compared with what the real slurmrestd
/// 26.05.5 printed for the lab's partitions and its reservation `maint`.
final class PartitionsReservationsRenderingTests: XCTestCase {
    func render<M>(_ schema: ObjectSchema<M>, _ model: M) -> String {
        var w = JSONWriter(pretty: false)
        schema.render(model, into: &w)
        return String(decoding: w.takeBytes(), as: UTF8.self)
    }

    /// The lab's `batch` partition as the 26.05 controller sends it.
    static var batch: Partition {
        var p = Partition()
        p.name = "batch"; p.nodes = "ghost[1-2],vm"; p.totalNodes = 3; p.totalCPUs = 10
        p.maxTime = 120; p.defaultTime = 10; p.maxNodes = 2
        p.maxCPUsPerNode = 0xffff_ffff; p.maxCPUsPerSocket = 0xffff_ffff
        p.maxShare = 1; p.overTimeLimit = 0xfffe; p.preemptMode = 0xfffe
        p.priorityJobFactor = 1; p.priorityTier = 2; p.stateUp = 3
        p.resumeTimeout = 0xfffe; p.suspendTimeout = 0xfffe; p.suspendTime = 0xffff_fffe
        p.tres = "cpu=10,mem=36000M,node=3,billing=10"
        return p
    }

    func testPartitionAsTheOriginalPrintsIt() {
        let unset = #"{"set":false,"infinite":false,"number":0}"#
        let unlimited = #"{"set":false,"infinite":true,"number":0}"#
        let zero = #"{"set":true,"infinite":false,"number":0}"#
        XCTAssertEqual(render(PartitionsEndpoint.partitionSchema, Self.batch),
            #"{"nodes":{"allowed_allocation":"","configured":"ghost[1-2],vm","total":3},"#
            + #""accounts":{"allowed":"","deny":""},"groups":{"allowed":""},"qos":{"allowed":"","deny":"","assigned":""},"#
            + #""alternate":"","tres":{"billing_weights":"","configured":"cpu=10,mem=36000M,node=3,billing=10"},"#
            + #""cluster":"","select_type":[],"cpus":{"task_binding":0,"total":10},"#
            + #""defaults":{"memory_per_cpu":0,"partition_memory_per_cpu":\#(unset),"partition_memory_per_node":\#(zero),"#
            + #""time":{"set":true,"infinite":false,"number":10},"job":""},"grace_time":0,"#
            + #""maximums":{"cpus_per_node":\#(unlimited),"cpus_per_socket":\#(unlimited),"memory_per_cpu":0,"#
            + #""partition_memory_per_cpu":\#(unset),"partition_memory_per_node":\#(zero),"#
            + #""nodes":{"set":true,"infinite":false,"number":2},"shares":1,"oversubscribe":{"jobs":1,"flags":[]},"#
            + #""time":{"set":true,"infinite":false,"number":120},"over_time_limit":\#(unset)},"#
            + #""minimums":{"nodes":0},"name":"batch","node_sets":"","priority":{"job_factor":1,"tier":2},"#
            + #""timeouts":{"resume":\#(unset),"suspend":\#(unset)},"topology":"","partition":{"state":["UP"]},"#
            + #""suspend_time":\#(unset)}"#)
    }

    /// Memory per CPU carries bit 63; OverSubscribe=FORCE:4 is 4 with SHARED_FORCE; CR_Core_Memory.
    func testMemorySharesStatesAndSelectTypes() throws {
        var p = Self.batch
        p.defMemPerCPU = 0x8000_0000_0000_0000 | 512
        p.maxMemPerCPU = 4096
        p.maxShare = 0x8004
        p.crType = 0x0004 | 0x0010
        p.stateUp = 0
        let json = try JSONReader.parse(Array(render(PartitionsEndpoint.partitionSchema, p).utf8))
        XCTAssertEqual(json["defaults"]?["memory_per_cpu"], .int(Int64(bitPattern: 0x8000_0000_0000_0200)))
        XCTAssertEqual(json["defaults"]?["partition_memory_per_cpu"]?["number"], .int(512))
        XCTAssertEqual(json["defaults"]?["partition_memory_per_node"]?["set"], .bool(false))
        XCTAssertEqual(json["maximums"]?["partition_memory_per_node"]?["number"], .int(4096))
        XCTAssertEqual(json["maximums"]?["partition_memory_per_cpu"]?["set"], .bool(false))
        XCTAssertEqual(json["maximums"]?["shares"], .int(0x8004))
        XCTAssertEqual(json["maximums"]?["oversubscribe"]?["jobs"], .int(4))
        XCTAssertEqual(json["maximums"]?["oversubscribe"]?["flags"], .array([.string("force")]))
        XCTAssertEqual(json["select_type"], .array([.string("CORE"), .string("MEMORY")]))
        XCTAssertEqual(json["partition"]?["state"], .array([.string("INACTIVE")]))
        XCTAssertEqual(PartitionsEndpoint.states.words(0xfffe), ["UNKNOWN"])
        XCTAssertEqual(PartitionsEndpoint.states.words(2), ["DRAIN"])
        XCTAssertEqual(PartitionsEndpoint.selectTypes.words(0x0001), ["CPU"])
    }

    /// Without accounting storage the original warns that it has no TRES table; plain counters
    /// holding INFINITE or NO_VAL are printed raw with a warning each.
    func testPartitionWarnings() {
        var info = PartitionInfo(lastUpdate: 1, partitions: [Self.batch])
        XCTAssertEqual(PartitionsEndpoint.renderingWarnings(info, accountingDisabled: true),
                       [APIWarning(description: "Slurm accounting storage is disabled. Could not query the following: [TRES].", source: "")])
        XCTAssertEqual(PartitionsEndpoint.renderingWarnings(info, accountingDisabled: false), [])
        info.partitions[0].graceTime = 0xffff_ffff
        info.partitions[0].maxMemPerCPU = SlurmNumber.noVal64
        XCTAssertEqual(PartitionsEndpoint.renderingWarnings(info, accountingDisabled: false).map(\.description),
                       ["Dumping (0xffffffff) as place holder for Infinity", "Dumping (0xfffffffffffffffe) as place holder for null"])
        XCTAssertEqual(PartitionsEndpoint.renderingWarnings(PartitionInfo(), accountingDisabled: true).map(\.description),
                       ["Slurm accounting storage is disabled. Could not query the following: [TRES].", "No partitions to dump"])
    }

    func testAccountingDisabledFollowsTheConfiguredPlugin() {
        func envelope(_ storage: String) -> Envelope {
            Envelope(meta: Meta(accountingStorage: storage, clientSource: "", clientUser: "", clientGroup: "", cluster: ""))
        }
        XCTAssertTrue(envelope("").accountingDisabled, "SlurmConf reads a type naming none as no type")
        XCTAssertFalse(envelope("accounting_storage/slurmdbd").accountingDisabled)
    }

    /// The lab's reservation `maint` as the original printed it.
    func testReservationAsTheOriginalPrintsIt() {
        var r = Reservation()
        r.name = "maint"; r.coreCount = 2; r.nodeCount = 1; r.nodeList = "vm"; r.users = "alice"; r.tres = "cpu=2"
        r.flags = 0x8041; r.purgeCompletedTime = 300; r.startTime = 1796770433; r.endTime = 1796777633
        XCTAssertEqual(render(ReservationsEndpoint.reservationSchema, r),
            #"{"accounts":"","burst_buffer":"","core_count":2,"core_specializations":[],"#
            + #""end_time":{"set":true,"infinite":false,"number":1796777633},"features":"","#
            + #""flags":["MAINT","IGNORE_JOBS","SPEC_NODES"],"groups":"","licenses":"","max_start_delay":0,"#
            + #""name":"maint","node_count":1,"node_list":"vm","partition":"","#
            + #""purge_completed":{"time":{"set":true,"infinite":false,"number":300}},"#
            + #""start_time":{"set":true,"infinite":false,"number":1796770433},"watts":{},"tres":"cpu=2","users":"alice"}"#)
    }

    func testReservationFlagsAndCoreSpecs() throws {
        // HOURLY, DAILY, WEEKLY, WEEKDAY and WEEKEND together also read as REOCCURRING.
        let all: UInt64 = 1 << 35 | 1 << 2 | 1 << 4 | 1 << 21 | 1 << 23
        XCTAssertEqual(ReservationsEndpoint.flagWords.words(all), ["DAILY", "WEEKLY", "WEEKDAY", "WEEKEND", "HOURLY", "REOCCURRING"])
        XCTAssertEqual(ReservationsEndpoint.flagWords.words(1 << 16 | 1 << 37), [], "FIRST_CORES (22.05) and GRES_REQ are not words")
        var r = Reservation()
        var spec = ReservationCoreSpec(); spec.node = "vm"; spec.cores = "0-1"
        r.coreSpecCount = 1; r.coreSpecs = [spec]
        let json = try JSONReader.parse(Array(render(ReservationsEndpoint.reservationSchema, r).utf8))
        XCTAssertEqual(json["core_specializations"], .array([.object([("node", .string("vm")), ("core", .string("0-1"))])]))
        r.maxStartDelay = 0xffff_fffe
        XCTAssertEqual(ReservationsEndpoint.renderingWarnings(ReservationInfo(lastUpdate: 0, reservations: [r])).map(\.description),
                       ["Dumping (0xfffffffe) as place holder for null"])
    }
}
