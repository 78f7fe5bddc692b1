import SlurmController
import SlurmParsing

/// `v0.0.43_job_desc_msg`: every member of the reference spec, in its order, read onto a job
/// description the way the original's data_parser v0.0.43 reads it (its `JOB_DESC_MSG` table).
/// Members whose meaning depends on others are kept in `JobDescriptionInput` until `resolved`.
enum JobDescriptionSchema {
    typealias Field = InputField<JobDescriptionInput>

    static let schema = InputSchema<JobDescriptionInput>("v0.0.43_job_desc_msg", empty: JobDescriptionInput(), [
        .string("account", "Account associated with the job", \.job.account),
        .string("account_gather_frequency", "Job accounting and profiling sampling intervals in seconds", \.job.acctgFreq),
        .string("admin_comment", "Arbitrary comment made by administrator", \.job.adminComment),
        .string("allocation_node_list", "Local node making the resource allocation", \.job.allocNode),
        .int32("allocation_node_port", "Port to send allocation confirmation to", \.job.allocRespPort),
        .stringArray("argv", "Arguments to the script; argv[0] is replaced by the script's path", \.job.argv),
        .string("array", "Job array index value specification", \.job.arrayInx),
        .string("batch_features", "Features required for batch script's node", \.job.batchFeatures),
        beginTime,
        .flagWords("flags", "Job flags", JobInfoSchema.flagsTable, \.job.bitflags),
        .string("burst_buffer", "Burst buffer specifications", \.job.burstBuffer),
        .string("clusters", "Clusters that a federated job can run on", \.job.clusters),
        .string("cluster_constraint", "Required features that a federated cluster must have", \.job.clusterFeatures),
        .string("comment", "Arbitrary comment made by user", \.job.comment),
        .boolNumber("contiguous", "True if job requires contiguous nodes", \.job.contiguous),
        .string("container", "Absolute path to OCI container bundle", \.job.container),
        .string("container_id", "OCI container ID", \.job.containerID),
        specification("core_specification", "Specialized core count", thread: false),
        specification("thread_specification", "Specialized thread count", thread: true),
        .string("cpu_binding", "Method for binding tasks to allocated CPUs", \.job.cpuBind),
        .flagWords("cpu_binding_flags", "Flags for CPU binding", cpuBindingFlags, \.job.cpuBindType),
        cpuFrequency,
        .string("cpus_per_tres", "CPUs to allocate for each TRES, as TRES=# values separated by semicolons", \.job.cpusPerTres),
        crontab,
        .int64("deadline", "Latest time that the job may start (UNIX timestamp)", \.job.deadline),
        .int32("delay_boot", "Seconds after the job is eligible to start before nodes are rebooted for its features",
               below: SlurmNumber.noVal32, \.job.delayBoot),
        .string("dependency", "Other jobs that must meet certain criteria before this job can start", \.job.dependency),
        .int64("end_time", "Expected end time (UNIX timestamp)", \.job.endTime),
        Field("environment", .component(.stringArray), "Environment variables to be set for the job") {
            (v, m: inout JobDescriptionInput, p) throws(InputError) in m.environment = try InputValue.strings(v, p)
        },
        .inline("rlimits", "", JobDescriptionInput.rlimitNames.indices.map(rlimit), \.self),
        .commaList("excluded_nodes", "Nodes that may not be used", \.job.excNodes),
        .string("extra", "Arbitrary string used for node filtering if extra constraints are enabled", \.job.extra),
        .string("constraints", "Comma-separated list of features that are required", \.job.features),
        accountName("group_id", "Group ID of the user that owns the job", \.groupID),
        // het_job_offset, which the original's parser fills from this, is not part of the message
        // the controller receives; the value is checked and has no effect, as there.
        .checked("hetjob_group", .int32, "Unique sequence number applied to this component of the heterogeneous job") {
            (v, p) throws(InputError) in _ = try InputValue.integer(v, p, as: UInt32.self)
        },
        .boolNumber("immediate", "If true, exit if resources are not available within the time period specified", \.job.immediate),
        .int32("job_id", "Job ID", below: SlurmNumber.noVal32, \.job.jobID),
        .boolNumber("kill_on_node_fail", "If true, kill job on node failure", \.job.killOnNodeFail),
        .string("licenses", "License(s) required by the job", \.job.licenses),
        .flagWords("mail_type", "Mail event type(s)", JobInfoSchema.mailTypeTable, \.job.mailType),
        .string("mail_user", "User to receive email notifications", \.job.mailUser),
        .string("mcs_label", "Multi-Category Security label on the job", \.job.mcsLabel),
        .string("memory_binding", "Binding map for map/mask_cpu", \.job.memBind),
        .flagWords("memory_binding_type", "Method for binding tasks to memory", memoryBindingType, \.job.memBindType),
        .string("memory_per_tres", "Megabytes to allocate for each TRES, as TRES=# values separated by semicolons", \.job.memPerTres),
        .string("name", "Job name", \.job.name),
        .string("network", "Network specs for job step", \.job.network),
        nice,
        .int32("tasks", "Number of tasks", below: SlurmNumber.noVal32, \.job.numTasks),
        .int32("oom_kill_step", "Kill whole step in case of OOM in one of the tasks", \.job.oomKillStep),
        .flagWords("open_mode", "Open mode used for stdout and stderr files", openMode, \.job.openMode),
        // The original's parser stores this in other_port, not resv_port_cnt.
        .int32("reserve_ports", "Port to send various notification msg to", \.job.otherPort),
        .boolNumber("overcommit", "Overcommit resources", \.job.overcommit),
        .string("partition", "Partition assigned to the job", \.job.partition),
        planeSize,
        .removedArray("power_flags", ""),
        .string("prefer", "Comma-separated list of features that are preferred but not required", \.job.prefer),
        Field("hold", .boolean, "Hold (true) or release (false) job") { (v, m: inout JobDescriptionInput, p) throws(InputError) in
            m.hold = try InputValue.bool(v, p)
        },
        Field("priority", .component(NoValNumber.component32), "Request specific job priority") {
            (v, m: inout JobDescriptionInput, p) throws(InputError) in
            m.priority = try InputValue.noVal(v, p, noVal: SlurmNumber.noVal32, infinite: SlurmNumber.infinite32)
        },
        .flagWords("profile", "Profile used by the acct_gather_profile plugin", JobInfoSchema.profileTable, \.job.profile),
        .string("qos", "Quality of Service assigned to the job", \.job.qos),
        .boolNumber("reboot", "Node reboot requested before start", \.job.reboot),
        .commaList("required_nodes", "Nodes that must be used", \.job.reqNodes),
        .boolNumber("requeue", "Determines whether the job may be requeued", \.job.requeue),
        .string("reservation", "Name of reservation to use", \.job.reservation),
        .string("script", "Job batch script; only the first component of a heterogeneous job has one", \.job.script),
        .flagWords("shared", "How the job can share resources with other jobs, if at all", JobInfoSchema.sharedTable, \.job.shared),
        .int32("site_factor", "Site-specific priority factor", below: SlurmNumber.noVal32, \.job.siteFactor),
        .stringArray("spank_environment", "Environment variables for job prolog/epilog scripts as set by SPANK plugins",
                     \.job.spankJobEnv),
        Field("distribution", .string, "Layout") { (v, m: inout JobDescriptionInput, p) throws(InputError) in
            m.distribution = .init(value: try InputValue.string(v, p), path: p)
        },
        .uint32NoVal("time_limit", "Maximum run time in minutes", \.job.timeLimit),
        .uint32NoVal("time_minimum", "Minimum run time in minutes", \.job.timeMin),
        .string("tres_bind", "Task to TRES binding directives", \.job.tresBind),
        .string("tres_freq", "TRES frequency directives", \.job.tresFreq),
        .string("tres_per_job", "Comma-separated list of TRES=# values to be allocated for every job", \.job.tresPerJob),
        .string("tres_per_node", "Comma-separated list of TRES=# values to be allocated for every node", \.job.tresPerNode),
        .string("tres_per_socket", "Comma-separated list of TRES=# values to be allocated for every socket", \.job.tresPerSocket),
        .string("tres_per_task", "Comma-separated list of TRES=# values to be allocated for every task", \.job.tresPerTask),
        accountName("user_id", "User ID that owns the job", \.userID),
        .boolNumber("wait_all_nodes", "If true, wait to start until after all nodes have booted", \.job.waitAllNodes),
        .flagWords("kill_warning_flags", "Flags related to job signals", JobSignalsEndpoint.flagWords, \.job.warnFlags),
        warningSignal,
        .uint16NoValIfSet("kill_warning_delay", "Number of seconds before end time to send the warning signal", \.job.warnTime),
        .string("current_working_directory", "Working directory to use for the job", \.job.workDir),
        .int32("cpus_per_task", "Number of CPUs required by each task", below: SlurmNumber.noVal16, \.job.cpusPerTask),
        .int32("minimum_cpus", "Minimum number of CPUs required", below: SlurmNumber.noVal32, \.job.minCpus),
        .int32("maximum_cpus", "Maximum number of CPUs required", below: SlurmNumber.noVal32, \.job.maxCpus),
        nodes,
        nodeLimit("minimum_nodes", "Minimum node count", \.minimumNodes),
        nodeLimit("maximum_nodes", "Maximum node count", \.maximumNodes),
        .int32("minimum_boards_per_node", "Boards per node required", below: SlurmNumber.noVal16, \.job.boardsPerNode),
        .int32("minimum_sockets_per_board", "Sockets per board required", below: SlurmNumber.noVal16, \.job.socketsPerBoard),
        .int32("sockets_per_node", "Sockets per node required", below: SlurmNumber.noVal16, \.job.socketsPerNode),
        .int32("threads_per_core", "Threads per core required", below: SlurmNumber.noVal16, \.job.threadsPerCore),
        .int32("tasks_per_node", "Number of tasks to invoke on each node", below: SlurmNumber.noVal16, \.job.ntasksPerNode),
        .int32("tasks_per_socket", "Number of tasks to invoke on each socket", below: SlurmNumber.noVal16, \.job.ntasksPerSocket),
        .int32("tasks_per_core", "Number of tasks to invoke on each core", below: SlurmNumber.noVal16, \.job.ntasksPerCore),
        .int32("tasks_per_board", "Number of tasks to invoke on each board", below: SlurmNumber.noVal16, \.job.ntasksPerBoard),
        .int32("ntasks_per_tres", "Number of tasks that can access each GPU", below: SlurmNumber.noVal16, \.job.ntasksPerTres),
        .int32("minimum_cpus_per_node", "Minimum number of CPUs per node", below: SlurmNumber.noVal16, \.job.pnMinCpus),
        memory("memory_per_cpu", "Minimum memory in megabytes per allocated CPU", perCPU: true),
        memory("memory_per_node", "Minimum memory in megabytes per allocated node", perCPU: false),
        .int32("temporary_disk_per_node", "Minimum tmp disk space required per node", below: SlurmNumber.noVal32,
               \.job.pnMinTmpDisk),
        .string("selinux_context", "SELinux context", \.job.reqContext),
        .uint32NoVal("required_switches", "Maximum number of switches", \.job.reqSwitch),
        .uint16NoValIfSet("segment_size", "Segment size for topology/block", \.job.segmentSize),
        .string("standard_error", "Path to stderr file", \.job.stdErr),
        .string("standard_input", "Path to stdin file", \.job.stdIn),
        .string("standard_output", "Path to stdout file", \.job.stdOut),
        .int32("wait_for_switch", "Maximum time to wait for switches in seconds", below: SlurmNumber.noVal32, \.job.wait4switch),
        .string("wckey", "Workload characterization key", \.job.wckey),
        .flagWords("x11", "X11 forwarding options", x11Flags, \.job.x11),
        .string("x11_magic_cookie", "Magic cookie for X11 forwarding", \.job.x11MagicCookie),
        .string("x11_target_host", "Hostname or UNIX socket if x11_target_port=0", \.job.x11Target),
        .int32("x11_target_port", "TCP port", \.job.x11TargetPort),
    ])
}

