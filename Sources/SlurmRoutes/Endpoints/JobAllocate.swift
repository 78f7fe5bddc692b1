import SlurmController
import SlurmParsing

/// `v0.0.43_job_alloc_req`: an allocation (`job`) or the components of a heterogeneous one (`hetjob`).
struct JobAllocationRequest {
    var hetjob: [JobDescriptionInput]?
    var job: JobDescriptionInput?
}

/// The payload of an allocation's answer.
struct JobAllocationAnswer {
    var jobID: UInt32 = 0
    var userMessage: String?
}

/// POST /job/allocate (the original's `op_handler_alloc_job`): an allocation without steps, which
/// its owner later uses or cancels.
enum JobAllocateEndpoint {
    static let request = InputSchema<JobAllocationRequest>("v0.0.43_job_alloc_req", empty: JobAllocationRequest(), [
        InputField("hetjob", .component(JobSubmitEndpoint.list.component), "HetJob description") {
            (v, m: inout JobAllocationRequest, p) throws(InputError) in m.hetjob = try JobSubmitEndpoint.list.decode(v, at: p)
        },
        InputField("job", .component(JobDescriptionSchema.schema.component), "Job description") {
            (v, m: inout JobAllocationRequest, p) throws(InputError) in m.job = try JobDescriptionSchema.schema.decode(v, at: p)
        },
    ])

    static let response = ResponseSchema<JobAllocationAnswer>("v0.0.43_openapi_job_alloc_resp", [
        .int32("job_id", "Submitted Job ID") { $0.jobID },
        .string("job_submit_user_msg", "Job submission user message") { $0.userMessage },
    ])

    static let requestBody = RequestBody(request.component, "Job allocation description")

    static func handle(_ context: inout RequestContext) -> EndpointResult {
        let body: JobAllocationRequest
        var jobs: [JobDescription]
        do throws(InputError) {
            body = try request.decode(try context.requireBody())
            for part in (body.hetjob ?? []) + (body.job.map { [$0] } ?? []) { context.envelope.warnings += part.warnings }
            jobs = try components(body)
        } catch {
            return .rejected(response, context, error)
        }
        for i in jobs.indices {
            prepare(&jobs[i])
            JobWriteOutcome.fillSession(&jobs[i])
        }
        do throws(ControllerError) {
            if body.job != nil { return allocated([try context.controller.allocate(jobs[0])], jobs[0], context) }
            return allocated(try context.controller.allocate(hetJob: jobs), jobs[0], context)
        } catch {
            return JobWriteOutcome.refused(response, context, error, description: "The controller refused the allocation",
                                           source: body.job != nil ? "slurm_allocate_resources_blocking()"
                                                                   : "slurm_allocate_het_job_blocking()")
        }
    }

    /// The descriptions to send, checked as the original checks them (naming the member at fault,
    /// as the submission's checks do).
    static func components(_ body: JobAllocationRequest) throws(InputError) -> [JobDescription] {
        if body.job != nil, body.hetjob != nil {
            throw InputError(.dataParseBadInput, at: "#/hetjob", "Give \"job\" or \"hetjob\", not both")
        }
        if let job = body.job { return [try job.resolved(ids: .system)] }
        guard let inputs = body.hetjob else {
            throw InputError(.dataParseBadInput, at: "#/job", "An allocation needs \"job\" (or \"hetjob\" for a heterogeneous job)")
        }
        try JobWriteOutcome.checkHetComponents(inputs, member: "hetjob")
        var out: [JobDescription] = []
        for input in inputs { out.append(try input.resolved(ids: .system)) }
        return out
    }

    /// `_foreach_alloc_job` and libslurm: the credential decides who owns the allocation, no
    /// status messages, at least one node. The controller is given no port to call back on: the
    /// answer does not wait for a queued allocation.
    static func prepare(_ job: inout JobDescription) {
        job.userID = JobDescription.slurmAuthNobody
        job.groupID = JobDescription.slurmAuthNobody
        job.otherPort = 0
        if job.minNodes == 0 || job.minNodes >= SlurmNumber.noVal32 { job.minNodes = 1 }
        if job.immediate == 0 { job.allocRespPort = 0 }
    }

    /// The answer: the last component's job id and the first message, as the original collects
    /// them; each component's code reported; a queued allocation said to be queued.
    static func allocated(_ components: [ResourceAllocation], _ first: JobDescription,
                          _ context: RequestContext) -> EndpointResult {
        var envelope = context.envelope
        var answer = JobAllocationAnswer()
        var status = 200
        for c in components {
            answer.jobID = c.jobID
            if answer.userMessage == nil { answer.userMessage = c.jobSubmitUserMessage }
            let reported = JobWriteOutcome.report(Int32(bitPattern: c.errorCode), source: "slurm_allocate_resources_blocking()",
                                                  into: &envelope)
            if status == 200 { status = reported }
        }
        if let lead = components.first, lead.nodeCount == 0, first.immediate == 0 {
            envelope.warnings.append(APIWarning(
                description: "Job \(lead.jobID) is queued and waiting for resources; the answer does not wait for the allocation",
                source: "slurm_allocate_resources_blocking()"))
        }
        return EndpointResult(status: status) { w in response.render(answer, envelope, into: &w) }
    }
}
