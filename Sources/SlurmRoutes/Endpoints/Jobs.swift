#if canImport(Glibc)
import Glibc
#endif
import SlurmController
import SlurmParsing

/// GET /jobs/ and GET /job/{job_id} (the original's `op_handler_jobs` and `_handle_job_get`).
enum JobsEndpoint {
    static let response = ResponseSchema<JobListing>("v0.0.43_openapi_job_info_resp", [
        // ArraySchema's loop, but making each job's row as it is written rather than a row array first.
        Property("jobs", .component(JobInfoSchema.listComponent), "List of jobs", required: true) { listing, w in
            w.beginArray()
            for job in listing.message.jobs {
                JobInfoSchema.schema.render(JobRow(job: job, listing: listing), into: &w)
                w.boundary()
            }
            w.endArray()
        },
        .uint64NoVal("last_backfill", "Time of last backfill scheduler run (UNIX timestamp)", required: true) {
            JobInfoSchema.time($0.message.lastBackfill) },
        .uint64NoVal("last_update", "Time of last job change (UNIX timestamp)", required: true) {
            JobInfoSchema.time($0.message.lastUpdate) },
    ], empty: JobListing(JobInfoMessage(), accounts: AccountNames(user: { _ in nil }, group: { _ in nil })))

    static let queryParameters = [QueryValues.updateTimeParameter("jobs"), QueryValues.flagsParameter]

    /// The original asks for every job with details unless told otherwise.
    static func showFlags(_ context: RequestContext) throws(InputError) -> UInt16 {
        let flags = try QueryValues.showFlags(context) ?? 0
        return flags == 0 ? ShowFlags.all | ShowFlags.detail : flags
    }

    static func listing(_ message: JobInfoMessage, _ context: RequestContext) -> JobListing {
        JobListing(message, accounts: context.accounts)
    }

    /// The answer for a decoded job list; the original's parser warns when it has no job to dump.
    static func success(_ message: JobInfoMessage, _ context: RequestContext) -> EndpointResult {
        var envelope = context.envelope
        if message.jobs.isEmpty { envelope.warnings.append(APIWarning(description: "Zero jobs to dump", source: "")) }
        return .success(response, listing(message, context), envelope)
    }

    static func handleList(_ context: inout RequestContext) -> EndpointResult {
        context.answer(response, source: "slurm_load_jobs()") { [context] in
            let updateTime = try QueryValues.updateTime(context)
            let flags = try showFlags(context)
            do {
                return success(try context.controller.jobs(updateTime: updateTime, showFlags: flags), context)
            } catch ControllerError.slurm(SlurmErrorCode.noChangeInData.number, _) {
                // Nothing changed: an empty answer with a warning, not an error (unlike nodes' 304).
                var envelope = context.envelope
                envelope.warnings.append(APIWarning(
                    description: "No job changes since update_time[\(updateTime)]=\(timeText(updateTime))",
                    source: "op_handler_jobs"))
                return .success(response, listing(JobInfoMessage(), context), envelope)
            }
        }
    }

    static func handleOne(_ context: inout RequestContext) -> EndpointResult {
        let text = context.pathParameters["job_id"] ?? ""
        return context.answer(response, source: "_handle_job_get") { [context] in
            _ = try QueryValues.updateTime(context) // accepted and, as by the original, not used
            return try one(try jobID(text), text: text, flags: try showFlags(context), context)
        }
    }

    /// The answer for one job once the request's values are read.
    static func one(_ id: SelectedJob, text: String, flags: UInt16, _ context: RequestContext) throws(ControllerError) -> EndpointResult {
        var context = context
        if id.arrayTaskID != SlurmNumber.noVal32 {
            context.envelope.warnings.append(APIWarning(
                description: "Job array Ids are not currently supported for job searches. Showing all jobs in array instead.",
                source: "_handle_job_get"))
        }
        if id.stepID != SlurmNumber.noVal32 {
            context.envelope.warnings.append(APIWarning(
                description: "Job steps are not supported for job searches. Showing whole job instead.",
                source: "_handle_job_get"))
        }
        var request = JobInfoSingleRequest(jobID: id.jobID, sluid: id.sluid, showFlags: flags)
        if id.hetJobOffset != SlurmNumber.noVal32 { request.jobID &+= id.hetJobOffset }
        request.stepID = id.stepID
        request.stepHetComponent = id.stepHetComponent
        do throws(ControllerError) {
            return success(try context.controller.job(request), context)
        } catch .slurm(SlurmErrorCode.invalidJobID.number, _) {
            return .failure(response, context, .invalidJobID, description: "Unable to query JobId=\(text)",
                            source: "_handle_job_get")
        }
    }

    /// The path's job id: a job the original would look up (not a bare 0, nor past MAX_JOB_ID).
    static func jobID(_ text: String) throws(InputError) -> SelectedJob {
        let id: SelectedJob
        do throws(SelectedJob.Invalid) {
            id = try SelectedJob.parse(text)
        } catch {
            throw InputError(.invalidQuery, at: "#/job_id/", "Invalid job id \"\(text)\": \(error.reason)")
        }
        guard id.sluid != 0 || (id.jobID != SlurmNumber.noVal32 && id.jobID < SelectedJob.maxJobID) else {
            throw InputError(.invalidQuery, at: "#/job_id/", "Invalid job id \"\(text)\": beyond the largest job id")
        }
        return id
    }

    /// `slurm_make_time_str` in its default form: local time as 2100-01-01T00:00:00, with the
    /// original's words for 0, INFINITE and NO_VAL.
    static func timeText(_ t: Int64) -> String {
        switch t {
        case 0, Int64(SlurmNumber.infinite32): return "Unknown"
        case Int64(SlurmNumber.noVal32): return "None"
        default:
            var seconds = time_t(t), parts = tm()
            guard localtime_r(&seconds, &parts) != nil else { return "Unknown" }
            var buffer = [CChar](repeating: 0, count: 64)
            guard strftime(&buffer, buffer.count, "%FT%T", &parts) > 0 else { return "Unknown" }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }
}
