import SlurmController
import SlurmParsing

/// One node of a job's allocation, laid out as the original's `JOB_RES_NODES` does from the
/// compressed `job_resources_t` arrays.
struct JobResNode {
    var index: Int
    var name: String
    var cpus: UInt16
    var cpusUsed: UInt16
    var memoryUsed: UInt64
    var memoryAllocated: UInt64
    var sockets: [JobResSocket]
}

struct JobResSocket {
    var index: Int = 0
    var cores: [JobResCore]
}

struct JobResCore {
    /// Our own encoding of the original's core status (see `coreStatus`).
    enum Status: UInt64 { case invalid = 0, unallocated = 1, allocated = 2, inUse = 6 }
    var index: Int = 0
    var status: Status = .invalid
}

enum JobResourcesSchema {
    /// The nodes of an allocation with their sockets and cores: node i has the socket layout of the
    /// run of `sock_core_rep_count` it falls in, and its cores take the next bits of `core_bitmap`
    /// (allocated) and `core_bitmap_used` (in use). Nothing without a core layout; the list stops
    /// before a node whose cores run past the bitmap, as the original's does. The bitmap's size
    /// counts only the bits its mask spells, and a layout without cores ends the list too: the
    /// sizes are the controller's claims, and a node that takes no bit would cost nothing on the wire.
    static func allocation(_ r: JobResources) -> [JobResNode] {
        guard !r.coresPerSocket.isEmpty, r.nhosts > 0 else { return [] }
        let hosts = HostList.split(r.nodes ?? "", limit: Int(r.nhosts))
        let bitmapSize = r.coreBitmap?.spelledBitCount ?? 0
        var nodes: [JobResNode] = []
        var bit = 0, layout = 0, layoutUses = 0
        for i in 0..<Int(r.nhosts) {
            if layout < r.sockCoreRepCount.count, UInt32(layoutUses) >= r.sockCoreRepCount[layout] {
                layout += 1
                layoutUses = 0
            }
            layoutUses += 1
            guard layout < r.socketsPerNode.count, layout < r.coresPerSocket.count else { break }
            let socketCount = Int(r.socketsPerNode[layout]), coreCount = Int(r.coresPerSocket[layout])
            guard socketCount > 0, coreCount > 0, socketCount * coreCount <= bitmapSize - bit else { break }
            var sockets = [JobResSocket](repeating: JobResSocket(cores: [JobResCore](repeating: JobResCore(), count: coreCount)),
                                         count: socketCount)
            for n in 0..<(socketCount * coreCount) {
                let s = n / coreCount, c = n % coreCount
                sockets[s].index = s
                sockets[s].cores[c].index = c
                if r.coreBitmap?.isSet(bit) == true {
                    sockets[s].cores[c].status = r.coreBitmapUsed?.isSet(bit) == true ? .inUse : .allocated
                } else {
                    sockets[s].cores[c].status = .unallocated
                }
                bit += 1
            }
            nodes.append(JobResNode(index: i, name: i < hosts.count ? hosts[i] : "",
                                    cpus: value(r.cpus, i), cpusUsed: value(r.cpusUsed, i),
                                    memoryUsed: value(r.memoryUsed, i), memoryAllocated: value(r.memoryAllocated, i),
                                    sockets: sockets))
        }
        return nodes
    }

    /// A per-node value, 0 when the controller sent no such array.
    static func value<T: BinaryInteger>(_ values: [T], _ i: Int) -> T { i < values.count ? values[i] : 0 }

    /// `select_type`: 22.05 to 25.05 controllers mark linear allocations with 0x8000, which the
    /// client turns into SELECT_LINEAR (0x20). The original's flag dump lists no further word once
    /// one of CPU/SOCKET/CORE matched (their equality claims every bit), so those words come alone.
    static func selectType(_ raw: UInt16) -> UInt64 {
        var flags = UInt64(raw)
        if flags & 0x8000 != 0 { flags = flags & ~0x8000 | 0x20 }
        return [1, 2, 4].contains(flags & 0x7) ? flags & 0x7 : flags
    }

