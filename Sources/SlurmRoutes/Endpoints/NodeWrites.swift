import SlurmController

/// POST /node/{node_name}, POST /nodes/ and DELETE /node/{node_name}: REQUEST_UPDATE_NODE and
/// REQUEST_DELETE_NODE, answered with the envelope alone (`v0.0.43_openapi_resp`).
enum NodeWritesEndpoint {
    /// `v0.0.43_update_node_msg`, read onto `slurm_init_update_node_msg`'s defaults. Node states
    /// are NODE_STATES words (RESUME, DRAIN, DOWN, UNDRAIN, POWER_DOWN, ...), combined as the
    /// original's parser combines them: base states replace each other, flags add up.
    static let updateSchema = InputSchema<NodeUpdate>("v0.0.43_update_node_msg", empty: NodeUpdate(), [
        .string("comment", "Arbitrary comment", \.comment),
        .int32("cpu_bind", "Default method for binding tasks to allocated CPUs", \.cpuBind),
        .string("extra", "Arbitrary string used for node filtering if extra constraints are enabled", \.extra),
        .commaList("features", "Available features", \.features),
        .commaList("features_act", "Currently active features", \.featuresActive),
        .string("gres", "Generic resources", \.gres),
        .commaList("address", "NodeAddr, used to establish a communication path", schema: .hostlistString, \.address),
        .commaList("hostname", "NodeHostname", schema: .hostlistString, \.hostname),
        .commaList("name", "NodeName", schema: .hostlistString, \.names),
        .flags("state", "New state to assign to the node", NodeStateWords.table, \.state),
        .string("reason", "Reason for node being DOWN or DRAINING", \.reason),
        .ignored("reason_uid", .string, "User ID to associate with the reason (removed: the controller takes the caller's)",
                 deprecated: true),
        .uint32NoVal("resume_after", "Number of seconds after which to automatically resume DOWN or DRAINED node", \.resumeAfter),
        .string("topology_str", "Topology", \.topology),
        .uint32NoVal("weight", "Weight of the node for scheduling purposes", \.weight),
    ])

    static let parameters: [Parameter] = [.path("node_name", "Node name")]

    /// POST /node/{node_name}: the path names the node; a `name` in the body is ignored with a
    /// warning, as the original does.
    static func handleUpdateOne(_ context: inout RequestContext) -> EndpointResult {
        let name = context.pathParameters["node_name"] ?? ""
        return context.bareAnswer { [context] (envelope: inout Envelope) throws(WriteFailure) in
            let update = singleUpdate(try context.decodeBody(updateSchema), node: name, &envelope)
            do throws(ControllerError) {
                try context.controller.updateNode(update)
            } catch {
                throw WriteFailure(error, "The controller refused the update of node \(name)", source: "_update_node")
            }
        }
    }

    /// The update of one node: the path's name replaces one the body gave, with a warning.
    static func singleUpdate(_ body: NodeUpdate, node: String, _ envelope: inout Envelope) -> NodeUpdate {
        var update = body
        if let given = update.names {
            envelope.warnings.append(APIWarning(description: "node_names field \(given) ignored for singular node update",
                                                source: "_update_node"))
        }
        update.names = node
        return update
    }

    /// POST /nodes/: the body's `name` lists the nodes. A body without one (or with an empty
    /// list) is refused here: the controller would only answer 2018 for "(null)".
    static func handleUpdateMany(_ context: inout RequestContext) -> EndpointResult {
        context.bareAnswer { [context] (_: inout Envelope) throws(WriteFailure) in
            let update = try namedUpdate(try context.decodeBody(updateSchema))
            do throws(ControllerError) {
                try context.controller.updateNode(update)
            } catch {
                throw WriteFailure(error, "The controller refused the update of node \(update.names ?? "")", source: "_update_nodes")
            }
        }
    }

    /// The update of POST /nodes/, which must name its nodes.
    static func namedUpdate(_ update: NodeUpdate) throws(WriteFailure) -> NodeUpdate {
        guard let names = update.names, !names.isEmpty else {
            throw WriteFailure(.dataParseBadInput, "Name the nodes to update in \"name\"", source: "#/name")
        }
        return update
    }

    /// DELETE /node/{node_name}: REQUEST_DELETE_NODE (the controller deletes dynamic nodes only).
    static func handleDelete(_ context: inout RequestContext) -> EndpointResult {
        let name = context.pathParameters["node_name"] ?? ""
        return context.bareAnswer { [context] (_: inout Envelope) throws(WriteFailure) in
            do throws(ControllerError) {
                try context.controller.deleteNode(NodeUpdate(names: name))
            } catch {
                throw WriteFailure(error, "The controller refused to delete node \(name)", source: "op_handler_node")
            }
        }
    }
}