/// The members that need more than a framework kind, and the flag words of the request.
extension JobDescriptionSchema {
    /// TIMESTAMP_NO_VAL: seconds since the epoch. Unset keeps "now" (the original would send
    /// NO_VAL64, a start time no job reaches); infinite has no meaning for a start time.
    static let beginTime = Field("begin_time", .component(NoValNumber.component64),
                                 "Defer the allocation of the job until the specified time (UNIX timestamp)") {
        (v, m: inout JobDescriptionInput, p) throws(InputError) in
        let n = try InputValue.noVal(v, p, noVal: SlurmNumber.noVal64, infinite: SlurmNumber.infinite64)
        guard n != SlurmNumber.infinite64 else { throw InputError(.dataConversionFailed, at: p, "a start time cannot be infinite") }
        guard n != SlurmNumber.noVal64 else { return }
        guard let seconds = Int64(exactly: n) else {
            throw InputError(.dataConversionFailed, at: p, "\(n) is out of range (0 to \(Int64.max))")
        }
        m.job.beginTime = seconds
    }

    /// CORE_SPEC and THREAD_SPEC share `core_spec`, the thread count marked by CORE_SPEC_THREAD;
    /// the later member in the original's table, thread_specification, wins.
    static func specification(_ name: String, _ description: String, thread: Bool) -> Field {
        Field(name, .int32, description) { (v, m: inout JobDescriptionInput, p) throws(InputError) in
            let n = try InputValue.integer(v, p, as: Int64.self)
            guard n > 0, n < Int64(JobDescriptionInput.coreSpecThread) else {
                throw thread
                    ? .slurm(2132, at: p,
                             "The thread specification must be between 1 and 32767")
                    : .slurm(2111, at: p,
                             "The core specification must be between 1 and 32767")
            }
            if thread { m.threadSpec = UInt16(n) | JobDescriptionInput.coreSpecThread } else { m.coreSpec = UInt16(n) }
        }
    }

