/// RESPONSE_SUBMIT_BATCH_JOB (`submit_response_msg_t`). `errorCode` may be non-zero for a job that
/// was created: a held submission answers ESLURM_JOB_HELD (2042) with its job id.
public struct SubmitResponse: WireMessage, Equatable, Sendable {
    /// `step_id.sluid` (25.11+).
    public var sluid: UInt64 = 0
    /// `job_id` (≤ 25.05) / `step_id.job_id` (25.11+).
    public var jobID: UInt32 = 0
    /// `step_id` (≤ 25.05) / `step_id.step_id` (25.11+): SLURM_BATCH_SCRIPT for a batch job.
    public var stepID: UInt32 = 0
    /// `step_id.step_het_comp` (25.11+).
    public var stepHetComp: UInt32 = SlurmNumber.noVal32
    public var errorCode: UInt32 = 0
    /// What a job_submit plugin told the user.
    public var jobSubmitUserMessage: String?
    public init() {}

    public var errorNumber: Int32 { Int32(bitPattern: errorCode) }

    public static let fields = FieldTable<SubmitResponse>([
        .u64("step_id.sluid", \.sluid, since: .v25_11),
        .u32("job_id", \.jobID),
        .u32("step_id", \.stepID),
        .u32("step_id.step_het_comp", \.stepHetComp, since: .v25_11),
        .u32("error_code", \.errorCode),
        .string("job_submit_user_msg", \.jobSubmitUserMessage),
    ])
}

/// One job record of RESPONSE_JOB_ARRAY_ERRORS: the outcome of an update for the array tasks (or
/// the whole array) `jobArrayID` names, e.g. "15_[1-3]".
public struct JobArrayResult: WireMessage, Equatable, Sendable {
    public var errorCode: UInt32 = 0
    public var jobArrayID: String?
    /// `err_msg` (23.02+).
    public var errorMessage: String?
    public init() {}

    public var errorNumber: Int32 { Int32(bitPattern: errorCode) }

    public static let fields = FieldTable<JobArrayResult>([
        .u32("error_code", \.errorCode),
        .string("job_array_id", \.jobArrayID),
        .string("err_msg", \.errorMessage, since: .v23_02),
    ])
}

/// RESPONSE_JOB_ARRAY_ERRORS (`job_array_resp_msg_t`): what a controller answers an update of an
/// array job, whatever the outcome.
public struct JobArrayResponse: WireMessage, Equatable, Sendable {
    public var count: UInt32 = 0
    public var results: [JobArrayResult] = []
    public init() {}

    public static let fields = FieldTable<JobArrayResponse>([
        .u32("job_array_count", \.count),
        .records("job_array", \.results, count: \.count),
    ])
}

/// A node address as `slurm_pack_addr` sends it: the address family, then for AF_INET a u32 and a
/// port, for AF_INET6 16 bytes (packmem) and a port, for anything else nothing.
public struct SlurmAddress: Equatable, Sendable {
    public static let inet: UInt16 = 2
    public static let inet6: UInt16 = 10

    public var family: UInt16 = 0
    /// The address bytes as they travelled: 4 for AF_INET, 16 for AF_INET6, none otherwise.
    public var address: [UInt8] = []
    /// In network byte order, as the sender's `sin_port` held it.
    public var port: UInt16 = 0

    public init(family: UInt16, address: [UInt8], port: UInt16) {
        self.family = family
        self.address = address
        self.port = port
    }
}

extension Unpacker {
    mutating func slurmAddress() throws(WireError) -> SlurmAddress {
        let family = try u16()
        switch family {
        case SlurmAddress.inet6:
            let address = try memory()
            guard address.count == 16 else { throw fail("IPv6 address of \(address.count) bytes") }
            return SlurmAddress(family: family, address: address, port: try u16())
        case SlurmAddress.inet:
            let address = Array(try take(4, "IPv4 address"))
            return SlurmAddress(family: family, address: address, port: try u16())
        default:
            return SlurmAddress(family: family, address: [], port: 0)
        }
    }
}