    static let selectTypeTable = FlagTable([
        .equal("CPU", 0x1, mask: 0x7), .equal("SOCKET", 0x2, mask: 0x7), .equal("CORE", 0x4, mask: 0x7),
        .bit("BOARD", 0x8), .bit("MEMORY", 0x10), .bit("ONE_TASK_PER_CORE", 0x100), .bit("PACK_NODES", 0x200),
        .bit("CORE_DEFAULT_DIST_BLOCK", 0x1000), .bit("LLN", 0x4000), .bit("LINEAR", 0x20),
    ])

    static let nodeSelectTypeTable = FlagTable([
        .equal("AVAILABLE", 0, mask: 0xffff_ffff), .equal("ONE_ROW", 1, mask: 0xffff_ffff),
        .equal("RESERVED", 64000, mask: 0xffff_ffff),
    ])

    /// Core status words; the original's UNALLOCATED is NO_VAL64, an equality that hides its bits.
    static let coreStatusTable = FlagTable([
        .equal("INVALID", 0, mask: 0x7), .equal("UNALLOCATED", 1, mask: 0x1), .bit("ALLOCATED", 2), .bit("IN_USE", 4),
    ])

    static let coreSchema = ObjectSchema<JobResCore>("v0.0.43_job_res_core", [
        .int32("index", "Core index", required: true) { $0.index },
        .flags("status", "Core status", coreStatusTable, required: true) { $0.status.rawValue },
    ])

    static let socketSchema = ObjectSchema<JobResSocket>("v0.0.43_job_res_socket", [
        .int32("index", "Core index", required: true) { $0.index },
        .array("cores", "Core in socket", ArraySchema("v0.0.43_job_res_core_array", of: coreSchema), required: true) { $0.cores },
    ])

    static let nodeSchema = ObjectSchema<JobResNode>("v0.0.43_job_res_node", [
        .int32("index", "Node index") { $0.index },
        .string("name", "Node name") { $0.name },
        .inline("cpus", [
            .int32("count", "Total number of CPUs assigned to job") { $0.cpus },
            .int32("used", "Total number of CPUs used by job") { $0.cpusUsed },
        ]) { $0 },
        .inline("memory", [
            .int64("used", "Total memory (MiB) used by job") { $0.memoryUsed },
            .int64("allocated", "Total memory (MiB) allocated to job") { $0.memoryAllocated },
        ]) { $0 },
        .array("sockets", "Socket allocations in node", ArraySchema("v0.0.43_job_res_socket_array", of: socketSchema)) {
            $0.sockets
        },
    ])

    static let nodeComponent = nodeSchema.component(requiredPaths: [
        "index", "name", "cpus/count", "cpus/used", "memory/used", "memory/allocated", "sockets",
    ])

    static let schema = ObjectSchema<JobResources>("v0.0.43_job_res", [
        .flags("select_type", "Scheduler consumable resource selection type", selectTypeTable) { selectType($0.crType) },
        .inline("nodes", [
            .int32("count", "Number of allocated nodes") { $0.nhosts },
            .flags("select_type", "Node scheduling selection method", nodeSelectTypeTable) { UInt64($0.nodeReq) },
            .string("list", "Node(s) allocated to the job") { $0.nodes },
            .bool("whole", "Whether whole nodes were allocated") { $0.wholeNode != 0 },
            .array("allocation", "Allocated node resources", nodeSchema,
                   component: .array("v0.0.43_job_res_nodes", of: nodeComponent)) { allocation($0) },
        ]) { $0 },
        .int32("cpus", "Number of allocated CPUs") { $0.ncpus },
        .uint16NoVal("threads_per_core", "Number of processor threads per CPU core") { $0.threadsPerCore },
    ])

    static let component = schema.component(requiredPaths: [
        "select_type", "nodes/count", "nodes/select_type", "nodes/list", "cpus", "threads_per_core", "nodes/whole",
        "nodes/allocation",
    ])
}