    static let cpuFrequency = Field("cpu_frequency", .string, "Requested CPU frequency range <p1>[-p2][:p3]") {
        (v, m: inout JobDescriptionInput, p) throws(InputError) in
        let text = try InputValue.string(v, p)
        do throws(CPUFrequency.Invalid) {
            let f = try CPUFrequency.parse(text)
            m.job.cpuFreqMin = f.minimum
            m.job.cpuFreqMax = f.maximum
            m.job.cpuFreqGov = f.governor
        } catch {
            throw InputError(.dataConversionFailed, at: p, "Invalid cpu_frequency \"\(text)\": \(error.reason)")
        }
    }

    /// `v0.0.43_cron_entry`. The original does not take scrontab entries through the REST API: a
    /// well-formed one is accepted with a warning and not sent.
    static let cronEntry = InputSchema<JobDescriptionInput>("v0.0.43_cron_entry", empty: JobDescriptionInput(), [
        .checked("flags", .enumArray(cronFlags.specWords), "Flags") { (v, p) throws(InputError) in _ = try InputValue.flags(v, p, cronFlags) },
        checkedString("minute", "Eligible minutes as ranges (e.g. 0-10,50)"),
        checkedString("hour", "Eligible hours as ranges (e.g. 0-5,23)"),
        checkedString("day_of_month", "Eligible days of the month as ranges (e.g. 0-10,29)"),
        checkedString("month", "Eligible months as ranges (e.g. 0-5,12)"),
        checkedString("day_of_week", "Eligible days of the week as ranges (e.g. 0-3,7)"),
        checkedString("specification", "Complete time specification: minute hour day_of_month month day_of_week"),
        checkedString("command", "Command to run"),
        .inline("line", "", [
            .checked("start", .int32, "Start of this entry in file") { (v, p) throws(InputError) in _ = try InputValue.integer(v, p, as: UInt32.self) },
            .checked("end", .int32, "End of this entry in file") { (v, p) throws(InputError) in _ = try InputValue.integer(v, p, as: UInt32.self) },
        ], \.self),
    ])

