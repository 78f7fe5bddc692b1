import SlurmController

/// Derived job fields the original computes in libslurm or its data_parser before rendering; each
/// follows the cited Slurm function, in our own code.
enum JobText {
    /// `job_state_reason_string` (src/common/job_state_reason.c, 26.05): the enum's display names
    /// by value; retired values and values past the end are "InvalidReason". The enum only grew or
    /// renamed entries in place from 22.05 on, so older controllers' values index the same table.
    static func stateReason(_ reason: UInt32) -> String {
        Int(reason) < stateReasons.count ? stateReasons[Int(reason)] ?? "InvalidReason" : "InvalidReason"
    }

    static let stateReasons: [String?] = [
        "None", "Priority", "Dependency", "Resources", "PartitionNodeLimit", "PartitionTimeLimit", "PartitionDown",
        "PartitionInactive", "JobHeldAdmin", "BeginTime", "Licenses", "AssociationJobLimit",
        "AssociationResourceLimit", "AssociationTimeLimit", "Reservation", "ReqNodeNotAvail", "JobHeldUser",
        "NvidiaImexChannels", "SchedDefer", "PartitionDown", "NodeDown", "BadConstraints", "SystemFailure",
        "JobLaunchFailure", "NonZeroExitCode", "TimeLimit", "InactiveLimit", "InvalidAccount", "InvalidQOS",
        "QOSUsageThreshold", "QOSJobLimit", "QOSResourceLimit", "QOSTimeLimit", "RaisedSignal", nil, "Cleaning",
        "Prolog", "QOSNotAllowed", "AccountNotAllowed", "DependencyNeverSatisfied", "QOSGrpCpuLimit",
        "QOSGrpCPUMinutesLimit", "QOSGrpCPURunMinutesLimit", "QOSGrpJobsLimit", "QOSGrpMemLimit", "QOSGrpNodeLimit",
        "QOSGrpSubmitJobsLimit", "QOSGrpWallLimit", "QOSMaxCpuPerJobLimit", "QOSMaxCpuMinutesPerJobLimit",
        "QOSMaxNodePerJobLimit", "QOSMaxWallDurationPerJobLimit", "QOSMaxCpuPerUserLimit", "QOSMaxJobsPerUserLimit",
        "QOSMaxNodePerUserLimit", "QOSMaxSubmitJobPerUserLimit", "QOSMinCpuNotSatisfied", "AssocGrpCpuLimit",
        "AssocGrpCPUMinutesLimit", "AssocGrpCPURunMinutesLimit", "AssocGrpJobsLimit", "AssocGrpMemLimit",
        "AssocGrpNodeLimit", "AssocGrpSubmitJobsLimit", "AssocGrpWallLimit", "AssocMaxJobsLimit",
        "AssocMaxCpuPerJobLimit", "AssocMaxCpuMinutesPerJobLimit", "AssocMaxNodePerJobLimit",
        "AssocMaxWallDurationPerJobLimit", "AssocMaxSubmitJobLimit", "JobHoldMaxRequeue", "JobArrayTaskLimit",
        "BurstBufferResources", "BurstBufferStageIn", "BurstBufferOperation", nil, nil, "AssocGrpUnknown",
        "AssocGrpUnknownMinutes", "AssocGrpUnknownRunMinutes", "AssocMaxUnknownPerJob", "AssocMaxUnknownPerNode",
        "AssocMaxUnknownMinutesPerJob", "AssocMaxCpuPerNode", "AssocGrpMemMinutes", "AssocGrpMemRunMinutes",
        "AssocMaxMemPerJob", "AssocMaxMemPerNode", "AssocMaxMemMinutesPerJob", "AssocGrpNodeMinutes",
        "AssocGrpNodeRunMinutes", "AssocMaxNodeMinutesPerJob", "AssocGrpEnergy", "AssocGrpEnergyMinutes",
        "AssocGrpEnergyRunMinutes", "AssocMaxEnergyPerJob", "AssocMaxEnergyPerNode", "AssocMaxEnergyMinutesPerJob",
        "AssocGrpGRES", "AssocGrpGRESMinutes", "AssocGrpGRESRunMinutes", "AssocMaxGRESPerJob", "AssocMaxGRESPerNode",
        "AssocMaxGRESMinutesPerJob", "AssocGrpLicense", "AssocGrpLicenseMinutes", "AssocGrpLicenseRunMinutes",
        "AssocMaxLicensePerJob", "AssocMaxLicenseMinutesPerJob", "AssocGrpBB", "AssocGrpBBMinutes",
        "AssocGrpBBRunMinutes", "AssocMaxBBPerJob", "AssocMaxBBPerNode", "AssocMaxBBMinutesPerJob", "QOSGrpUnknown",
        "QOSGrpUnknownMinutes", "QOSGrpUnknownRunMinutes", "QOSMaxUnknownPerJob", "QOSMaxUnknownPerNode",
        "QOSMaxUnknownPerUser", "QOSMaxUnknownMinutesPerJob", "QOSMinUnknown", "QOSMaxCpuPerNode",
        "QOSGrpMemoryMinutes", "QOSGrpMemoryRunMinutes", "QOSMaxMemoryMinutesPerJob", "QOSMaxMemoryPerJob",
        "QOSMaxMemoryPerNode", "QOSMaxMemoryPerUser", "QOSMinMemory", "QOSGrpEnergy", "QOSGrpEnergyMinutes",
        "QOSGrpEnergyRunMinutes", "QOSMaxEnergyPerJob", "QOSMaxEnergyPerNode", "QOSMaxEnergyPerUser",
        "QOSMaxEnergyMinutesPerJob", "QOSMinEnergy", "QOSGrpNodeMinutes", "QOSGrpNodeRunMinutes",
        "QOSMaxNodeMinutesPerJob", "QOSMinNode", "QOSGrpGRES", "QOSGrpGRESMinutes", "QOSGrpGRESRunMinutes",
        "QOSMaxGRESPerJob", "QOSMaxGRESPerNode", "QOSMaxGRESPerUser", "QOSMaxGRESMinutesPerJob", "QOSMinGRES",
        "QOSGrpLicense", "QOSGrpLicenseMinutes", "QOSGrpLicenseRunMinutes", "QOSMaxLicensePerJob",
        "QOSMaxLicensePerUser", "QOSMaxLicenseMinutesPerJob", "QOSMinLicense", "QOSGrpBB", "QOSGrpBBMinutes",
        "QOSGrpBBRunMinutes", "QOSMaxBBPerJob", "QOSMaxBBPerNode", "QOSMaxBBPerUser", "AssocMaxBBMinutesPerJob",
        "QOSMinBB", "DeadLine", "MaxBBPerAccount", "MaxCpuPerAccount", "MaxEnergyPerAccount", "MaxGRESPerAccount",
        "MaxNodePerAccount", "MaxLicensePerAccount", "MaxMemoryPerAccount", "MaxUnknownPerAccount",
        "MaxJobsPerAccount", "MaxSubmitJobsPerAccount", "PartitionConfig", "AccountingPolicy", "FedJobLock",
        "OutOfMemory", "MaxMemPerLimit", "AssocGrpBilling", "AssocGrpBillingMinutes", "AssocGrpBillingRunMinutes",
        "AssocMaxBillingPerJob", "AssocMaxBillingPerNode", "AssocMaxBillingMinutesPerJob", "QOSGrpBilling",
        "QOSGrpBillingMinutes", "QOSGrpBillingRunMinutes", "QOSMaxBillingPerJob", "QOSMaxBillingPerNode",
        "QOSMaxBillingPerUser", "QOSMaxBillingMinutesPerJob", "MaxBillingPerAccount", "QOSMinBilling",
        "ReservationDeleted", "ReservationInvalid", "Constraints", "MaxBBRunMinsPerAccount",
        "MaxBillingRunMinsPerAccount", "MaxCpuRunMinsPerAccount", "MaxEnergyRunMinsPerAccount",
        "MaxGRESRunMinsPerAccount", "MaxNodeRunMinsPerAccount", "MaxLicenseRunMinsPerAccount",
        "MaxMemoryRunMinsPerAccount", "MaxUnknownRunMinsPerAccount", "MaxBBRunMinsPerUser",
        "MaxBillingRunMinsPerUser", "MaxCpuRunMinsPerUser", "MaxEnergyRunMinsPerUser", "MaxGRESRunMinsPerUser",
        "MaxNodeRunMinsPerUser", "MaxLicenseRunMinsPerUser", "MaxMemoryRunMinsPerUser", "MaxUnknownRunMinsPerUser",
        "MaxPoweredUpNodes", "MpiPortsBusy",
    ]

