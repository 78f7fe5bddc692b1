import SlurmController
import SlurmParsing

/// The payload of an update's answer: per-record outcomes when the controller gave them (array
/// jobs), else nothing (`null`, as the original prints it).
struct JobUpdateAnswer {
    var results: [JobArrayResult]?
}

/// POST /job/{job_id} (the original's `_job_post_update`): the body is a job description whose
/// set members are the changes.
enum JobUpdateEndpoint {
    static let entry = ObjectSchema<JobArrayResult>("v0.0.43_job_array_response_msg_entry", [
        .int32("job_id", "Job ID for updated job") { jobNumber($0.jobArrayID) },
        .string("step_id", "Step ID for updated job") { $0.jobArrayID },
        .string("error", "Verbose update status or error") { SlurmErrorCode.lookup($0.errorNumber).text },
        .int32("error_code", "Verbose update status or error") { $0.errorNumber },
        .string("why", "Update response message") { $0.errorMessage },
    ])
    static let entries = ArraySchema("v0.0.43_job_array_response_array", of: entry)

    static let response = ResponseSchema<JobUpdateAnswer>("v0.0.43_openapi_job_post_response", [
        Property("results", .component(entries.component), "Job update results") { answer, w in
            if let results = answer.results { entries.render(results, into: &w) } else { w.null() }
        },
    ], empty: JobUpdateAnswer(results: nil))

    static let requestBody = RequestBody(JobDescriptionSchema.schema.component, "Job update description")

    static func handle(_ context: inout RequestContext) -> EndpointResult {
        let id: SelectedJob
        do throws(InputError) {
            id = try JobsEndpoint.jobID(context.pathParameters["job_id"] ?? "")
        } catch {
            return .rejected(response, context, error)
        }
        var job: JobDescription
        do throws(InputError) {
            let input = try JobDescriptionSchema.schema.decode(try context.requireBody())
            context.envelope.warnings += input.warnings
            job = try input.resolved(ids: .system)
        } catch {
            return .rejected(response, context, error)
        }
        guard id.arrayTaskID == SlurmNumber.noVal32 else {
            return .failure(response, context, .invalidQuery,
                            description: "Rejecting request. Submit job update against Array Job's JobID instead of array task id.",
                            source: "#/job_id/")
        }
        target(&job, id)
        if id.stepID != SlurmNumber.noVal32 || id.stepHetComponent != SlurmNumber.noVal32 {
            context.envelope.warnings.append(APIWarning(
                description: "Job step information ignored. Job update requests apply to whole job and can not be targeted to specific steps.",
                source: "_job_post_update"))
        }
        do throws(ControllerError) {
            return updated(try context.controller.updateJob(job), context)
        } catch {
            return JobWriteOutcome.refused(response, context, error, description: "The controller refused the job update",
                                           source: "slurm_update_job2()")
        }
    }

    /// Points the update at the job the path names. A heterogeneous component (`7+1`) is named by
    /// its text, which the controller resolves; the original sends only the leader's id, which
    /// would change the leader instead.
    static func target(_ job: inout JobDescription, _ id: SelectedJob) {
        if id.jobID != SlurmNumber.noVal32 { job.jobID = id.jobID }
        if id.sluid != 0 { job.sluid = id.sluid }
        if id.hetJobOffset != SlurmNumber.noVal32 { job.jobIDString = "\(id.jobID)+\(id.hetJobOffset)" }
    }

    static func updated(_ result: JobUpdateResult, _ context: RequestContext) -> EndpointResult {
        var envelope = context.envelope
        var answer = JobUpdateAnswer()
        switch result {
        case .updated(let message):
            if let message, !message.isEmpty {
                envelope.warnings.append(APIWarning(description: message, source: "slurm_update_job2()"))
            }
        case .arrayResults(let results):
            answer.results = results
            for r in results where r.errorNumber != 0 {
                envelope.warnings.append(APIWarning(
                    description: "The update of \(r.jobArrayID ?? "a job record") answered: \(JobWriteOutcome.text(r.errorNumber))",
                    source: "slurm_update_job2()"))
            }
        }
        return .success(response, answer, envelope)
    }

    /// The job a record's id names (`7` of `7_[1-3]`), 0 when it names none.
    static func jobNumber(_ text: String?) -> UInt32 {
        guard let text else { return 0 }
        return UInt32(text.prefix { ("0"..."9").contains($0) }) ?? 0
    }
}