    static func checkedString(_ name: String, _ description: String) -> Field {
        .checked(name, .string, description) { (v, p) throws(InputError) in _ = try InputValue.string(v, p) }
    }

    static let crontab = Field("crontab", .component(cronEntry.component), "Specification for scrontab job") {
        (v, m: inout JobDescriptionInput, p) throws(InputError) in
        var scratch = JobDescriptionInput()
        try cronEntry.decode(v, into: &scratch, at: p)
        m.warn("crontab submissions are not supported", at: p)
    }

    /// An `rlimits` member: the limit becomes SLURM_RLIMIT_* in the job's environment.
    static func rlimit(_ index: Int) -> Field {
        let names = ["cpu", "fsize", "data", "stack", "core", "rss", "nproc", "nofile", "memlock", "as"]
        let descriptions = ["Per-process CPU limit, in seconds", "Largest file that can be created, in bytes",
                            "Maximum size of data segment, in bytes", "Maximum size of stack segment, in bytes",
                            "Largest core file that can be created, in bytes", "Largest resident set size, in bytes",
                            "Number of processes", "Number of open files", "Locked-in-memory address space",
                            "Address space limit"]
        return Field(names[index], .component(NoValNumber.component64), descriptions[index]) {
            (v, m: inout JobDescriptionInput, p) throws(InputError) in
            let n = try InputValue.noVal(v, p, noVal: SlurmNumber.noVal64, infinite: SlurmNumber.infinite64)
            if n == SlurmNumber.noVal64 { m.rlimits[index] = nil } else { m.rlimits[index] = n }
        }
    }

