import SlurmController
import SlurmParsing

/// `v0.0.43_job_submit_req`: a batch job (`job`) or the components of a heterogeneous one
/// (`jobs`), and the script, which may instead sit in the job or the first component.
struct JobSubmitRequest {
    var script: Located<String>?
    var jobs: [JobDescriptionInput]?
    var job: JobDescriptionInput?

    typealias Located = JobDescriptionInput.Located
}

/// POST /job/submit (the original's `_job_post`, `_job_post_submit`, `_job_post_het_submit`).
enum JobSubmitEndpoint {
    static let list = InputArraySchema("v0.0.43_job_desc_msg_list", of: JobDescriptionSchema.schema)

    static let request = InputSchema<JobSubmitRequest>("v0.0.43_job_submit_req", empty: JobSubmitRequest(), [
        InputField("script", .string, "Job batch script contents; Same as the script field in jobs[0] or job.") {
            (v, m: inout JobSubmitRequest, p) throws(InputError) in m.script = .init(value: try InputValue.string(v, p), path: p)
        },
        InputField("jobs", .component(list.component), "HetJob description") {
            (v, m: inout JobSubmitRequest, p) throws(InputError) in m.jobs = try list.decode(v, at: p)
        },
        InputField("job", .component(JobDescriptionSchema.schema.component), "Job description") {
            (v, m: inout JobSubmitRequest, p) throws(InputError) in m.job = try JobDescriptionSchema.schema.decode(v, at: p)
        },
    ])

    static let response = ResponseSchema<SubmitResponse>("v0.0.43_openapi_job_submit_response", [
        .int32("job_id", "submitted Job ID") { $0.jobID },
        .string("step_id", "submitted Step ID") { JobWriteOutcome.stepText($0.stepID) },
        .string("job_submit_user_msg", "Job submission user message") { $0.jobSubmitUserMessage },
    ])

    static let requestBody = RequestBody(request.component, "Job description")

    static func handle(_ context: inout RequestContext) -> EndpointResult {
        let submission: Submission
        do throws(InputError) {
            let body = try request.decode(try context.requireBody())
            for part in (body.jobs ?? []) + (body.job.map { [$0] } ?? []) { context.envelope.warnings += part.warnings }
            submission = try Submission(body, ids: .system).fillingSession()
        } catch {
            return .rejected(response, context, error)
        }
        do throws(ControllerError) {
            switch submission {
            case .job(let job): return submitted(try context.controller.submitBatch(job), hetJob: false, context)
            case .hetJob(let jobs): return submitted(try context.controller.submitBatch(hetJob: jobs), hetJob: true, context)
            }
        } catch {
            switch submission {
            case .job: return JobWriteOutcome.refused(response, context, error, description: "The controller refused the batch job",
                                                      source: "slurm_submit_batch_job()")
            case .hetJob: return JobWriteOutcome.refused(response, context, error, description: "The controller refused the heterogeneous job",
                                                         source: "slurm_submit_batch_het_job()")
            }
        }
    }

    /// The answer to an accepted submission: the job's id, and what its code says (a held job is
    /// reported twice, as the original does).
    static func submitted(_ answer: SubmitResponse, hetJob: Bool, _ context: RequestContext) -> EndpointResult {
        var envelope = context.envelope
        let source = hetJob ? "slurm_submit_batch_het_job()" : "slurm_submit_batch_job()"
        var status = 200
        if answer.errorNumber != 0 {
            envelope.warnings.append(APIWarning(
                description: "The controller accepted the \(hetJob ? "heterogeneous job" : "job") with a code: "
                    + JobWriteOutcome.text(answer.errorNumber),
                source: source))
            status = JobWriteOutcome.report(answer.errorNumber, source: source, into: &envelope)
        }
        return EndpointResult(status: status) { w in response.render(answer, envelope, into: &w) }
    }
}

/// What a submission sends: one job, or the components of a heterogeneous job, checked as the
/// original checks them before sending (with its words, but naming the member at fault and with
/// ESLURM_DATA_PARSE_BAD_INPUT where the original reports a general ESLURM_REST_INVALID_QUERY),
/// and each script checked for its `#!` line.
enum Submission {
    case job(JobDescription)
    case hetJob([JobDescription])

    init(_ request: JobSubmitRequest, ids: AccountIDs) throws(InputError) {
        let hasTopScript = request.script.map { !$0.value.isEmpty } ?? false
        if request.jobs == nil, !hasTopScript, request.job.map({ $0.job.script == nil && !$0.isExternal }) ?? true {
            throw InputError(.dataParseBadInput, at: "#/script", "A batch job needs a script: \"script\", or \"script\" inside \"job\"")
        }
        if request.job != nil, request.jobs != nil {
            throw InputError(.dataParseBadInput, at: "#/jobs", "Give \"job\" or \"jobs\", not both")
        }
        if let input = request.job {
            var job = try input.resolved(ids: ids)
            let path = Self.takeScript(request.script, into: &job, jobPath: "#/job")
            guard job.script?.isEmpty == false || input.isExternal else {
                throw InputError(JobWriteOutcome.scriptMissing, at: path, "The batch script is empty")
            }
            try Self.checkInterpreterLine(job, at: path)
            self = .job(job)
            return
        }
        guard let inputs = request.jobs else {
            throw InputError(.dataParseBadInput, at: "#/job", "A submission needs \"job\" (or \"jobs\" for a heterogeneous job)")
        }
        try JobWriteOutcome.checkHetComponents(inputs, member: "jobs")
        var jobs: [JobDescription] = []
        for (i, input) in inputs.enumerated() {
            var job = try input.resolved(ids: ids)
            if i == 0 {
                let path = Self.takeScript(request.script, into: &job, jobPath: "#/jobs/0")
                guard job.script?.isEmpty == false || input.isExternal else {
                    throw InputError(JobWriteOutcome.scriptMissing, at: path,
                                     "The first component of a heterogeneous job needs a batch script")
                }
                try Self.checkInterpreterLine(job, at: path)
            }
            jobs.append(job)
        }
        self = .hetJob(jobs)
    }

    /// The submission with the session the request comes from, as libslurm fills it in.
    func fillingSession() -> Submission {
        switch self {
        case .job(var job):
            JobWriteOutcome.fillSession(&job)
            return .job(job)
        case .hetJob(var jobs):
            for i in jobs.indices { JobWriteOutcome.fillSession(&jobs[i]) }
            return .hetJob(jobs)
        }
    }

    /// The script given beside the job replaces the job's own; returns where the script came from.
    static func takeScript(_ top: JobSubmitRequest.Located<String>?, into job: inout JobDescription,
                           jobPath: String) -> String {
        guard let top else { return jobPath + "/script" }
        job.script = top.value
        return top.path
    }

    /// A batch script is run by the interpreter its first line names, as sbatch requires; without
    /// one the job would only fail once it starts.
    static func checkInterpreterLine(_ job: JobDescription, at path: String) throws(InputError) {
        guard let script = job.script, !script.isEmpty else { return }
        guard script.utf8.starts(with: "#!".utf8) else {
            throw InputError(.dataParseBadInput, at: path,
                             "The batch script must start with #! and the path of an interpreter (e.g. #!/bin/sh)")
        }
    }
}

extension JobDescriptionInput {
    /// EXTERNAL_JOB: a job whose steps are started outside Slurm, which has no script.
    var isExternal: Bool { job.bitflags & (1 << 24) != 0 }
}

extension JobWriteOutcome {
    /// ESLURM_JOB_SCRIPT_MISSING.
    static let scriptMissing = SlurmErrorCode.lookup(2009)
}
