import SlurmController

enum PartitionsEndpoint {
    /// data_parser `CR_TYPE`. The first three are exclusive values of the low bits; a partition's
    /// own SelectTypeParameters only sets CPU/SOCKET/CORE and MEMORY, whose bits no release moved.
    static let selectTypes = FlagTable([
        .equal("CPU", 0x0001, mask: 0x0007),
        .equal("SOCKET", 0x0002, mask: 0x0007),
        .equal("CORE", 0x0004, mask: 0x0007),
        .bit("BOARD", 0x0008),
        .bit("MEMORY", 0x0010),
        .bit("ONE_TASK_PER_CORE", 0x0100),
        .bit("PACK_NODES", 0x0200),
        .bit("CORE_DEFAULT_DIST_BLOCK", 0x1000),
        .bit("LLN", 0x4000),
        .bit("LINEAR", 0x0020),
    ])

    /// data_parser `PARTITION_STATES`: the whole 16-bit value names one state.
    static let states = FlagTable([
        .equal("INACTIVE", 0x0000, mask: 0xffff),
        .equal("UNKNOWN", 0xfffe, mask: 0xffff),
        .equal("UP", 0x0003, mask: 0xffff),
        .equal("DOWN", 0x0001, mask: 0xffff),
        .equal("DRAIN", 0x0002, mask: 0xffff),
    ])

    /// SHARED_FORCE in the OverSubscribe job count.
    static let sharedForce: UInt16 = 0x8000
    static let oversubscribeFlags = FlagTable([.bit("force", UInt64(sharedForce))])

