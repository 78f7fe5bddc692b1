#if canImport(Glibc)
import Glibc
#endif
import SlurmParsing
import SlurmController

/// DELETE /job/{job_id} and DELETE /jobs/: signal or cancel jobs. As the original 26.05 does, both
/// send REQUEST_KILL_JOBS (23.11+) and answer with the controller's result per job. A 22.05 or
/// 23.02 controller has no REQUEST_KILL_JOBS: there each named job gets REQUEST_KILL_JOB (what
/// `scancel` sends there) and its return code becomes the job's result; filters, which only the
/// controller can apply, are refused with 501 (ESLURM_NOT_SUPPORTED).
/// A `v0.0.43_kill_jobs_msg` as a request gives it: the wire message and a `user_id` given by
/// name, which the account database resolves when the handler runs.
struct KillJobsBody {
    var message = KillJobsRequest()
    var userIDName: String?
}

enum JobSignalsEndpoint {
    /// data_parser WARN_FLAGS: the KILL_* bits.
    static let flagWords = FlagTable([
        .bit("BATCH_JOB", 1 << 0), .bit("ARRAY_TASK", 1 << 1), .bit("FULL_STEPS_ONLY", 1 << 2), .bit("FULL_JOB", 1 << 3),
        .bit("FEDERATION_REQUEUE", 1 << 4), .bit("HURRY", 1 << 5), .bit("OUT_OF_MEMORY", 1 << 6),
        .bit("NO_SIBLING_JOBS", 1 << 7), .bit("RESERVATION_JOB", 1 << 8), .bit("VERBOSE", 1 << 11),
        .bit("CRON_JOBS", 1 << 12), .bit("WARNING_SENT", 1 << 15),
    ])
    static let fullJob: UInt16 = 1 << 3
    static let verbose: UInt16 = 1 << 11


    /// ESLURM_ALREADY_DONE: the original counts it a success for the whole request.
    static let alreadyDone: Int32 = 2021
    static let userIDUnknown = SlurmErrorCode.lookup(2166)

    // MARK: Schemas

    static let resultSchema = ObjectSchema<KillJobsJobResult>("v0.0.43_kill_jobs_resp_job", [
        .inline("error", [
            .string("string", "String error encountered signaling job") { errorText($0) },
            .int32("code", "Numeric error encountered signaling job") { $0.errorNumber },
            .string("message", "Error message why signaling job failed") { $0.errorMessage },
        ]) { $0 },
        .string("step_id", "Job or Step ID that signaling failed") { stepText($0) },
        .uint32NoVal("job_id", "Job ID that signaling failed") { $0.realJobID },
        .inline("federation", [
            .string("sibling", "Name of federation sibling (may be empty for non-federation)") { $0.sibling },
        ]) { $0 },
    ])
    /// The spec lists the required members by their paths inside the inline objects.
    static let resultComponent = SchemaComponent(name: resultSchema.name) { w, seen in
        w.beginObject()
        w.key("type"); w.value("object")
        writePropertiesSpec(resultSchema.properties.map(\.spec), into: &w, components: &seen)
        w.key("required")
        w.beginArray()
        for path in ["error/string", "error/code", "error/message", "step_id", "job_id", "federation/sibling"] { w.value(path) }
        w.endArray()
        w.endObject()
    }
    static let statusComponent = SchemaComponent.array("v0.0.43_kill_jobs_resp_msg", of: resultComponent)
    static let statusProperty = Property<[KillJobsJobResult]>("status", .component(statusComponent),
                                                               "resultant status of signal request", required: true) { list, w in
        w.beginArray()
        for r in list { resultSchema.render(r, into: &w); w.boundary() }
        w.endArray()
    }
    static let oneResponse = ResponseSchema<[KillJobsJobResult]>("v0.0.43_openapi_kill_job_resp", [statusProperty], empty: [])
    static let manyResponse = ResponseSchema<[KillJobsJobResult]>("v0.0.43_openapi_kill_jobs_resp", [statusProperty], empty: [])

