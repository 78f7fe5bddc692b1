import SlurmController
import SlurmParsing

/// GET /jobs/state/ (the original's `op_handler_job_states`). Its spec names the job info
/// response, but the original renders `{"jobs": [{"job_id", "state"}], ...}`: the spec is kept
/// for the document, the rendering follows the original.
enum JobStateEndpoint {
    /// One rendered record: the job's id as text ("12", "12_3", "12+1") and its state.
    struct Row {
        let jobID: String
        let state: UInt32
    }

    static let rowSchema = ObjectSchema<Row>("v0.0.43_job_state_resp_job", [
        .string("job_id", "Job ID", required: true) { $0.jobID },
        .flags("state", "Job state", JobStateTable.table, required: true) { UInt64($0.state) },
    ])

    static let response = ResponseSchema<[Row]>("v0.0.43_openapi_job_state_resp", [
        .array("jobs", "List of job states", ArraySchema("v0.0.43_job_state_resp_msg", of: rowSchema)) { $0 },
    ], empty: [])

    static let queryParameters = [Parameter.query("job_id", "CSV list of Job IDs to search for")]

    /// The records as the original lists them: pending array tasks the controller sends as one
    /// record with a task bitmap become one row per task.
    static func rows(_ response: JobStateResponse) -> [Row] {
        var rows: [Row] = []
        rows.reserveCapacity(response.jobs.count)
        for job in response.jobs {
            if let tasks = job.arrayTasks {
                for task in tasks.setBits { rows.append(Row(jobID: "\(job.jobID)_\(task)", state: job.state)) }
            } else {
                rows.append(Row(jobID: jobIDText(job), state: job.state))
            }
        }
        return rows
    }

    /// `JOB_STATE_RESP_JOB_JOB_ID`: a component as job+offset, an array task as job_task (job_*
    /// for the whole array), otherwise the job id.
    static func jobIDText(_ job: JobStateRecord) -> String {
        if job.jobID == 0 { return "" }
        if job.hetJobID != 0 { return "\(job.jobID)+\(job.jobID &- job.hetJobID)" }
        if job.arrayJobID == 0 { return "\(job.jobID)" }
        if job.arrayTaskID == SlurmNumber.noVal32 || job.arrayTaskID == SlurmNumber.infinite32 { return "\(job.jobID)_*" }
        return "\(job.jobID)_\(job.arrayTaskID)"
    }

    /// `job_id`: a comma-separated list, possibly given several times; nothing asks for every job.
    static func queries(_ context: RequestContext) throws(InputError) -> [JobStateQuery] {
        var out: [JobStateQuery] = []
        for value in context.queryValues("job_id") {
            for item in value.split(separator: ",", omittingEmptySubsequences: false) {
                let id: SelectedJob
                do throws(SelectedJob.Invalid) {
                    id = try SelectedJob.parse(String(item))
                } catch {
                    throw InputError(.invalidQuery, at: "#/job_id/", "Invalid job id \"\(item)\": \(error.reason)")
                }
                out.append(JobStateQuery(jobID: id.jobID, arrayTaskID: id.arrayTaskID, hetJobOffset: id.hetJobOffset))
            }
        }
        return out
    }

    static func handle(_ context: inout RequestContext) -> EndpointResult {
        context.answer(response, source: "slurm_load_job_state()") { [context] in
            .success(response, rows(try context.controller.jobStates(try queries(context))), context.envelope)
        }
    }
}