    /// USER_ID / GROUP_ID: a name or a number, as text; resolved when the request is complete.
    static func accountName(_ name: String, _ description: String,
                            _ path: WritableKeyPath<JobDescriptionInput, JobDescriptionInput.Located<String>?>) -> Field {
        Field(name, .string, description) { (v, m: inout JobDescriptionInput, p) throws(InputError) in
            m[keyPath: path] = .init(value: try InputValue.string(v, p), path: p)
        }
    }

    /// NICE: within +/- (NICE_OFFSET - 3), sent with NICE_OFFSET added.
    static let nice = Field("nice", .int32, "Requested job priority change") { (v, m: inout JobDescriptionInput, p) throws(InputError) in
        let n = try InputValue.integer(v, p, as: Int32.self)
        let limit = Int64(JobDescriptionInput.niceOffset) - 3
        guard Int64(n).magnitude <= limit else {
            throw .slurm(2123, at: p, "Nice value not within +/- \(limit)")
        }
        m.job.nice = UInt32(Int64(n) + Int64(JobDescriptionInput.niceOffset))
    }

    static let planeSize = Field("distribution_plane_size", .component(NoValNumber.component16),
                                 "Plane size specification when distribution specifies plane") {
        (v, m: inout JobDescriptionInput, p) throws(InputError) in
        let n = try InputValue.noVal(v, p, noVal: SlurmNumber.noVal16, infinite: SlurmNumber.infinite16)
        guard n != SlurmNumber.infinite16 else { throw InputError(.dataConversionFailed, at: p, "a plane size cannot be infinite") }
        m.planeSize = .init(value: n, path: p)
    }

    /// SIGNAL: a number, or a name with or without SIG (`sig_name2num`); empty for none.
    static let warningSignal = Field("kill_warning_signal", .string,
                                     "Signal to send when approaching end time (e.g. \"10\" or \"USR1\")") {
        (v, m: inout JobDescriptionInput, p) throws(InputError) in
        let text = try InputValue.string(v, p)
        if text.isEmpty { m.job.warnSignal = SlurmNumber.noVal16; return }
        guard let signal = signalNumber(text) else {
            throw InputError(.dataConversionFailed, at: p, "Unknown signal \(text)")
        }
        m.job.warnSignal = signal
    }

    /// SIGNAL: a number as it is (0 for none), or a known name after optional white space and
    /// `SIG`, case-insensitive (`sig_name2num`).
    static func signalNumber(_ text: String) -> UInt16? {
        if let n = CNumber.strtol(Substring(text)) {
            guard CNumber.isBlank(n.rest), n.value >= 0, n.value < Int(SlurmNumber.noVal16) else { return nil }
            return UInt16(n.value)
        }
        var name = Substring(text).drop(while: \.isCSpace)
        if name.prefix(3).uppercased() == "SIG" { name = name.dropFirst(3) }
        return JobText.signalNames.first { entry in
            name.uppercased().hasPrefix(entry.name) && CNumber.isBlank(name.dropFirst(entry.name.count))
        }?.number
    }

    static let nodes = Field("nodes", .string, "Node count range specification (e.g. 1-15:4)") {
        (v, m: inout JobDescriptionInput, p) throws(InputError) in
        let text = try InputValue.string(v, p)
        do throws(NodeCount.Invalid) {
            m.nodeCount = try NodeCount.parse(text)
        } catch {
            throw InputError(.dataConversionFailed, at: p, "Invalid node count \"\(text)\": \(error.reason)")
        }
    }