    /// `v0.0.43_kill_jobs_msg`, read onto KILL_JOB_MSG_INITIALIZER's defaults.
    static let requestSchema = InputSchema<KillJobsBody>("v0.0.43_kill_jobs_msg", empty: KillJobsBody(), [
        .string("account", "Filter jobs to a specific account", \.message.account),
        .flags("flags", "Filter jobs according to flags", flagWords, \.message.flags),
        .string("job_name", "Filter jobs to a specific name", \.message.jobName),
        .stringArray("jobs", "List of jobs to signal", schema: .strings("v0.0.43_kill_jobs_msg_jobs_array"), \.message.jobs),
        .string("partition", "Filter jobs to a specific partition", \.message.partition),
        .string("qos", "Filter jobs to a specific QOS", \.message.qos),
        .string("reservation", "Filter jobs to a specific reservation", \.message.reservation),
        InputField("signal", .string, "Signal to send to jobs") { (v, m: inout KillJobsBody, p) throws(InputError) in
            m.message.signal = try signal(v, p)
        },
        .flags("job_state", "Filter jobs to a specific state", JobStateTable.table, \.message.state),
        InputField("user_id", .string, "Filter jobs to a specific numeric user id") { (v, m: inout KillJobsBody, p) throws(InputError) in
            switch v {
            case .int(let n):
                guard let uid = UInt32(exactly: n) else { throw InputError(userIDUnknown, at: p, "Invalid user ID (overflow): \(n)") }
                m.message.userID = uid
            case .string(let text):
                if text.isEmpty { m.message.userID = KillJobsRequest.anyUser }
                else if let uid = UInt32(text) { m.message.userID = uid }
                else { m.userIDName = text }
            default: throw .expected("a user name or uid", at: p, got: v)
            }
        },
        .string("user_name", "Filter jobs to a specific user name", \.message.userName),
        .string("wckey", "Filter jobs to a specific wckey", \.message.wckey),
        .commaList("nodes", "Filter jobs to a set of nodes", schema: .hostlistString, \.message.nodes),
    ])

    static let deleteOneParameters: [Parameter] = [
        .path("job_id", "Job ID"),
        .query("signal", "Signal to send to Job"),
        .query("flags", "Signalling flags", words: flagWords.specWords),
    ]
}

// MARK: Reading signals, users and flags

extension JobSignalsEndpoint {
    /// data_parser's SIGNAL: a number, or a name with or without SIG in any case; 0 (and no
    /// value) leave the default, SIGKILL. The original sends a name it does not know as 0, which
    /// kills the job: here it is refused, as is an empty value (which the original sends as
    /// NO_VAL16).
    static func signal(_ v: JSONValue, _ path: String) throws(InputError) -> UInt16 {
        let number: Int64
        switch v {
        case .int(let n): number = n
        case .string(let text):
            let trimmed = Substring(text.uppercased()).trimmingSpaces
            if let n = Int64(trimmed) { number = n; break }
            let name = trimmed.hasPrefix("SIG") ? trimmed.dropFirst(3) : trimmed
            guard let known = JobText.signalNames.first(where: { $0.name == name }) else {
                throw InputError(.dataConversionFailed, at: path, "Unknown signal \"\(text)\"")
            }
            return known.number
        default: throw .expected("a signal name or number", at: path, got: v)
        }
        guard (0..<Int64(SlurmNumber.noVal16)).contains(number) else {
            throw InputError(.dataConversionFailed, at: path, "signal \(number) is out of range (0 to \(SlurmNumber.noVal16 - 1))")
        }
        return number == 0 ? KillJobRequest.killSignal : UInt16(number)
    }

    /// The query's `flags` words (comma-separated or repeated); 0 when absent.
    static func queryFlags(_ context: RequestContext) throws(InputError) -> UInt16 {
        var flags: UInt16 = 0
        for text in context.queryValues("flags") {
            for word in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let entry = flagWords.entry(named: String(word)) else {
                    throw InputError(.dataFlagsInvalid, at: "#/flags/", "Unknown flag \"\(word)\"")
                }
                flags |= UInt16(truncatingIfNeeded: entry.value)
            }
        }
        return flags
    }
}

// MARK: Ids and results

