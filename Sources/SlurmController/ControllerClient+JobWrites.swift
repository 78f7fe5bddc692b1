/// What a controller answered an update of a job.
public enum JobUpdateResult: Equatable, Sendable {
    /// RESPONSE_SLURM_RC or _RC_MSG with 0 (a plain job or a het job), with the controller's text
    /// if it sent one.
    case updated(message: String?)
    /// RESPONSE_JOB_ARRAY_ERRORS: an array job's records, each with its own outcome (the controller
    /// answers this way for an array job even when everything succeeded).
    case arrayResults([JobArrayResult])
}

extension ControllerClient {
    /// REQUEST_SUBMIT_BATCH_JOB. The answer's `errorCode` may be non-zero for a job that exists
    /// (ESLURM_JOB_HELD for a held job); a refusal is thrown as `.slurm(number, text)`.
    public func submitBatch(_ job: JobDescription) throws(ControllerError) -> SubmitResponse {
        let reply = try call(.requestSubmitBatchJob) { v in job.encode(version: v) }
        return try reply.decode(.responseSubmitBatchJob, as: SubmitResponse.self)
    }

    /// REQUEST_SUBMIT_BATCH_HET_JOB: one description per component, the first with the script.
    public func submitBatch(hetJob components: [JobDescription]) throws(ControllerError) -> SubmitResponse {
        let reply = try call(.requestSubmitBatchHetJob) { v in JobDescriptionList(components).encode(version: v) }
        return try reply.decode(.responseSubmitBatchJob, as: SubmitResponse.self)
    }

    /// REQUEST_UPDATE_JOB for the job `job.jobID` (or `job.jobIDString`) names, changing the fields
    /// that differ from `JobDescription()`'s. A refusal of a plain job is thrown as `.slurm`; an
    /// array job's outcome comes per record in `.arrayResults`.
    public func updateJob(_ job: JobDescription) throws(ControllerError) -> JobUpdateResult {
        let reply = try call(.requestUpdateJob) { v in job.encode(version: v) }
        if case .returnCode(0, let message) = reply.kind { return .updated(message: message) }
        return .arrayResults(try reply.decode(.responseJobArrayErrors, as: JobArrayResponse.self).results)
    }

    /// REQUEST_RESOURCE_ALLOCATION, answered at once: granted (`nodeCount` > 0) or queued
    /// (`nodeCount` 0, the controller calls back later on `job.allocRespPort`, unless `immediate`
    /// asked it not to queue). A refusal is thrown as `.slurm`.
    public func allocate(_ job: JobDescription) throws(ControllerError) -> ResourceAllocation {
        let reply = try call(.requestResourceAllocation) { v in job.encode(version: v) }
        return try reply.decode(.responseResourceAllocation, as: ResourceAllocation.self)
    }

    /// REQUEST_HET_JOB_ALLOCATION: one description per component, one answer per component.
    public func allocate(hetJob components: [JobDescription]) throws(ControllerError) -> [ResourceAllocation] {
        let reply = try call(.requestHetJobAllocation) { v in JobDescriptionList(components).encode(version: v) }
        return try reply.decode(.responseHetJobAllocation, as: HetJobAllocation.self).components
    }
}
