/// The controller RPCs that change state: node updates and deletion, reservations, signalling and
/// cancelling jobs, reconfiguration. Each is sent once (`call` resends only a frame the controller
/// refused unread); a refusal comes back as `.slurm(number, text)`.
extension ControllerClient {
    /// REQUEST_UPDATE_NODE (`slurm_update_node`), answered by a return code.
    public func updateNode(_ update: NodeUpdate) throws(ControllerError) {
        try write(.requestUpdateNode, update).expectSuccess()
    }

    /// REQUEST_DELETE_NODE (`slurm_delete_node`): only `names` is read by the controller.
    public func deleteNode(_ update: NodeUpdate) throws(ControllerError) {
        try write(.requestDeleteNode, update).expectSuccess()
    }

    /// REQUEST_CREATE_RESERVATION (`slurm_create_reservation`); returns the name the controller
    /// gave the reservation (its own when the description has none).
    public func createReservation(_ description: ReservationDescription) throws(ControllerError) -> String {
        let reply = try write(.requestCreateReservation, description)
        guard let name = try reply.decode(.responseCreateReservation, as: ReservationName.self).name else {
            throw .malformedReply("\(MessageType.responseCreateReservation.name) without a name")
        }
        return name
    }

    /// REQUEST_UPDATE_RESERVATION (`slurm_update_reservation`), answered by a return code.
    public func updateReservation(_ description: ReservationDescription) throws(ControllerError) {
        try write(.requestUpdateReservation, description).expectSuccess()
    }

    /// REQUEST_DELETE_RESERVATION (`slurm_delete_reservation`), answered by a return code.
    public func deleteReservation(named name: String) throws(ControllerError) {
        try write(.requestDeleteReservation, ReservationName(name)).expectSuccess()
    }

    /// REQUEST_KILL_JOB (`slurm_kill_job2`): one job, array task or heterogeneous component,
    /// answered by a return code. Every release has it.
    public func signalJob(_ request: KillJobRequest) throws(ControllerError) {
        try write(.requestKillJob, request).expectSuccess()
    }

    /// REQUEST_KILL_JOBS (`slurm_kill_jobs`, 23.11+): the listed or filtered jobs, with a result
    /// per job that failed (or per job when KILL_JOBS_VERBOSE is set). An older controller gets
    /// nothing and the call fails with `.notInRelease`.
    public func signalJobs(_ request: KillJobsRequest) throws(ControllerError) -> KillJobsResponse {
        let reply = try write(.requestKillJobs, request, since: .v23_11)
        return try reply.decode(.responseKillJobs, as: KillJobsResponse.self)
    }

    /// REQUEST_RECONFIGURE (`slurm_reconfigure`, empty body): the controller rereads its
    /// configuration; answered by a return code.
    public func reconfigure() throws(ControllerError) {
        try call(.requestReconfigure) { _ in [] }.expectSuccess()
    }
}