extension JobSignalsEndpoint {
    /// `fmt_job_id_string`: a job, array task (or tasks), heterogeneous component or step as text
    /// (`7`, `7_3`, `7_[1-3]`, `7+1`, `7.batch`); a SLUID alone when no job id is known; empty
    /// where Slurm refuses to format (no job id, or both a task and a component).
    static func formatted(sluid: UInt64, jobID: UInt32, arrayTasks: Bitstring? = nil, arrayTaskID: UInt32,
                          hetJobOffset: UInt32, stepID: UInt32, stepHetComponent: UInt32) -> String {
        let noVal = SlurmNumber.noVal32
        if sluid != 0 && (jobID == noVal || jobID == 0) { return JobText.sluidText(sluid) }
        guard jobID != noVal, arrayTaskID == noVal || hetJobOffset == noVal else { return "" }
        var text = String(jobID)
        if let tasks = arrayTasks, !tasks.setBits.isEmpty { return text + "_[" + tasks.rangeList + "]" }
        if arrayTaskID != noVal { text += "_" + String(arrayTaskID) }
        if hetJobOffset != noVal { text += "+" + String(hetJobOffset) }
        guard stepID != noVal else { return stepHetComponent == noVal ? text : "" }
        let named = [(0xffff_fffd as UInt32, "TBD"), (0xffff_fffc, "extern"), (0xffff_fffb, "batch"), (0xffff_fffa, "interactive")]
        text += "." + (named.first { $0.0 == stepID }?.1 ?? String(stepID))
        if stepHetComponent != noVal { text += "+" + String(stepHetComponent) }
        return text
    }

    static func jobText(_ id: SelectedJob) -> String {
        formatted(sluid: id.sluid, jobID: id.jobID, arrayTaskID: id.arrayTaskID, hetJobOffset: id.hetJobOffset,
                  stepID: id.stepID, stepHetComponent: id.stepHetComponent)
    }

    static func stepText(_ r: KillJobsJobResult) -> String {
        formatted(sluid: r.sluid, jobID: r.jobID, arrayTasks: r.arrayTasks, arrayTaskID: r.arrayTaskID,
                  hetJobOffset: r.hetJobOffset, stepID: r.stepID, stepHetComponent: r.stepHetComponent)
    }

    /// `error/string`: "No error" for success, else the controller's text for the error (Slurm's
    /// own wording unless the controller explained more), else ours.
    static func errorText(_ r: KillJobsJobResult) -> String {
        if r.errorCode == 0 { return SlurmErrorCode.success.text }
        if let text = r.errorMessage, !text.isEmpty { return text }
        return SlurmErrorCode.lookup(r.errorNumber).text
    }

    /// The C library's name of a signal, as the original's warnings quote it.
    static func signalDescription(_ signal: UInt16) -> String {
        guard let text = strsignal(Int32(signal)) else { return String(signal) }
        return String(cString: text)
    }
}

// MARK: Handlers

extension JobSignalsEndpoint {
    /// KILL_* bits a 22.05 or 23.02 controller does not know (VERBOSE and CRON_JOBS came with
    /// REQUEST_KILL_JOBS; 23.02's bit 9 means the opposite of CRON_JOBS).
    static let kill2311Only: UInt16 = verbose | 1 << 12

    /// REQUEST_KILL_JOB for each job, for controllers without REQUEST_KILL_JOBS: each return code
    /// becomes that job's result, listed as REQUEST_KILL_JOBS lists results (failures always,
    /// successes with VERBOSE). The job found is not reported by this request, so a result names
    /// the job asked for.
    static func signalEach(_ jobs: [String], signal: UInt16, flags: UInt16,
                           _ controller: ControllerClient) throws(WriteFailure) -> [KillJobsJobResult] {
        var results: [KillJobsJobResult] = []
        for job in jobs {
            var rc: Int32 = 0, text: String?
            do {
                try controller.signalJob(KillJobRequest(job: job, signal: signal, flags: flags & ~kill2311Only))
            } catch .slurm(let number, let message) {
                rc = number
                text = message
            } catch {
                throw WriteFailure(error, "The controller refused the signal", source: "slurm_kill_job2()")
            }
            guard rc != 0 || flags & verbose != 0 else { continue }
            let id = try? SelectedJob.parse(job)
            var r = KillJobsJobResult()
            r.errorCode = UInt32(bitPattern: rc)
            r.errorMessage = rc == 0 ? nil : (text ?? SlurmErrorCode.lookup(rc).text)
            r.sluid = id?.sluid ?? 0
            r.jobID = id?.jobID ?? SlurmNumber.noVal32
            r.arrayTaskID = id?.arrayTaskID ?? SlurmNumber.noVal32
            r.hetJobOffset = id?.hetJobOffset ?? SlurmNumber.noVal32
            r.stepID = id?.stepID ?? SlurmNumber.noVal32
            r.stepHetComponent = id?.stepHetComponent ?? SlurmNumber.noVal32
            r.realJobID = rc == SlurmErrorCode.invalidJobID.number ? SlurmNumber.noVal32 : r.jobID
            results.append(r)
        }
        return results
    }