    static func nodeLimit(_ name: String, _ description: String,
                          _ path: WritableKeyPath<JobDescriptionInput, UInt32?>) -> Field {
        Field(name, .int32, description) { (v, m: inout JobDescriptionInput, p) throws(InputError) in
            m[keyPath: path] = try InputValue.integer(v, p, as: UInt32.self, below: SlurmNumber.noVal32)
        }
    }

    /// MEM_PER_CPUS / MEM_PER_NODE: megabytes, per CPU marked by MEM_PER_CPU; infinite is 0 (all
    /// of a node's memory). The later member, memory_per_node, wins when both are given. A JSON
    /// integer stays below 2^63, so a number never reaches the MEM_PER_CPU bit.
    static func memory(_ name: String, _ description: String, perCPU: Bool) -> Field {
        Field(name, .component(NoValNumber.component64), description) { (v, m: inout JobDescriptionInput, p) throws(InputError) in
            let n = try InputValue.noVal(v, p, noVal: SlurmNumber.noVal64, infinite: SlurmNumber.infinite64)
            let wire: UInt64
            switch n {
            case SlurmNumber.noVal64: wire = SlurmNumber.noVal64
            case SlurmNumber.infinite64: wire = 0
            default: wire = perCPU ? n | JobDescriptionInput.memoryPerCPUBit : n
            }
            if perCPU { m.memoryPerCPU = wire } else { m.memoryPerNode = wire }
        }
    }

    /// CPU_BINDING_FLAGS (slurm.h CPU_BIND_*): one binding target, one binding method, two flags.
    /// CPU_BIND_RANK was removed in 24.11.
    static let cpuBindingFlags = FlagTable([
        .equal("CPU_BIND_TO_THREADS", 0x2, mask: 0x1e), .equal("CPU_BIND_TO_CORES", 0x4, mask: 0x1e),
        .equal("CPU_BIND_TO_SOCKETS", 0x8, mask: 0x1e), .equal("CPU_BIND_TO_LDOMS", 0x10, mask: 0x1e),
        .equal("CPU_BIND_NONE", 0x20, mask: 0xfe0), .bit("CPU_BIND_RANK", 0, hidden: true),
        .equal("CPU_BIND_MAP", 0x80, mask: 0xfe0), .equal("CPU_BIND_MASK", 0x100, mask: 0xfe0),
        .equal("CPU_BIND_LDRANK", 0x200, mask: 0xfe0), .equal("CPU_BIND_LDMAP", 0x400, mask: 0xfe0),
        .equal("CPU_BIND_LDMASK", 0x800, mask: 0xfe0), .bit("VERBOSE", 0x1), .bit("CPU_BIND_ONE_THREAD_PER_CORE", 0x2000),
    ])

    /// MEMORY_BINDING_TYPE (slurm.h MEM_BIND_*); SORT was removed in 25.11.
    static let memoryBindingType = FlagTable([
        .equal("NONE", 0x2, mask: 0x3e), .equal("RANK", 0x4, mask: 0x3e), .equal("MAP", 0x8, mask: 0x3e),
        .equal("MASK", 0x10, mask: 0x3e), .equal("LOCAL", 0x20, mask: 0x3e), .bit("VERBOSE", 0x1),
        .bit("SORT", 0, hidden: true), .bit("PREFER", 0x80),
    ])

    static let openMode = FlagTable([.bit("APPEND", 1), .bit("TRUNCATE", 2)])

    static let x11Flags = FlagTable([
        .bit("FORWARD_ALL_NODES", 1), .bit("BATCH_NODE", 2), .bit("FIRST_NODE", 4), .bit("LAST_NODE", 8),
    ])

    /// CRON_WILD_* (src/common/cron.h).
    static let cronFlags = FlagTable([
        .bit("WILD_MINUTE", 1 << 1), .bit("WILD_HOUR", 1 << 2), .bit("WILD_DAY_OF_MONTH", 1 << 3),
        .bit("WILD_MONTH", 1 << 4), .bit("WILD_DAY_OF_WEEK", 1 << 5),
    ])
}

extension JobDescriptionInput: InputWarningCollector {}