    /// Fields in the order the original creates them (nested objects open where their first
    /// member appears), which is the spec's order.
    static let partitionSchema = ObjectSchema<Partition>("v0.0.43_partition_info", [
        .inline("nodes", [
            .string("allowed_allocation", "AllocNodes - Comma-separated list of nodes from which users can submit jobs in the partition") { $0.allowAllocNodes },
            .string("configured", "Nodes - Comma-separated list of nodes which are associated with this partition") { $0.nodes },
            .int32("total", "TotalNodes - Number of nodes available in this partition") { $0.totalNodes },
        ]) { $0 },
        .inline("accounts", [
            .string("allowed", "AllowAccounts - Comma-separated list of accounts which may execute jobs in the partition") { $0.allowAccounts },
            .string("deny", "DenyAccounts - Comma-separated list of accounts which may not execute jobs in the partition") { $0.denyAccounts },
        ]) { $0 },
        .inline("groups", [
            .string("allowed", "AllowGroups - Comma-separated list of group names which may execute jobs in this partition") { $0.allowGroups },
        ]) { $0 },
        .inline("qos", [
            .string("allowed", "AllowQOS - Comma-separated list of Qos which may execute jobs in the partition") { $0.allowQOS },
            .string("deny", "DenyQOS - Comma-separated list of Qos which may not execute jobs in the partition") { $0.denyQOS },
            .string("assigned", "QOS - QOS name containing limits that will apply to all jobs in this partition") { $0.qos },
        ]) { $0 },
        .string("alternate", "Alternate - Partition name of alternate partition to be used if the state of this partition is DRAIN or INACTIVE") { $0.alternate },
        .inline("tres", [
            .string("billing_weights", "TRESBillingWeights - Billing weights of each tracked TRES type that will be used in calculating the usage of a job") { $0.billingWeights },
            .string("configured", "TRES - Number of each applicable TRES type available in this partition") { $0.tres },
        ]) { $0 },
        // Only set for a federation's other clusters, which this gateway does not query.
        .string("cluster", "Cluster name") { _ in nil },
        .flags("select_type", "Scheduler consumable resource selection type", selectTypes) { UInt64($0.crType) },
        .inline("cpus", [
            .int32("task_binding", "CpuBind - Default method controlling how tasks are bound to allocated resources") { $0.cpuBind },
            .int32("total", "TotalCPUs - Number of CPUs available in this partition") { $0.totalCPUs },
        ]) { $0 },
        .inline("defaults", [
            .int64("memory_per_cpu", "Raw value for DefMemPerCPU or DefMemPerNode") { $0.defMemPerCPU },
            .memoryPerCPU("partition_memory_per_cpu", "DefMemPerCPU - Default real memory size available per allocated CPU in megabytes") { $0.defMemPerCPU },
            .memoryPerNode("partition_memory_per_node", "DefMemPerNode - Default real memory size available per allocated node in megabytes") { $0.defMemPerCPU },
            .uint32NoVal("time", "DefaultTime - Run time limit in minutes used for jobs that don't specify a value") { $0.defaultTime },
            // libslurm never fills the text form of JobDefaults when it reads partitions.
            .string("job", "JobDefaults - Comma-separated list of job default values (this field is only used to set new defaults)") { _ in nil },
        ]) { $0 },
        .int32("grace_time", "GraceTime - Grace time in seconds to be extended to a job which has been selected for preemption") { $0.graceTime },
        .inline("maximums", [
            .uint32NoVal("cpus_per_node", "MaxCPUsPerNode - Maximum number of CPUs on any node available to all jobs from this partition") { $0.maxCPUsPerNode },
            .uint32NoVal("cpus_per_socket", "MaxCPUsPerSocket - Maximum number of CPUs on any node available on the all jobs from this partition") { $0.maxCPUsPerSocket },
            .int64("memory_per_cpu", "Raw value for MaxMemPerCPU or MaxMemPerNode") { $0.maxMemPerCPU },
            .memoryPerCPU("partition_memory_per_cpu", "MaxMemPerCPU - Maximum real memory size available per allocated CPU in megabytes") { $0.maxMemPerCPU },
            .memoryPerNode("partition_memory_per_node", "MaxMemPerNode - Maximum real memory size available per allocated node in a job allocation in megabytes") { $0.maxMemPerCPU },
            .uint32NoVal("nodes", "MaxNodes - Maximum count of nodes which may be allocated to any single job") { $0.maxNodes },
            .int32("shares", "OverSubscribe - Controls the ability of the partition to execute more than one job at a time on each resource") { $0.maxShare },
            .inline("oversubscribe", [
                .int32("jobs", "Maximum number of jobs allowed to oversubscribe resources") { $0 & ~sharedForce },
                .flags("flags", "Flags applicable to the OverSubscribe setting", oversubscribeFlags) { UInt64($0) },
            ]) { $0.maxShare },
            .uint32NoVal("time", "MaxTime - Maximum run time limit for jobs") { $0.maxTime },
            .uint16NoVal("over_time_limit", "OverTimeLimit - Number of minutes by which a job can exceed its time limit before being canceled") { $0.overTimeLimit },
        ]) { $0 },
        .inline("minimums", [
            .int32("nodes", "MinNodes - Minimum count of nodes which may be allocated to any single job") { $0.minNodes },
        ]) { $0 },
        .string("name", "PartitionName - Name by which the partition may be referenced") { $0.name },
        .string("node_sets", "NodeSets - Comma-separated list of nodesets which are associated with this partition") { $0.nodeSets },
        .inline("priority", [
            .int32("job_factor", "PriorityJobFactor - Partition factor used by priority/multifactor plugin in calculating job priority") { $0.priorityJobFactor },
            .int32("tier", "PriorityTier - Controls the order in which the scheduler evaluates jobs from different partitions") { $0.priorityTier },
        ]) { $0 },
        .inline("timeouts", [
            .uint16NoVal("resume", "ResumeTimeout - Resumed nodes which fail to respond in this time frame will be marked DOWN (GLOBAL if both set and infinite are false)") { $0.resumeTimeout },
            .uint16NoVal("suspend", "SuspendTimeout - Maximum time permitted (in seconds) between when a node suspend request is issued and when the node is shutdown (GLOBAL if both set and infinite are false)") { $0.suspendTimeout },
        ]) { $0 },
        .string("topology", "Topology - Name of the topology, defined in topology.yaml, used by jobs in this partition") { $0.topology },
        .inline("partition", [
            .flags("state", "Current state(s)", states) { UInt64($0.stateUp) },
        ]) { $0 },
        .uint32NoVal("suspend_time", "SuspendTime - Nodes which remain idle or down for this number of seconds will be placed into power save mode (GLOBAL if both set and infinite are false)") { $0.suspendTime },
    ])