    /// 24.11 and 26.05 controllers without accounting hang for good on a REQUEST_KILL_JOBS that
    /// finds another user's job (checking whether the caller coordinates its account loads the
    /// user list under a write lock while the request holds the read lock; seen in the lab).
    /// Without accounting only root and SlurmUser may signal others' jobs, so for anyone else named
    /// jobs go by REQUEST_KILL_JOB (which refuses them safely) and filters are kept to the caller's
    /// own jobs.
    static func avoidsKillJobs(_ context: RequestContext) -> Bool {
        context.envelope.accountingDisabled && context.envelope.meta.clientUser != "root"
    }

    /// REQUEST_KILL_JOBS, or REQUEST_KILL_JOB for each named job when `oneByOne` or when the
    /// controller predates REQUEST_KILL_JOBS (filters are then refused with 501).
    static func send(_ m: KillJobsRequest, oneByOne: Bool,
                     _ controller: ControllerClient) throws(WriteFailure) -> (results: [KillJobsJobResult], alreadyDone: Bool) {
        if oneByOne { return (try signalEach(m.jobs, signal: m.signal, flags: m.flags, controller), false) }
        do throws(ControllerError) {
            return (try controller.signalJobs(m).jobs, false)
        } catch .notInRelease(let version) {
            guard namesJobsOnly(m) else {
                throw WriteFailure(.notSupported, "Slurm \(version.release) cannot select jobs by filters (REQUEST_KILL_JOBS came "
                                   + "with 23.11): name the jobs in \"jobs\" and nothing else", source: "slurm_kill_jobs()")
            }
            return (try signalEach(m.jobs, signal: m.signal, flags: m.flags, controller), false)
        } catch .slurm(alreadyDone, _) {
            return ([], true)
        } catch {
            throw WriteFailure(error, "The controller refused the signal", source: "slurm_kill_jobs()")
        }
    }

    static func failed<P>(_ schema: ResponseSchema<P>, _ failure: WriteFailure, _ envelope: Envelope) -> EndpointResult {
        var envelope = envelope
        envelope.errors.append(failure.apiError)
        return EndpointResult(status: failure.code.httpStatus) { w in schema.render(nil, envelope, into: &w) }
    }

    /// What DELETE /job/{job_id} asks for: the job as Slurm formats its id, `signal` (default
    /// SIGKILL) and `flags` (default FULL_JOB) from the query.
    static func oneJobRequest(_ text: String, _ context: RequestContext) throws(InputError) -> KillJobsRequest {
        let id = try JobsEndpoint.jobID(text)
        var request = KillJobsRequest()
        request.jobs = [jobText(id)]
        request.signal = try context.queryValue("signal").map { (v: String) throws(InputError) in
            try Self.signal(.string(v), "#/signal/")
        } ?? KillJobRequest.killSignal
        let given = try queryFlags(context)
        request.flags = given == 0 ? fullJob : given
        return request
    }

