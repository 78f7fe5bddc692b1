import SlurmController

/// GET /reconfigure/: REQUEST_RECONFIGURE (the controller rereads slurm.conf; operators only).
enum ReconfigureEndpoint {
    static func handle(_ context: inout RequestContext) -> EndpointResult {
        context.bareAnswer { [context] (_: inout Envelope) throws(WriteFailure) in
            do throws(ControllerError) {
                try context.controller.reconfigure()
            } catch {
                throw WriteFailure(error, "The controller refused to reconfigure", source: "op_handler_reconfigure")
            }
        }
    }
}

/// The operations that change nodes, reservations and jobs' states, and reconfigure, in the
/// reference document's order of methods within each path.
enum ResourceWriteOperations {
    static let all: [Operation] = [
        Operation(method: .GET, path: "/slurm/v0.0.43/reconfigure/", operationID: "slurm_v0043_get_reconfigure",
                  summary: "request slurmctld reconfigure", responseDescription: "reconfigure request result",
                  response: BareAnswer.component, handle: ReconfigureEndpoint.handle),
        Operation(method: .DELETE, path: "/slurm/v0.0.43/jobs/", operationID: "slurm_v0043_delete_jobs",
                  summary: "send signal to list of jobs", responseDescription: "description of jobs to signal",
                  response: JobSignalsEndpoint.manyResponse.component,
                  requestBody: RequestBody(JobSignalsEndpoint.requestSchema.component, "Signal or cancel jobs"),
                  handle: JobSignalsEndpoint.handleMany),
        Operation(method: .DELETE, path: "/slurm/v0.0.43/job/{job_id}", operationID: "slurm_v0043_delete_job",
                  summary: "cancel or signal job", responseDescription: "job signal result",
                  response: JobSignalsEndpoint.oneResponse.component, parameters: JobSignalsEndpoint.deleteOneParameters,
                  handle: JobSignalsEndpoint.handleOne),
        Operation(method: .POST, path: "/slurm/v0.0.43/nodes/", operationID: "slurm_v0043_post_nodes",
                  summary: "batch update node(s)", responseDescription: "batch node update request result",
                  response: BareAnswer.component,
                  requestBody: RequestBody(NodeWritesEndpoint.updateSchema.component, "Nodelist update description"),
                  handle: NodeWritesEndpoint.handleUpdateMany),
        Operation(method: .POST, path: "/slurm/v0.0.43/node/{node_name}", operationID: "slurm_v0043_post_node",
                  summary: "update node properties", responseDescription: "node update request result",
                  response: BareAnswer.component, parameters: NodeWritesEndpoint.parameters,
                  requestBody: RequestBody(NodeWritesEndpoint.updateSchema.component, "Node update description"),
                  handle: NodeWritesEndpoint.handleUpdateOne),
        Operation(method: .DELETE, path: "/slurm/v0.0.43/node/{node_name}", operationID: "slurm_v0043_delete_node",
                  summary: "delete node", responseDescription: "node delete request result",
                  response: BareAnswer.component, parameters: NodeWritesEndpoint.parameters,
                  handle: NodeWritesEndpoint.handleDelete),
        Operation(method: .POST, path: "/slurm/v0.0.43/reservations/", operationID: "slurm_v0043_post_reservations",
                  summary: "create or update reservations", responseDescription: "reservation descriptions",
                  response: ReservationWritesEndpoint.response.component,
                  requestBody: RequestBody(ReservationWritesEndpoint.modifySchema.component, "reservation descriptions"),
                  handle: ReservationWritesEndpoint.handleMany),
        Operation(method: .DELETE, path: "/slurm/v0.0.43/reservation/{reservation_name}",
                  operationID: "slurm_v0043_delete_reservation", summary: "delete a reservation",
                  responseDescription: "reservation delete request result", response: BareAnswer.component,
                  parameters: ReservationWritesEndpoint.deleteParameters, handle: ReservationWritesEndpoint.handleDelete),
        Operation(method: .POST, path: "/slurm/v0.0.43/reservation", operationID: "slurm_v0043_post_reservation",
                  summary: "create or update a reservation", responseDescription: "reservation description",
                  response: ReservationWritesEndpoint.response.component,
                  requestBody: RequestBody(ReservationWritesEndpoint.descriptionSchema.component, "reservation description"),
                  handle: ReservationWritesEndpoint.handleOne),
    ]
}