    /// `sig_num2name` (src/common/proc_args.c): the signals Slurm names, by their Linux numbers;
    /// any other number as text.
    static func signalName(_ signal: UInt16) -> String {
        signalNames.first { $0.number == signal }?.name ?? String(signal)
    }

    static let signalNames: [(name: String, number: UInt16)] = [
        ("HUP", 1), ("INT", 2), ("QUIT", 3), ("ABRT", 6), ("KILL", 9), ("ALRM", 14), ("TERM", 15), ("CHLD", 17),
        ("USR1", 10), ("USR2", 12), ("PIPE", 13), ("URG", 23), ("CONT", 18), ("STOP", 19), ("TSTP", 20),
        ("TTIN", 21), ("TTOU", 22), ("XCPU", 24),
    ]

    /// The task list of a job array for display (`xlate_array_task_str`): the controller sends the
    /// tasks as a hex bitmap; a regular step becomes "first-last:step", anything else the range list
    /// cut to 63 characters (the client's default SLURM_BITSTR_LEN of 64, "..." marking the cut),
    /// then "%limit" when a limit of simultaneous tasks is known. Text that is not a hex mask is kept.
    static func arrayTasks(_ text: String?, limit: UInt32) -> String? {
        guard let text else { return nil }
        let bytes = Array(text.utf8)
        guard bytes.count >= 3, bytes[1] == UInt8(ascii: "x"),
              let bits = Bitstring(bitCount: bytes.count * 4, text: text) else { return text }
        let set = bits.setBits
        var out: String
        if let step = regularStep(set) {
            out = "\(set[0])-\(set[set.count - 1]):\(step)"
        } else {
            out = String(decoding: bits.rangeList.utf8.prefix(63), as: UTF8.self)
            if out.utf8.count > 61 { out = String(decoding: out.utf8.prefix(60), as: UTF8.self) + "..." }
        }
        if limit != 0 { out += "%\(limit)" }
        return out
    }