extension Packer {
    mutating func slurmAddress(_ a: SlurmAddress) {
        u16(a.family)
        switch a.family {
        case SlurmAddress.inet6: memory(a.address); u16(a.port)
        case SlurmAddress.inet: raw(a.address); u16(a.port)
        default: break
        }
    }
}

/// RESPONSE_RESOURCE_ALLOCATION (`resource_allocation_response_msg_t`), and each component of
/// RESPONSE_HET_JOB_ALLOCATION. A job that was queued rather than started has `nodeCount` 0.
public struct ResourceAllocation: WireMessage, Equatable, Sendable {
    public var account: String?
    /// `alias_list` (until 24.11).
    public var aliasList: String?
    public var batchHost: String?
    public var environment: [String] = []
    public var errorCode: UInt32 = 0
    /// `gid` (23.02+).
    public var groupID: UInt32 = 0
    /// `group_name` (23.02+).
    public var groupName: String?
    public var jobSubmitUserMessage: String?
    /// `job_id` (≤ 25.05) / `step_id.job_id` (25.11+).
    public var jobID: UInt32 = 0
    /// `node_cnt`.
    public var nodeCount: UInt32 = 0
    /// `node_addr` (until 24.11): present or not, then as many addresses as nodes.
    public var nodeAddresses: [SlurmAddress]?
    public var nodeList: String?
    public var ntasksPerBoard: UInt16 = 0
    public var ntasksPerCore: UInt16 = 0
    public var ntasksPerTres: UInt16 = 0
    public var ntasksPerSocket: UInt16 = 0
    public var numCpuGroups: UInt32 = 0
    /// `cpus_per_node` (numCpuGroups entries, sent only when there are some).
    public var cpusPerNode: [UInt16] = []
    /// `cpu_count_reps` (numCpuGroups entries).
    public var cpuCountReps: [UInt32] = []
    public var partition: String?
    /// MB, MEM_PER_CPU in bit 63.
    public var pnMinMemory: UInt64 = 0
    public var qos: String?
    public var reservationName: String?
    /// 22.05's select plugin id (its job data is empty for the plugins supported).
    public var selectPluginID: UInt32 = 0
    /// `segment_size` (25.11+).
    public var segmentSize: UInt16 = 0
    /// `start_protocol_ver` (25.11+).
    public var startProtocolVersion: UInt16 = 0
    /// `step_id.sluid` (25.11+).
    public var sluid: UInt64 = 0
    /// `step_id.step_id` (25.11+).
    public var stepID: UInt32 = SlurmNumber.noVal32
    /// `step_id.step_het_comp` (25.11+).
    public var stepHetComp: UInt32 = SlurmNumber.noVal32
    /// `tres_per_node` (23.02+).
    public var tresPerNode: String?
    /// `tres_per_task` (25.05+).
    public var tresPerTask: String?
    /// `uid` (23.02+).
    public var userID: UInt32 = 0
    /// `user_name` (23.02+).
    public var userName: String?
    public init() {}

    public var errorNumber: Int32 { Int32(bitPattern: errorCode) }

