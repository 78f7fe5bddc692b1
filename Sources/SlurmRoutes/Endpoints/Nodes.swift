import SlurmController
import SlurmParsing

/// A node as the REST API shows it: the controller's record, with what libslurm adds on the
/// client side for the original (MIXED for partly allocated nodes, the partitions holding the
/// node) and the user ids resolved to names.
struct NodeView {
    var node: Node
    var partitions: [String] = []
    var owner = ""
    var reasonSetBy = ""
}

/// The payload of `v0.0.43_openapi_nodes_resp`.
struct NodesPayload {
    var nodes: [NodeView]
    var lastUpdate: Int64
}

enum NodesEndpoint {
    static let energySchema = ObjectSchema<NodeEnergy>("v0.0.43_acct_gather_energy", [
        .int32("average_watts", "Average power consumption, in watts") { $0.averageWatts },
        .int64("base_consumed_energy", "The energy consumed between when the node was powered on and the last time it was registered by slurmd, in joules") { $0.baseConsumedEnergy },
        .int64("consumed_energy", "The energy consumed between the last time the node was registered by the slurmd daemon and the last node energy accounting sample, in joules") { $0.consumedEnergy },
        .uint32NoVal("current_watts", "The instantaneous power consumption at the time of the last node energy accounting sample, in watts") { $0.currentWatts },
        .int64("previous_consumed_energy", "Previous value of consumed_energy") { $0.previousConsumedEnergy },
        .int64("last_collected", "Time when energy data was last retrieved (UNIX timestamp)") { $0.pollTime },
    ])

    static let nodeSchema = ObjectSchema<NodeView>("v0.0.43_node", [
        .string("architecture", "Computer architecture") { $0.node.architecture },
        .string("burstbuffer_network_address", "Alternate network path to be used for sbcast network traffic") { $0.node.broadcastAddress },
        .int32("boards", "Number of Baseboards in nodes with a baseboard controller") { $0.node.boards },
        .timestampNoVal("boot_time", "Time when the node booted (UNIX timestamp)") { $0.node.bootTime },
        .timestampNoVal("tls_cert_last_renewal", "Time when TLS certificate was created") { $0.node.certLastRenewal },
        .flags("cert_flags", "Certmgr status flags", NodeStateWords.certFlags) { UInt64($0.node.certFlags) },
        // Set by libslurm only when it merges the nodes of a federation, which this gateway does not ask for.
        .string("cluster_name", "Cluster name (only set in federated environments)") { _ in nil },
        .int32("cores", "Number of cores in a single physical processor socket") { $0.node.cores },
        .int32("specialized_cores", "Number of cores reserved for system use") { $0.node.coreSpecCount },
        .int32("cpu_binding", "Default method for binding tasks to allocated CPUs") { $0.node.cpuBind },
        .int32("cpu_load", "CPU load as reported by the OS") { $0.node.cpuLoad },
        .uint64NoVal("free_mem", "Total memory in MB currently free as reported by the OS") { $0.node.freeMemory },
        .int32("cpus", "Total CPUs, including cores and threads") { $0.node.cpus },
        .int32("effective_cpus", "Number of effective CPUs (excluding specialized CPUs)") { $0.node.cpusEffective },
        .string("specialized_cpus", "Abstract CPU IDs on this node reserved for exclusive use by slurmd and slurmstepd") { $0.node.cpuSpecList },
        .object("energy", "Energy usage data", energySchema) { $0.node.energy },
        .removedInlineObject("external_sensors"),
        .string("extra", "Arbitrary string used for node filtering if extra constraints are enabled") { $0.node.extra },
        .removedInlineObject("power"),
        .csvString("features", "Available features") { $0.node.features },
        .csvString("active_features", "Currently active features") { $0.node.featuresActive },
        .string("gpu_spec", "CPU cores reserved for jobs that also use a GPU") { $0.node.gpuSpec },
        .string("gres", "Generic resources") { $0.node.gres },
        .string("gres_drained", "Drained generic resources") { $0.node.gresDrained },
        .string("gres_used", "Generic resources currently in use") { $0.node.gresUsed },
        .string("instance_id", "Cloud instance ID") { $0.node.instanceID },
        .string("instance_type", "Cloud instance type") { $0.node.instanceType },
        .timestampNoVal("last_busy", "Time when the node was last busy (UNIX timestamp)") { $0.node.lastBusy },
        .string("mcs_label", "Multi-Category Security label") { $0.node.mcsLabel },
        .int64("specialized_memory", "Combined memory limit, in MB, for Slurm compute node daemons") { $0.node.memSpecLimit },
        .string("name", "NodeName") { $0.node.name },
        .flags("next_state_after_reboot", "The state the node will be assigned after rebooting", NodeStateWords.table) { UInt64($0.node.nextState) },
        .string("address", "NodeAddr, used to establish a communication path") { $0.node.address },
        .string("hostname", "NodeHostname") { $0.node.hostname },
        .flags("state", "Node state(s) applicable to this node", NodeStateWords.table) { UInt64($0.node.state) },
        .string("operating_system", "Operating system reported by the node") { $0.node.operatingSystem },
        .string("owner", "User allowed to run jobs on this node (unset if no restriction)") { $0.owner },
        .stringArray("partitions", "Partitions containing this node", schema: .csvString) { $0.partitions },
        .int32("port", "TCP port number of the slurmd") { $0.node.port },
        .int64("real_memory", "Total memory in MB on the node") { $0.node.realMemory },
        .int32("res_cores_per_gpu", "Number of CPU cores per GPU restricted to GPU jobs") { $0.node.resCoresPerGPU },
        .string("comment", "Arbitrary comment") { $0.node.comment },
        .string("reason", "Describes why the node is in a \"DOWN\", \"DRAINED\", \"DRAINING\", \"FAILING\" or \"FAIL\" state") { $0.node.reason },
        .timestampNoVal("reason_changed_at", "When the reason changed (UNIX timestamp)") { $0.node.reasonTime },
        .string("reason_set_by_user", "User who set the reason") { $0.reasonSetBy },
        .timestampNoVal("resume_after", "Number of seconds after the node's state is updated to \"DOWN\" or \"DRAIN\" before scheduling a node state resume") { $0.node.resumeAfter },
        .string("reservation", "Name of reservation containing this node") { $0.node.reservation },
        .int64("alloc_memory", "Total memory in MB currently allocated for jobs") { $0.node.allocMemory },
        .int32("alloc_cpus", "Total number of CPUs currently allocated for jobs") { $0.node.allocCPUs },
        // An int in the original (cpus - alloc_cpus): negative when more is allocated than configured.
        .int32("alloc_idle_cpus", "Total number of idle CPUs") { Int($0.node.cpus) - Int($0.node.allocCPUs) },
        .string("tres_used", "Trackable resources currently allocated for jobs") { $0.node.allocTRES },
        .double("tres_weighted", "Ignored. Was weighted number of billable trackable resources allocated", deprecated: true) { _ in 0 },
        .timestampNoVal("slurmd_start_time", "Time when the slurmd started (UNIX timestamp)") { $0.node.slurmdStartTime },
        .int32("sockets", "Number of physical processor sockets/chips on the node") { $0.node.sockets },
        .int32("threads", "Number of logical threads in a single physical core") { $0.node.threads },
        .int32("temporary_disk", "Total size in MB of temporary disk storage in TmpFS") { $0.node.tmpDisk },
        .int32("weight", "Weight of the node for scheduling purposes") { $0.node.weight },
        .string("topology", "Topology") { $0.node.topology },
        .string("tres", "Configured trackable resources") { $0.node.tres },
        .string("version", "Slurmd version") { $0.node.version },
    ])