    /// The common distance of tasks spread evenly (more than five tasks over more than ten
    /// indexes, not starting with two neighbours), as `xlate_array_task_str` detects it.
    static func regularStep(_ set: [Int]) -> Int? {
        guard let first = set.first, let last = set.last, last - first > 10, set.count > 5, set[1] != first + 1 else {
            return nil
        }
        let step = set[1] - set[0]
        for i in 1..<set.count where set[i] - set[i - 1] != step { return nil }
        return step
    }

    /// A process exit status as `PROCESS_EXIT_CODE` renders it: what the status word says, the
    /// exit code, and the terminating signal.
    struct ExitCode {
        enum Status: UInt64 { case invalid = 0, pending, success, error, signaled, coreDumped }
        var status: Status = .invalid
        var returnCode: UInt32 = SlurmNumber.noVal32
        var signal: UInt16 = SlurmNumber.noVal16

        /// Decodes a wait(2) status as glibc's W* macros do; NO_VAL is a process not yet ended.
        init(_ raw: UInt32) {
            let low = raw & 0x7f
            if raw == SlurmNumber.noVal32 {
                status = .pending
            } else if low == 0 {
                returnCode = (raw >> 8) & 0xff
                status = returnCode == 0 ? .success : .error
            } else if low != 0x7f {
                status = .signaled
                signal = UInt16(low)
            } else if raw & 0x80 != 0 {
                status = .coreDumped
            } else {
                returnCode = raw
            }
        }
    }

