extension ControllerClient {
    /// REQUEST_JOB_INFO, as `slurm_load_jobs` sends it for a cluster outside a federation: local
    /// jobs only. A controller with nothing newer than `updateTime` answers SLURM_NO_CHANGE_IN_DATA
    /// (thrown as `.slurm(1900, _)`).
    public func jobs(updateTime: Int64, showFlags: UInt16) throws(ControllerError) -> JobInfoMessage {
        let flags = (showFlags | ShowFlags.local) & ~ShowFlags.federation
        let reply = try call(.requestJobInfo) { v in JobInfoRequest(lastUpdate: updateTime, showFlags: flags).encode(version: v) }
        return try reply.decode(.responseJobInfo, as: JobInfoMessage.self)
    }

    /// REQUEST_JOB_INFO_SINGLE for one job (by SLUID from 25.11), as `slurm_load_job` sends it
    /// outside a federation; an unknown job is `.slurm(2017, _)`.
    public func job(_ request: JobInfoSingleRequest) throws(ControllerError) -> JobInfoMessage {
        var request = request
        request.showFlags |= ShowFlags.local
        let reply = try call(.requestJobInfoSingle) { v in request.encode(version: v) }
        return try reply.decode(.responseJobInfo, as: JobInfoMessage.self)
    }

    /// REQUEST_JOB_STATE (23.11+) for the named jobs, or for all jobs when `jobs` is empty; an older
    /// controller gets nothing and the call fails with `.notInRelease`.
    public func jobStates(_ jobs: [JobStateQuery]) throws(ControllerError) -> JobStateResponse {
        let reply = try call(.requestJobState, since: .v23_11) { v in JobStateRequest(jobs: jobs).encode(version: v) }
        return try reply.decode(.responseJobState, as: JobStateResponse.self)
    }
}