    public static let fields = FieldTable<ResourceAllocation>([
        .string("account", \.account),
        .string("alias_list", \.aliasList, until: .v25_05),
        .string("batch_host", \.batchHost),
        .stringArray("environment", \.environment),
        .u32("error_code", \.errorCode),
        .u32("gid", \.groupID, since: .v23_02),
        .string("group_name", \.groupName, since: .v23_02),
        .string("job_submit_user_msg", \.jobSubmitUserMessage),
        .u32("job_id", \.jobID, until: .v25_11),
        .u32("node_cnt", \.nodeCount),
        .nodeAddresses("node_addr", \.nodeAddresses, until: .v25_05),
        .string("node_list", \.nodeList),
        .u16("ntasks_per_board", \.ntasksPerBoard),
        .u16("ntasks_per_core", \.ntasksPerCore),
        .u16("ntasks_per_tres", \.ntasksPerTres),
        .u16("ntasks_per_socket", \.ntasksPerSocket),
        .u32("num_cpu_groups", \.numCpuGroups),
        .u16Array("cpus_per_node", \.cpusPerNode, when: { m, _ in m.numCpuGroups > 0 }),
        .u32Array("cpu_count_reps", \.cpuCountReps, when: { m, _ in m.numCpuGroups > 0 }),
        .string("partition", \.partition),
        .u64("pn_min_memory", \.pnMinMemory),
        .string("qos", \.qos),
        .string("resv_name", \.reservationName),
        .selectPlugin("select_jobinfo", \.selectPluginID, until: .v23_02),
        .u16("segment_size", \.segmentSize, since: .v25_11),
        .u16("start_protocol_ver", \.startProtocolVersion, since: .v25_11),
        .u64("step_id.sluid", \.sluid, since: .v25_11),
        .u32("step_id.job_id", \.jobID, since: .v25_11),
        .u32("step_id.step_id", \.stepID, since: .v25_11),
        .u32("step_id.step_het_comp", \.stepHetComp, since: .v25_11),
        .string("tres_per_node", \.tresPerNode, since: .v23_02),
        .string("tres_per_task", \.tresPerTask, since: .v25_05),
        .u32("uid", \.userID, since: .v23_02),
        .string("user_name", \.userName, since: .v23_02),
        .absentClusterRecord("working_cluster_rec"),
    ])

    /// The checks `_unpack_resource_allocation_response_msg` makes.
    public func validate() throws(WireError) {
        if let addresses = nodeAddresses, addresses.count != Int(nodeCount) {
            throw WireError(offset: 0, message: "allocation: \(addresses.count) node addresses for \(nodeCount) nodes")
        }
        if numCpuGroups > 0, cpusPerNode.count != Int(numCpuGroups) || cpuCountReps.count != Int(numCpuGroups) {
            throw WireError(offset: 0, message: "allocation: \(cpusPerNode.count) CPU counts and \(cpuCountReps.count) repetitions for \(numCpuGroups) groups")
        }
    }
}

/// RESPONSE_HET_JOB_ALLOCATION (`_pack_job_info_list_msg`): one allocation per component.
public struct HetJobAllocation: WireMessage, Equatable, Sendable {
    public var components: [ResourceAllocation] = []
    public init() {}

    public static let fields = FieldTable<HetJobAllocation>([.u16CountedRecords("job_resp_list", \.components)])
}

/// Field kinds only the allocation answer uses.
extension Field {
    /// `slurm_pack_addr_array` behind a presence byte.
    fileprivate static func nodeAddresses(_ name: String, _ path: WritableKeyPath<Model, [SlurmAddress]?>,
                                          until: ProtocolVersion) -> Field {
        Field(name, since: .v22_05, until: until, when: nil,
              encode: { m, _, p in
                  guard let addresses = m[keyPath: path] else { p.u8(0); return }
                  p.u8(1)
                  p.u32(UInt32(truncatingIfNeeded: addresses.count))
                  for a in addresses { p.slurmAddress(a) }
              },
              decode: { (m: inout Model, _: ProtocolVersion, u: inout Unpacker) throws(WireError) in
                  guard try u.u8() != 0 else { m[keyPath: path] = nil; return }
                  // Two bytes at least per address (a family without an address).
                  let n = try u.count(2, name)
                  var addresses: [SlurmAddress] = []
                  addresses.reserveCapacity(n)
                  for _ in 0..<n { addresses.append(try u.slurmAddress()) }
                  m[keyPath: path] = addresses
              })
    }

    /// The federation's working cluster record, which a controller sends only to a client of
    /// another cluster of its federation; this gateway speaks to its own cluster, so a record
    /// (a flag other than 0) is refused rather than read.
    fileprivate static func absentClusterRecord(_ name: String) -> Field {
        Field(name, since: .v22_05, until: nil, when: nil,
              encode: { _, _, p in p.u8(0) },
              decode: { (_: inout Model, _: ProtocolVersion, u: inout Unpacker) throws(WireError) in
                  guard try u.u8() == 0 else { throw u.fail("\(name): a federation's cluster record is not supported") }
              })
    }
}