    /// DELETE /job/{job_id}: `signal` (default SIGKILL) and `flags` (default FULL_JOB) from the
    /// query, as the original reads them.
    static func handleOne(_ context: inout RequestContext) -> EndpointResult {
        let text = context.pathParameters["job_id"] ?? ""
        var envelope = context.envelope
        do throws(WriteFailure) {
            let request: KillJobsRequest
            do throws(InputError) {
                request = try oneJobRequest(text, context)
            } catch {
                throw WriteFailure(error)
            }
            let signal = request.signal, flags = request.flags
            let outcome = try send(request, oneByOne: avoidsKillJobs(context), context.controller)
            if outcome.alreadyDone {
                // ESLURM_ALREADY_DONE for the request: the original counts it a success.
                envelope.warnings.append(APIWarning(description: "Job was already sent signal \(signalDescription(signal))",
                                                    source: "_signal_job"))
            } else if flags & verbose != 0 && outcome.results.isEmpty {
                envelope.warnings.append(APIWarning(description: "Zero jobs sent signal \(signalDescription(signal))",
                                                    source: "_signal_job"))
            }
            // REQUEST_KILL_JOBS refuses a job the caller may not signal for the whole request.
            if let denied = outcome.results.first(where: { $0.errorNumber == SlurmErrorCode.accessDenied.number }) {
                throw WriteFailure(.accessDenied, "The controller refused the signal: \(errorText(denied))", source: "slurm_kill_jobs()")
            }
            let results = outcome.results
            return .success(oneResponse, results, envelope)
        } catch {
            return failed(oneResponse, error, envelope)
        }
    }

    /// Whether a request names its jobs and nothing else, which a controller without
    /// REQUEST_KILL_JOBS can be asked one job at a time.
    static func namesJobsOnly(_ m: KillJobsRequest) -> Bool {
        !m.jobs.isEmpty && m.account == nil && m.adminComment == nil && m.jobName == nil && m.partition == nil
            && m.qos == nil && m.reservation == nil && m.state == KillJobsRequest.anyState
            && m.userID == KillJobsRequest.anyUser && m.userName == nil && m.wckey == nil && m.nodes == nil
    }

    /// Whether a request selects jobs at all: `_verify_kill_jobs_msg` of the 24.11 and 26.05
    /// controllers wants a job or a filter, and `user_id` alone is no filter there (the
    /// controller answers 2173 ESLURM_SIGNAL_JOBS_INVALID). `user_name` is one.
    static func selectsJobs(_ m: KillJobsRequest) -> Bool {
        !m.jobs.isEmpty || m.account != nil || m.jobName != nil || m.partition != nil || m.qos != nil
            || m.reservation != nil || m.state & 0xff != KillJobsRequest.anyState || m.userName != nil
            || m.wckey != nil || m.nodes != nil
    }

    /// DELETE /jobs/: the listed jobs, or every job the filters match. A request with neither
    /// (not even "every job the caller may signal") is refused before anything is sent, as the
    /// controller would refuse it.
    static func handleMany(_ context: inout RequestContext) -> EndpointResult {
        let envelope = context.envelope
        do throws(WriteFailure) {
            var body = try context.decodeBody(requestSchema)
            guard selectsJobs(body.message) else {
                throw WriteFailure(.dataParseBadInput, "Name jobs in \"jobs\" or give a filter other than \"user_id\" "
                                   + "(account, job_name, job_state, nodes, partition, qos, reservation, user_name, wckey)",
                                   source: "#/jobs")
            }
            if let name = body.userIDName {
                guard let uid = context.accounts.userID(name) else {
                    throw WriteFailure(userIDUnknown, "No user is called \(name)", source: "#/user_id")
                }
                body.message.userID = uid
            }
            if let name = body.message.userName, body.message.userID == KillJobsRequest.anyUser {
                guard let uid = context.accounts.userID(name) else {
                    throw WriteFailure(userIDUnknown, "No user is called \(name)", source: "uid_from_string()")
                }
                body.message.userID = uid
            }
            if avoidsKillJobs(context) && !namesJobsOnly(body.message) {
                guard let own = context.accounts.userID(context.envelope.meta.clientUser) else {
                    throw WriteFailure(userIDUnknown, "The caller's user id is unknown here", source: "slurm_kill_jobs()")
                }
                guard [own, KillJobsRequest.anyUser].contains(body.message.userID) else {
                    throw WriteFailure(.accessDenied, "Without accounting only root and SlurmUser may signal other users' jobs",
                                       source: "slurm_kill_jobs()")
                }
                body.message.userID = own
            }
            let results = try send(body.message, oneByOne: avoidsKillJobs(context) && namesJobsOnly(body.message),
                                   context.controller).results
            return .success(manyResponse, results, envelope)
        } catch {
            return failed(manyResponse, error, envelope)
        }
    }
}
