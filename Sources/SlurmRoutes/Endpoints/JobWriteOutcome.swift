#if canImport(Glibc)
import Glibc
#endif
import SlurmController

/// What the job-writing endpoints share: how a controller's answer becomes warnings and errors,
/// and what the original's client library fills in before it sends a job.
enum JobWriteOutcome {
    /// Numbers the original reports as warnings when the controller accepted the job anyway: the
    /// job exists and waits (held, nodes busy, partition down, ...); `nonfatal_errors` in
    /// src/slurmrestd/plugins/openapi/slurmctld/jobs.c.
    static let acceptedWithWarning: Set<Int32> = [2015, 2016, 2040, 2042, 2050, 2055, 2056, 2059, 2068, 2074, 2100, 2101]

    /// An error number in a warning or a result text, which have no number field: our description
    /// with Slurm's name and number.
    static func text(_ number: Int32) -> String {
        let code = SlurmErrorCode.lookup(number)
        return "\(code.text) (\(code.name), \(number))"
    }

    /// The code of an error about a job description; only the job the URL names stays a 404.
    static func requestCode(_ number: Int32) -> SlurmErrorCode {
        let code = SlurmErrorCode.lookup(number)
        return number == SlurmErrorCode.invalidJobID.number ? code : code.inRequestContent
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
        if acceptedWithWarning.contains(number) {
            envelope.warnings.append(APIWarning(description: text(number), source: "slurm_submit_batch_job()"))
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

    /// The components of a heterogeneous job given under `member` (`jobs` for a submission,
    /// `hetjob` for an allocation): at least one, at most MAX_HET_JOB_COMPONENTS.
    static func checkHetComponents<Component>(_ inputs: [Component], member: String) throws(InputError) {
        guard !inputs.isEmpty else {
            throw InputError(.dataParseBadInput, at: "#/\(member)", "A heterogeneous job needs at least one component")
        }
        guard inputs.count <= maxHetComponents else {
            throw InputError(.dataParseBadInput, at: "#/\(member)",
                             "A heterogeneous job has at most \(maxHetComponents) components, not \(inputs.count)")
        }
    }
}