    static let response = ResponseSchema<PartitionInfo>("v0.0.43_openapi_partition_resp", [
        .array("partitions", "List of partitions", ArraySchema("v0.0.43_partition_info_msg", of: partitionSchema),
               required: true) { $0.partitions },
        .uint64NoVal("last_update", "Time of last partition change (UNIX timestamp)", required: true) {
            UInt64(bitPattern: $0.lastUpdate) },
    ], empty: PartitionInfo())

    /// The warnings the original adds while rendering `info`: the missing TRES table without
    /// accounting storage, an empty list, and plain counters holding INFINITE or NO_VAL (in the
    /// order the partition's fields are rendered).
    static func renderingWarnings(_ info: PartitionInfo, accountingDisabled: Bool) -> [APIWarning] {
        var warnings: [APIWarning] = []
        if accountingDisabled { warnings.append(Envelope.accountingDisabledWarning(needs: "TRES")) }
        if info.partitions.isEmpty { warnings.append(APIWarning(description: "No partitions to dump", source: "")) }
        for p in info.partitions {
            let placeholders = [DumpPlaceholder.warning(p.cpuBind), DumpPlaceholder.warning(p.defMemPerCPU),
                                DumpPlaceholder.warning(p.graceTime), DumpPlaceholder.warning(p.maxMemPerCPU),
                                DumpPlaceholder.warning(p.minNodes), DumpPlaceholder.warning(p.totalCPUs),
                                DumpPlaceholder.warning(p.totalNodes)]
            warnings += placeholders.compactMap { $0 }
        }
        return warnings
    }

    static func success(_ info: PartitionInfo, _ context: RequestContext) -> EndpointResult {
        var envelope = context.envelope
        envelope.warnings += renderingWarnings(info, accountingDisabled: envelope.accountingDisabled)
        return .success(response, info, envelope)
    }
}

extension PartitionsEndpoint {
    static let updateTimeParameter = QueryValues.updateTimeParameter("partitions")

    /// GET /partitions/: the partitions the flags show (hidden ones only with ALL).
    static func handleAll(_ context: inout RequestContext) -> EndpointResult {
        context.answer(response, source: "slurm_load_partitions()") { [context] in
            let updateTime = try QueryValues.updateTime(context)
            let flags = try QueryValues.showFlags(context)
            return success(try context.controller.partitions(updateTime: updateTime, showFlags: flags ?? 0), context)
        }
    }

    /// GET /partition/{partition_name}: one partition, named case-insensitively as the original
    /// matches it; hidden partitions included unless flags say otherwise. An unknown name is a 404
    /// (the original answers 200 with a warning).
    static func handleOne(_ context: inout RequestContext) -> EndpointResult {
        let name = context.pathParameters["partition_name"] ?? ""
        return context.answer(response, source: "slurm_load_partitions()") { [context] in
            let updateTime = try QueryValues.updateTime(context)
            let flags = try QueryValues.showFlags(context) ?? 0
            let info = try context.controller.partitions(updateTime: updateTime, showFlags: flags == 0 ? ShowFlags.all : flags)
            let wanted = name.lowercased()
            guard let partition = info.partitions.first(where: { $0.name?.lowercased() == wanted }) else {
                return .failure(response, context, .invalidPartitionName, description: "Unable to find partition \(name)",
                                source: "_partition_get")
            }
            return success(PartitionInfo(lastUpdate: info.lastUpdate, partitions: [partition]), context)
        }
    }
}
