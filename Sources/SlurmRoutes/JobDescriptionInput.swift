import SlurmController

/// A `v0.0.43_job_desc_msg` as a request body gives it. Most members go straight into `job`. The
/// original reads the members in the order of its own field table, not the body's, and some of
/// them act on others (hold and priority, the two memory fields, core and thread counts, node
/// counts, plane size and distribution, additions to the environment); those wait here and
/// `resolved` applies them in the original's order. User and group names wait for a lookup.
public struct JobDescriptionInput {
    public var job = JobDescription()
    /// Values the original accepts but ignores, reported in the answer.
    public var warnings: [APIWarning] = []

    /// A value read from the body with the place it came from, for error messages.
    struct Located<Value> {
        let value: Value
        let path: String
    }

    var userID: Located<String>?
    var groupID: Located<String>?
    var coreSpec: UInt16?
    var threadSpec: UInt16?
    /// The body's `environment`; the original adds its variables only to a given environment.
    var environment: [String]?
    /// `rlimits` members by their index in `JobDescriptionInput.rlimitNames`.
    var rlimits: [Int: UInt64] = [:]
    var planeSize: Located<UInt16>?
    var distribution: Located<String>?
    var hold: Bool?
    var priority: UInt32?
    var nodeCount: NodeCount?
    var minimumNodes: UInt32?
    var maximumNodes: UInt32?
    var memoryPerCPU: UInt64?
    var memoryPerNode: UInt64?

    public init() {}

    /// The environment variables `rlimits` members become, in the original's order
    /// (`cpu` to `as`; the job's tasks get these limits).
    static let rlimitNames = ["CPU", "FSIZE", "DATA", "STACK", "CORE", "RSS", "NPROC", "NOFILE", "MEMLOCK", "AS"]
        .map { "SLURM_RLIMIT_" + $0 }

    static let memoryPerCPUBit: UInt64 = 0x8000_0000_0000_0000
    static let coreSpecThread: UInt16 = 0x8000
    static let niceOffset: UInt32 = 0x8000_0000
}

extension InputError {
    /// A Slurm error number the readers report themselves, as the original's parser does, before
    /// anything is sent.
    static func slurm(_ number: Int32, at path: String, _ description: String) -> InputError {
        InputError(JobWriteOutcome.requestCode(number), at: path, description)
    }
}

extension JobDescriptionInput {
    /// The job description as the original sends it: the waiting members applied in its order,
    /// names of users and groups resolved with `ids`.
    public func resolved(ids: AccountIDs) throws(InputError) -> JobDescription {
        var job = self.job
        if let userID { job.userID = try Self.resolve(userID, kind: "user", ids.user) }
        if let groupID { job.groupID = try Self.resolve(groupID, kind: "group", ids.group) }
        if let spec = threadSpec ?? coreSpec { job.coreSpec = spec }
        if let environment {
            job.environment = environment
            for (i, name) in Self.rlimitNames.enumerated() {
                if let limit = rlimits[i] { Self.setVariable(name, String(limit), in: &job.environment) }
            }
        }
        try applyPlaneSize(to: &job)
        try applyDistribution(to: &job)
        if let hold { job.priority = hold ? 0 : SlurmNumber.infinite32 }
        if let priority { job.priority = priority }
        if let nodeCount {
            job.minNodes = UInt32(truncatingIfNeeded: min(nodeCount.minimum, nodeCount.maximum))
            job.maxNodes = UInt32(truncatingIfNeeded: max(nodeCount.minimum, nodeCount.maximum))
            job.jobSizeStr = nodeCount.sizes
        }
        if let minimumNodes { job.minNodes = minimumNodes }
        if let maximumNodes { job.maxNodes = maximumNodes }
        if let memory = memoryPerNode ?? memoryPerCPU { job.pnMinMemory = memory }
        return job
    }