    static let response = ResponseSchema<NodesPayload>("v0.0.43_openapi_nodes_resp", [
        .array("nodes", "List of nodes", ArraySchema("v0.0.43_nodes", of: nodeSchema), required: true) { $0.nodes },
        .timestampNoVal("last_update", "Time of last node change (UNIX timestamp)", required: true) { $0.lastUpdate },
    ], empty: NodesPayload(nodes: [], lastUpdate: 0))

    static let parameters = [QueryValues.updateTimeParameter("jobs"), QueryValues.flagsParameter]
}

extension NodesEndpoint {
    /// Where the original reports its failures.
    static let source = "_dump_nodes"

    /// GET /nodes/: the node table, or 304 when nothing changed since `update_time`.
    static func handleAll(_ context: inout RequestContext) -> EndpointResult {
        context.answer(response, source: source) { [context] in
            let updateTime = try QueryValues.updateTime(context)
            let showFlags = try requestedShowFlags(context)
            let info = try context.controller.nodes(updateTime: updateTime, showFlags: showFlags)
            return try answer(info, showFlags: showFlags, context)
        }
    }

    /// GET /node/{node_name}: one node; 404 when the controller knows no such node (the original
    /// answers 200 with an error entry). `update_time` is read but, as in the original, unused.
    static func handleOne(_ context: inout RequestContext) -> EndpointResult {
        let name = context.pathParameters["node_name"] ?? ""
        return context.answer(response, source: source) { [context] in
            _ = try QueryValues.updateTime(context)
            let showFlags = try requestedShowFlags(context)
            let info = try context.controller.node(named: name, showFlags: showFlags)
            guard info.nodes.contains(where: { $0.name != nil }) else {
                return .failure(response, context, .invalidNodeName, description: "Node \(name) not found",
                                source: source)
            }
            return try answer(info, showFlags: showFlags, context)
        }
    }

    /// `flags` as the original reads it: absent or empty means ALL, DETAIL and MIXED.
    static func requestedShowFlags(_ context: RequestContext) throws(InputError) -> UInt16 {
        let flags = try QueryValues.showFlags(context) ?? 0
        return flags == 0 ? ShowFlags.all | ShowFlags.detail | ShowFlags.mixed : flags
    }