    /// What the stdio path patterns of a batch job refer to (`slurm_expand_job_stdio_fields`).
    struct StdioContext {
        var jobID: UInt32
        var sluid: UInt64
        var arrayJobID: UInt32
        var arrayTaskID: UInt32
        var restartCount: UInt16
        /// The batch host; nil prints as "(null)", as printf does.
        var firstNode: String?
        var jobName: String?
        var userName: String
        var workDir: String?
    }

    /// `expand_stdio_fields` (src/common/print_fields.c) for a batch step: relative paths are put
    /// under the working directory, and %A %a %b %J %j %N %n %r %S %s %t %u %x are replaced (a number
    /// after % zero-pads numeric fields, at most 10); %% is one %, other % sequences stay as written,
    /// and a backslash anywhere turns expansion off (backslashes are then dropped).
    static func expandStdio(_ path: String, _ job: StdioContext) -> String {
        var out = ""
        if let dir = job.workDir, path.first != "/" {
            out += dir
            if dir.last != "/" { out += "/" }
        }
        let chars = Array(path.unicodeScalars)
        if chars.contains("\\") {
            for c in chars where c != "\\" { out.unicodeScalars.append(c) }
            return out
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            i += 1
            guard c == "%" else { out.unicodeScalars.append(c); continue }
            guard i < chars.count else { break }
            if chars[i] == "%" { out += "%"; i += 1; continue }
            var padding = 0
            let digitsStart = i
            while i < chars.count, ("0"..."9").contains(chars[i]) {
                padding = min(padding * 10 + Int(chars[i].value - 48), 1_000_000)
                i += 1
            }
            let hadDigits = i > digitsStart
            guard i < chars.count else {
                out += "%" + String(String.UnicodeScalarView(chars[digitsStart..<i]))
                break
            }
            if let text = stdioField(chars[i], padding: min(padding, 10), job) {
                out += text
            } else {
                out += "%" + (hadDigits ? String(String.UnicodeScalarView(chars[digitsStart..<i])) : "")
                out.unicodeScalars.append(chars[i])
            }
            i += 1
        }
        return out
    }

    /// One pattern letter's text, nil when the letter is not a pattern.
    static func stdioField(_ letter: Unicode.Scalar, padding: Int, _ job: StdioContext) -> String? {
        func number<I: BinaryInteger>(_ n: I) -> String {
            let digits = String(n)
            return digits.count < padding ? String(repeating: "0", count: padding - digits.count) + digits : digits
        }
        switch letter {
        case "A": return number(job.arrayJobID != 0 ? job.arrayJobID : job.jobID)
        case "a": return number(job.arrayTaskID)
        case "b": return number(job.arrayTaskID % 10)
        case "J", "j": return number(job.jobID)
        case "N": return job.firstNode ?? "(null)"
        case "n", "t": return number(0)
        case "r": return number(job.restartCount)
        case "S": return sluidText(job.sluid)
        case "s": return "batch"
        case "u": return job.userName
        case "x": return job.jobName ?? "(null)"
        default: return nil
        }
    }

    /// Crockford's base-32 digits, as SLUIDs are written.
    static let sluidDigits = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// `print_sluid`: "s" and 13 Crockford base-32 digits, most significant first.
    static func sluidText(_ sluid: UInt64) -> String {
        var out: [UInt8] = [UInt8(ascii: "s")]
        for i in (0..<13).reversed() { out.append(sluidDigits[Int((sluid >> UInt64(5 * i)) & 0x1f)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