    /// `user_id` / `group_id`: empty for "whoever is asking", digits for an id, else an account name.
    static func resolve(_ text: Located<String>, kind: String, _ lookUp: (String) -> UInt32?) throws(InputError) -> UInt32 {
        if text.value.isEmpty { return JobDescription.slurmAuthNobody }
        if text.value.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
            guard let id = UInt32(text.value) else {
                throw kind == "user"
                    ? .slurm(2165, at: text.path, "\(text.value) is not a user id")
                    : .slurm(2163, at: text.path, "\(text.value) is not a group id")
            }
            return id
        }
        guard let id = lookUp(text.value) else {
            throw kind == "user"
                ? .slurm(2166, at: text.path, "No user is called \(text.value)")
                : .slurm(2164, at: text.path, "No group is called \(text.value)")
        }
        return id
    }

    /// `env_array_overwrite`: replaces the variable where it is, or appends it.
    static func setVariable(_ name: String, _ value: String, in environment: inout [String]) {
        let entry = name + "=" + value
        if let i = environment.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            environment[i] = entry
        } else {
            environment.append(entry)
        }
    }

    /// The variables a plane distribution adds to a given environment.
    func setPlaneVariables(_ size: UInt16, in job: inout JobDescription) {
        guard environment != nil else { return }
        Self.setVariable("SLURM_DISTRIBUTION", "plane", in: &job.environment)
        Self.setVariable("SLURM_DIST_PLANESIZE", String(size), in: &job.environment)
    }

    static func badDistribution(_ path: String, _ description: String) -> InputError {
        .slurm(2023, at: path, description)
    }

    /// `distribution_plane_size`, read before `distribution` (whose value is not known yet).
    func applyPlaneSize(to job: inout JobDescription) throws(InputError) {
        guard let planeSize, planeSize.value != SlurmNumber.noVal16 else { return }
        job.taskDist = TaskDistribution.plane
        job.planeSize = planeSize.value
        setPlaneVariables(planeSize.value, in: &job)
    }

    /// `distribution`: the layout, checked against a plane size given on its own; an arbitrary
    /// layout needs `required_nodes`. Each sets the variables srun reads in the job.
    func applyDistribution(to job: inout JobDescription) throws(InputError) {
        guard let distribution else { return }
        let path = distribution.path
        let parsed: TaskDistribution
        do throws(TaskDistribution.Invalid) {
            parsed = try TaskDistribution.parse(distribution.value)
        } catch {
            throw Self.badDistribution(path, "Invalid distribution \"\(distribution.value)\": \(error.reason)")
        }
        if parsed.value & TaskDistribution.stateBase == TaskDistribution.plane, let size = parsed.planeSize {
            guard size < UInt32(SlurmNumber.noVal16) else {
                throw Self.badDistribution(path, "The plane size \(size) is too large")
            }
            if job.planeSize != SlurmNumber.noVal16, UInt32(job.planeSize) != size {
                throw Self.badDistribution(path, "distribution_plane_size \(job.planeSize) and distribution plane=\(size) disagree")
            }
            job.planeSize = UInt16(size)
            job.taskDist = parsed.value
            setPlaneVariables(UInt16(size), in: &job)
            return
        }
        guard job.planeSize == SlurmNumber.noVal16 else {
            throw Self.badDistribution(path, "distribution_plane_size cannot be combined with distribution \(distribution.value)")
        }
        job.taskDist = parsed.value
        let arbitrary = parsed.value & TaskDistribution.stateBase == TaskDistribution.arbitrary
        guard !arbitrary || job.reqNodes != nil else {
            throw Self.badDistribution(path, "An arbitrary distribution needs required_nodes")
        }
        guard environment != nil else { return }
        if arbitrary, let nodes = job.reqNodes { Self.setVariable("SLURM_ARBITRARY_NODELIST", nodes, in: &job.environment) }
        if let text = TaskDistribution.environmentText(parsed.value) {
            Self.setVariable("SLURM_DISTRIBUTION", text, in: &job.environment)
        }
    }
}