    /// The answer for a node table: partitions loaded afresh to name each node's partitions.
    static func answer(_ info: NodeInfo, showFlags: UInt16, _ context: RequestContext) throws(ControllerError) -> EndpointResult {
        guard info.count > 0 else {
            return .success(response, NodesPayload(nodes: [], lastUpdate: 0), context.envelope)
        }
        // Always the current partitions: with the client's update_time the controller could answer
        // "no change" for partitions although nodes changed.
        let partitions = try context.controller.partitions(updateTime: 0, showFlags: showFlags)
        let (nodes, warnings) = views(of: info, in: partitions.partitions, showFlags: showFlags, accounts: context.accounts)
        var envelope = context.envelope
        envelope.warnings += warnings
        return .success(response, NodesPayload(nodes: nodes, lastUpdate: info.lastUpdate), envelope)
    }

    /// The nodes of a table as the answer shows them: records without a name left out, each
    /// node's partitions named, MIXED applied when asked for, user ids resolved; with the
    /// placeholder warnings of their plain numbers.
    static func views(of info: NodeInfo, in partitions: [Partition], showFlags: UInt16,
                      accounts: AccountNames) -> (nodes: [NodeView], warnings: [APIWarning]) {
        var views: [NodeView] = []
        var warnings: [APIWarning] = []
        for (node, names) in zip(info.nodes, partitionNames(of: info, in: partitions)) where node.name != nil {
            var view = NodeView(node: node, partitions: names)
            if showFlags & ShowFlags.mixed != 0 { markMixed(&view.node) }
            view.owner = accounts.userOrEmpty(node.owner)
            view.reasonSetBy = accounts.userOrEmpty(node.reasonUID)
            views.append(view)
            warnings += placeholderWarnings(node)
        }
        return (views, warnings)
    }

    /// The original's warnings for the plain u32/u64 fields of a node that hold INFINITE or
    /// NO_VAL, in the order it renders them (a 22.05 controller sends NO_VAL for the CPU load of
    /// a node that never registered, for instance).
    static func placeholderWarnings(_ node: Node) -> [APIWarning] {
        let energy = node.energy
        return [DumpPlaceholder.warning(node.cpuBind), DumpPlaceholder.warning(node.cpuLoad),
                DumpPlaceholder.warning(energy.averageWatts), DumpPlaceholder.warning(energy.baseConsumedEnergy),
                DumpPlaceholder.warning(energy.consumedEnergy), DumpPlaceholder.warning(energy.previousConsumedEnergy),
                DumpPlaceholder.warning(UInt64(bitPattern: energy.pollTime)), DumpPlaceholder.warning(node.memSpecLimit),
                DumpPlaceholder.warning(node.realMemory), DumpPlaceholder.warning(node.allocMemory),
                DumpPlaceholder.warning(node.tmpDisk), DumpPlaceholder.warning(node.weight)].compactMap { $0 }
    }

    /// Each node's partitions in the controller's partition order, as libslurm fills them: by the
    /// partitions' node indexes, or by host name when the table holds a single node (the host
    /// lists of all partitions together looked through for at most `HostNameBudget.perAnswer` names).
    static func partitionNames(of info: NodeInfo, in partitions: [Partition]) -> [[String]] {
        var names = [[String]](repeating: [], count: info.nodes.count)
        var hostNamesLeft = HostNameBudget.perAnswer
        for partition in partitions {
            let partitionName = partition.name ?? ""
            if info.count == 1 {
                guard let nodeName = info.nodes.first?.name, let hosts = partition.nodes else { continue }
                var found = false
                HostList.forEachHost(in: hosts) { host in
                    guard hostNamesLeft > 0 else { return false }
                    hostNamesLeft -= 1
                    found = host == nodeName
                    return !found
                }
                if found { names[0].append(partitionName) }
            } else {
                // Parsed once, not per node: the mask has a digit for every four nodes of the table.
                guard let nodeIndex = partition.nodeIndex else { continue }
                for (i, node) in info.nodes.enumerated() where nodeIndex.contains(node.tableIndex) {
                    names[i].append(partitionName)
                }
            }
        }
        return names
    }

    /// SHOW_MIXED as libslurm applies it: a node with some but not all effective CPUs allocated,
    /// or with allocated TRES but no CPU, shows the base state MIXED. The CPU arithmetic wraps
    /// in 16 bits, as in C.
    static func markMixed(_ node: inout Node) {
        let idle = node.cpusEffective &- node.allocCPUs
        let partly = idle != 0 && idle < node.cpusEffective
        let tresWithoutCPU = node.allocTRES != nil && idle == node.cpusEffective
        if partly || tresWithoutCPU {
            node.state = node.state & ~NodeStateWords.base | NodeStateWords.mixed
        }
    }
}
