#if canImport(Glibc)
import Glibc
#endif
import SlurmController

/// What the job-writing endpoints share: how a controller's answer becomes warnings and errors,
/// and what the original's client library fills in before it sends a job.
enum JobWriteOutcome {
    /// Answers the original reports as warnings when the controller accepted the job anyway (the
    /// job exists, e.g. held), with Slurm's texts for them as the original's warnings show them
    /// (`nonfatal_errors` in src/slurmrestd/plugins/openapi/slurmctld/jobs.c).
    static let acceptedWithWarning: [Int32: String] = [
        2016: "Requested nodes are busy",
        2055: "Requested reservation is in use",
        2042: "Job is in held state, pending scheduler release",
        2068: "Required node not available (down, drained or reserved)",
        2074: "Requested account has breached requested QOS usage threshold",
        2050: "Job violates accounting/QOS policy (job submit limit, user's size and/or time limits)",
        2056: "Requested reservation not usable now",
        2015: "Requested partition configuration not available now",
        2100: "Waiting for burst buffer",
        2101: "Partition in DOWN state",
        2040: "Licenses currently unavailable",
        2059: "Required ports are in use",
    ]

    /// The text of an error number in warnings.
    static func text(_ number: Int32) -> String {
        acceptedWithWarning[number] ?? SlurmErrorCode.lookup(number).text
    }

    /// The code of an error about a job description. A name nobody knows is a 404 where it is the
    /// URL's resource; in a job description it is part of the request, so the answer is the 422 the
    /// original gives. The job the URL names stays a 404.
    static func requestCode(_ number: Int32) -> SlurmErrorCode {
        let code = SlurmErrorCode.lookup(number)
        guard code.httpStatus == 404, number != SlurmErrorCode.invalidJobID.number else { return code }
        return SlurmErrorCode(code.number, code.name, code.text, httpStatus: 422)
    }

    /// The code a controller refusal is answered with.
    static func refusal(_ failure: ControllerError) -> SlurmErrorCode {
        if case .slurm(let number, _) = failure { return requestCode(number) }
        return SlurmErrorCode(failure)
    }

    /// The answer to a refused request: Slurm's number, and the controller's own text when it sent
    /// one (RESPONSE_SLURM_RC_MSG), else what the original says.
    static func refused<P>(_ schema: ResponseSchema<P>, _ context: RequestContext, _ failure: ControllerError,
                           description: String, source: String) -> EndpointResult {
        var said = description
        if case .slurm(_, let message?) = failure, !message.isEmpty { said = message }
        return .failure(schema, context, refusal(failure), description: said, source: source)
    }

    /// `_job_submit_rc` / `_job_alloc_rc`: a non-zero code in an answer that created a job is a
    /// warning when the job waits for something, else an error (the job exists all the same).
    static func report(_ number: Int32, source: String, into envelope: inout Envelope) -> Int {
        guard number != 0 else { return 200 }
        if let text = acceptedWithWarning[number] {
            envelope.warnings.append(APIWarning(description: text, source: "slurm_submit_batch_job()"))
            return 200
        }
        let code = SlurmErrorCode.lookup(number)
        envelope.errors.append(APIError(code, description: "", source: source))
        return code.httpStatus
    }

    /// What libslurm sets before it sends a job: the session the request comes from.
    static func fillSession(_ job: inout JobDescription) {
        if job.allocSID == SlurmNumber.noVal32 { job.allocSID = UInt32(bitPattern: getsid(0)) }
    }

    /// The text of a step id in answers (`STEP_ID`): the names of the special steps, else the number.
    static func stepText(_ id: UInt32) -> String {
        SelectedJob.stepNames.first { $0.id == id }.map { $0.name == "tbd" ? "TBD" : $0.name } ?? String(id)
    }

    /// MAX_HET_JOB_COMPONENTS (slurm/slurm.h).
    static let maxHetComponents = 128
}
