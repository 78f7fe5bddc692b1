/// A Slurm error number (slurm/slurm_errno.h) with its symbolic name, a short text in our own words,
/// and the HTTP status the gateway answers with when this error ends a request.
///
/// `table` catalogs every number of slurm_errno.h from 22.05 to 26.05, plus the errno values the
/// controller passes through, so a refusal is reported with Slurm's own name whatever the release.
/// Where a release gave a number another name, the 26.05 one is kept and a comment tells the story.
///
/// HTTP status policy, first matching rule wins:
/// - 401: the credential was refused (SLURM_PROTOCOL_AUTHENTICATION_ERROR, an invalid, expired or
///   unreadable credential, ESLURM_REST_AUTH_FAIL).
/// - 403: the user lacks the right (EPERM, EACCES, ESLURM_ACCESS_DENIED, ESLURM_USER_ID_MISSING,
///   reservation or burst buffer access, a partition's allowed groups, coordinator limits).
/// - 404: a named thing does not exist (job id, node, partition, reservation, account, QOS, wckey,
///   association, user or group id, cluster, ENOENT, ESRCH).
/// - 409: the request conflicts with the current state (nodes or reservation busy or overlapping, job
///   already done, finished, held, pending when it must run, not suspended, ...; something disabled or
///   changing state; already exists; a configuration change that needs a restart; cannot start at once).
/// - 422: any other request error (invalid values, limits, unsatisfiable requests), mostly the
///   2000-range, also EINVAL, ERANGE and the accounting, federation and topology ranges' equivalents.
/// - 501: not supported (ESLURM_NOT_SUPPORTED, ENOSYS, containers not configured).
/// - 502/503/504: talking to the controller failed (1000-, 1800- and 5000-range; 504 for timeouts,
///   503 for "retry later": rate limits, standby controllers, EAGAIN, MaxJobCount, database down).
/// - 304: SLURM_NO_CHANGE_IN_DATA.
/// - 400: the request data cannot be parsed (9000- and 9200-range, URLs), except 404 for
///   ESLURM_REST_UNKNOWN_URL, 405 for ESLURM_REST_UNKNOWN_URL_METHOD, 415 for
///   ESLURM_DATA_UNKNOWN_MIME_TYPE, and 500 for the parser's internal failures.
/// - 12000-range: the HTTP status matching the rule broken (405, 406, 411, 413, 415, 417, 505, else 400).
/// - 500: everything else (internal errors, slurmd, SPANK, plugins, Lua).
/// A number not in the table is reported with its number: 422 in the 2000-range, else 500.
public struct SlurmErrorCode: Sendable, Equatable {
    public let number: Int32
    public let name: String
    public let text: String
    public let httpStatus: Int

    public init(_ number: Int32, _ name: String, _ text: String, httpStatus: Int) {
        self.number = number
        self.name = name
        self.text = text
        self.httpStatus = httpStatus
    }

    /// The known code for a number, or a generic entry naming the number (unknown controller errors
    /// are still reported with their number, as a 500 unless they are in Slurm's 2000-range of
    /// request errors, which are the client's fault).
    public static func lookup(_ number: Int32) -> SlurmErrorCode {
        if let known = byNumber[number] { return known }
        let status = (2000..<3000).contains(number) ? 422 : 500
        return SlurmErrorCode(number, "SLURM_ERROR_\(number)", "Slurm error \(number)", httpStatus: status)
    }

    public static let success = SlurmErrorCode(0, "SLURM_SUCCESS", "No error", httpStatus: 200)
    public static let error = SlurmErrorCode(-1, "SLURM_ERROR", "Unspecified error", httpStatus: 500)
    public static let permissionDenied = SlurmErrorCode(1, "EPERM", "Operation not permitted", httpStatus: 403)
    public static let connectionError = SlurmErrorCode(1001, "SLURM_COMMUNICATIONS_CONNECTION_ERROR",
        "Could not connect to the controller", httpStatus: 502)
    public static let sendError = SlurmErrorCode(1002, "SLURM_COMMUNICATIONS_SEND_ERROR",
        "Sending to the controller failed", httpStatus: 502)
    public static let receiveError = SlurmErrorCode(1003, "SLURM_COMMUNICATIONS_RECEIVE_ERROR",
        "Receiving from the controller failed", httpStatus: 502)
    public static let protocolVersionError = SlurmErrorCode(1005, "SLURM_PROTOCOL_VERSION_ERROR",
        "The controller does not speak this protocol version", httpStatus: 502)
    public static let authenticationError = SlurmErrorCode(1007, "SLURM_PROTOCOL_AUTHENTICATION_ERROR",
        "The controller rejected the credential", httpStatus: 401)
    public static let insaneMessageLength = SlurmErrorCode(1008, "SLURM_PROTOCOL_INSANE_MSG_LENGTH",
        "The controller's reply is too large", httpStatus: 502)
    public static let connectTimeout = SlurmErrorCode(1021, "SLURM_COMMUNICATIONS_CONNECT_TIMEOUT",
        "Connecting to the controller timed out", httpStatus: 504)
    public static let readTimeout = SlurmErrorCode(1023, "SLURM_COMMUNICATIONS_READ_TIMEOUT",
        "The controller did not answer in time", httpStatus: 504)
    public static let controllerConnectionError = SlurmErrorCode(1800, "SLURMCTLD_COMMUNICATIONS_CONNECTION_ERROR",
        "Unable to contact any controller", httpStatus: 502)
    public static let controllerBackoff = SlurmErrorCode(1804, "SLURMCTLD_COMMUNICATIONS_BACKOFF",
        "The controller asks clients to back off (RPC rate limit)", httpStatus: 503)
    public static let noChangeInData = SlurmErrorCode(1900, "SLURM_NO_CHANGE_IN_DATA",
        "Nothing changed since the given time", httpStatus: 304)
    public static let accessDenied = SlurmErrorCode(2002, "ESLURM_ACCESS_DENIED",
        "Access denied", httpStatus: 403)
    public static let invalidJobID = SlurmErrorCode(2017, "ESLURM_INVALID_JOB_ID",
        "No such job", httpStatus: 404)
    public static let invalidNodeName = SlurmErrorCode(2018, "ESLURM_INVALID_NODE_NAME",
        "No such node", httpStatus: 404)
    public static let invalidPartitionName = SlurmErrorCode(2000, "ESLURM_INVALID_PARTITION_NAME",
        "No such partition", httpStatus: 404)
    public static let notSupported = SlurmErrorCode(2036, "ESLURM_NOT_SUPPORTED",
        "Not supported by this controller's release", httpStatus: 501)
    public static let reservationInvalid = SlurmErrorCode(2053, "ESLURM_RESERVATION_INVALID",
        "No such reservation", httpStatus: 404)
    public static let incompletePacket = SlurmErrorCode(5003, "ESLURM_PROTOCOL_INCOMPLETE_PACKET",
        "The controller's reply is malformed", httpStatus: 502)
    public static let socketTimeout = SlurmErrorCode(5004, "SLURM_PROTOCOL_SOCKET_IMPL_TIMEOUT",
        "Timed out talking to the controller", httpStatus: 504)
    public static let authCredentialInvalid = SlurmErrorCode(6000, "ESLURM_AUTH_CRED_INVALID",
        "Invalid credential", httpStatus: 401)
    public static let authUnableToGenerateToken = SlurmErrorCode(6009, "ESLURM_AUTH_UNABLE_TO_GENERATE_TOKEN",
        "Unable to create a credential", httpStatus: 500)
    public static let invalidQuery = SlurmErrorCode(9000, "ESLURM_REST_INVALID_QUERY",
        "Invalid query", httpStatus: 400)
    public static let restFailParsing = SlurmErrorCode(9001, "ESLURM_REST_FAIL_PARSING",
        "The request body is not valid JSON", httpStatus: 400)
    public static let dataUnknownMimeType = SlurmErrorCode(9204, "ESLURM_DATA_UNKNOWN_MIME_TYPE",
        "The request body's content type is not accepted", httpStatus: 415)
    public static let dataExpectedList = SlurmErrorCode(9208, "ESLURM_DATA_EXPECTED_LIST",
        "An array was expected", httpStatus: 400)
    public static let dataExpectedDictionary = SlurmErrorCode(9209, "ESLURM_DATA_EXPECTED_DICT",
        "An object was expected", httpStatus: 400)
    public static let dataParseNothing = SlurmErrorCode(9212, "ESLURM_DATA_PARSE_NOTHING",
        "Nothing to read", httpStatus: 400)
    public static let dataParseBadInput = SlurmErrorCode(9216, "ESLURM_DATA_PARSE_BAD_INPUT",
        "The request body does not fit the schema", httpStatus: 400)
    public static let dataConversionFailed = SlurmErrorCode(9202, "ESLURM_DATA_CONV_FAILED",
        "A value could not be converted to the expected type", httpStatus: 400)
    public static let dataFlagsInvalid = SlurmErrorCode(9207, "ESLURM_DATA_FLAGS_INVALID",
        "Unknown flag", httpStatus: 400)
    public static let unknownURL = SlurmErrorCode(9006, "ESLURM_REST_UNKNOWN_URL",
        "No such endpoint", httpStatus: 404)
    public static let unknownURLMethod = SlurmErrorCode(9007, "ESLURM_REST_UNKNOWN_URL_METHOD",
        "Method not allowed on this endpoint", httpStatus: 405)
    public static let badRequest = SlurmErrorCode(9009, "ESLURM_REST_BAD_REQUEST",
        "Bad request", httpStatus: 400)

    public static let notAcceptable = SlurmErrorCode(12019, "ESLURM_HTTP_UNKNOWN_ACCEPT_MIME_TYPE",
        "No acceptable response content type", httpStatus: 406)

    /// Every known error, in number order (the statics above are entries too).
    static let table: [SlurmErrorCode] = [
        // Slurm's general return codes.
        error,
        success,

        // errno values the controller passes through unchanged (Linux numbering).
        permissionDenied,
        .init(2, "ENOENT", "The named object does not exist", httpStatus: 404),
        .init(3, "ESRCH", "No such object (for example an event trigger)", httpStatus: 404),
        .init(4, "EINTR", "Interrupted inside the controller", httpStatus: 500),
        .init(5, "EIO", "Input/output error in the controller", httpStatus: 500),
        .init(9, "EBADF", "Bad file descriptor in the controller", httpStatus: 500),
        .init(11, "EAGAIN", "Temporarily impossible, try again", httpStatus: 503),
        .init(12, "ENOMEM", "The controller ran out of memory", httpStatus: 500),
        .init(13, "EACCES", "Permission denied (administrators only)", httpStatus: 403),
        .init(14, "EFAULT", "Internal fault in the controller", httpStatus: 500),
        .init(16, "EBUSY", "The object is busy", httpStatus: 409),
        .init(17, "EEXIST", "The object already exists", httpStatus: 409),
        .init(22, "EINVAL", "Invalid argument", httpStatus: 422),
        .init(28, "ENOSPC", "No space left on the controller's storage", httpStatus: 500),
        .init(34, "ERANGE", "A value is out of range", httpStatus: 422),
        .init(36, "ENAMETOOLONG", "A name is too long", httpStatus: 422),
        .init(38, "ENOSYS", "Not implemented by the controller", httpStatus: 501),
        .init(110, "ETIMEDOUT", "Timed out", httpStatus: 504),
        .init(115, "EINPROGRESS", "The operation is already under way", httpStatus: 409),

        // 1000: messages and connections.
        .init(1000, "SLURM_UNEXPECTED_MSG_ERROR", "The controller sent an unexpected message", httpStatus: 502),
        connectionError,
        sendError,
        receiveError,
        .init(1004, "SLURM_COMMUNICATIONS_SHUTDOWN_ERROR", "Closing the connection to the controller failed",
              httpStatus: 502),
        protocolVersionError,
        .init(1006, "SLURM_PROTOCOL_IO_STREAM_VERSION_ERROR", "Wrong I/O stream version", httpStatus: 502),
        authenticationError,
        insaneMessageLength,
        .init(1009, "SLURM_MPI_PLUGIN_NAME_INVALID", "Unknown MPI plugin", httpStatus: 502),
        .init(1010, "SLURM_MPI_PLUGIN_PRELAUNCH_SETUP_FAILED", "The MPI plugin could not prepare the launch",
              httpStatus: 502),
        .init(1011, "SLURM_PLUGIN_NAME_INVALID", "A plugin could not be initialized", httpStatus: 502),
        .init(1012, "SLURM_UNKNOWN_FORWARD_ADDR", "No address known for a message forward", httpStatus: 502),
        .init(1013, "SLURM_COMMUNICATIONS_MISSING_SOCKET_ERROR", "A connection's socket is missing", httpStatus: 502),
        .init(1014, "SLURM_COMMUNICATIONS_INVALID_INCOMING_FD", "Bad incoming connection descriptor", httpStatus: 502),
        .init(1015, "SLURM_COMMUNICATIONS_INVALID_OUTGOING_FD", "Bad outgoing connection descriptor", httpStatus: 502),
        .init(1016, "SLURM_COMMUNICATIONS_INVALID_FD", "Bad connection descriptors", httpStatus: 502),
        .init(1017, "SLURM_BLOCKED_ON_READ", "Reading from a connection would block", httpStatus: 502),
        .init(1018, "SLURM_BLOCKED_ON_WRITE", "Writing to a connection would block", httpStatus: 502),
        .init(1019, "SLURM_COMMUNICATIONS_REJECTED", "The connection was refused by its handler", httpStatus: 502),
        .init(1020, "SLURM_COMMUNICATIONS_QUIESCE_TIMEOUT", "Closed by the controller while quiescing",
              httpStatus: 503),
        connectTimeout,
        .init(1022, "SLURM_COMMUNICATIONS_WRITE_TIMEOUT", "Writing to the controller timed out", httpStatus: 504),
        readTimeout,

        // 1800: reaching slurmctld.
        controllerConnectionError,
        .init(1801, "SLURMCTLD_COMMUNICATIONS_SEND_ERROR", "Could not send to any controller", httpStatus: 502),
        .init(1802, "SLURMCTLD_COMMUNICATIONS_RECEIVE_ERROR", "Could not receive from any controller", httpStatus: 502),
        .init(1803, "SLURMCTLD_COMMUNICATIONS_SHUTDOWN_ERROR", "Could not close the connection to the controller",
              httpStatus: 502),
        controllerBackoff,
        .init(1805, "SLURMCTLD_COMMUNICATIONS_HARD_DROP", "Over the controller's rate limit; retry later",
              httpStatus: 503),

        // 1900: answers to info requests.
        noChangeInData,

        // 2000: slurmctld refusing a request.
        invalidPartitionName,
        .init(2001, "ESLURM_DEFAULT_PARTITION_NOT_SET", "No partition given and no default partition configured",
              httpStatus: 422),
        accessDenied,
        .init(2003, "ESLURM_JOB_MISSING_REQUIRED_PARTITION_GROUP", "The user's groups may not use this partition",
              httpStatus: 403),
        .init(2004, "ESLURM_REQUESTED_NODES_NOT_IN_PARTITION", "The partition does not contain every requested node",
              httpStatus: 422),
        .init(2005, "ESLURM_TOO_MANY_REQUESTED_CPUS", "More CPUs requested than allowed", httpStatus: 422),
        .init(2006, "ESLURM_INVALID_NODE_COUNT", "Invalid node count", httpStatus: 422),
        // 22.05 to 25.11 named 2007 ESLURM_ERROR_ON_DESC_TO_RECORD_COPY (the job record could not be created, typically
        // for the same reason); the 26.05 name is kept.
        .init(2007, "ESLURM_MAX_JOB_COUNT", "The controller holds its maximum number of jobs (MaxJobCount)",
              httpStatus: 503),
        .init(2008, "ESLURM_JOB_MISSING_SIZE_SPECIFICATION", "The job's size must be given", httpStatus: 422),
        .init(2009, "ESLURM_JOB_SCRIPT_MISSING", "The batch script is missing", httpStatus: 422),
        .init(2010, "ESLURM_USER_ID_MISSING", "The request's user id is missing or may not be used", httpStatus: 403),
        .init(2011, "ESLURM_DUPLICATE_JOB_ID", "The job id is already in use", httpStatus: 409),
        .init(2012, "ESLURM_PATHNAME_TOO_LONG", "A path or other value is too long", httpStatus: 422),
        .init(2013, "ESLURM_NOT_TOP_PRIORITY", "Cannot start at once: other jobs have higher priority",
              httpStatus: 409),
        .init(2014, "ESLURM_REQUESTED_NODE_CONFIG_UNAVAILABLE", "No nodes have the requested configuration",
              httpStatus: 422),
        .init(2015, "ESLURM_REQUESTED_PART_CONFIG_UNAVAILABLE", "The request exceeds what the partition allows",
              httpStatus: 422),
        .init(2016, "ESLURM_NODES_BUSY", "The nodes asked for are in use", httpStatus: 409),
        invalidJobID,
        invalidNodeName,
        .init(2019, "ESLURM_WRITING_TO_FILE", "The controller could not save the script or environment",
              httpStatus: 500),
        .init(2020, "ESLURM_TRANSITION_STATE_NO_UPDATE", "The job is changing state and cannot be modified now",
              httpStatus: 409),
        .init(2021, "ESLURM_ALREADY_DONE", "The job or step has already completed or is completing", httpStatus: 409),
        .init(2022, "ESLURM_INTERCONNECT_FAILURE", "Setting up the interconnect failed", httpStatus: 500),
        .init(2023, "ESLURM_BAD_DIST", "Invalid task distribution", httpStatus: 422),
        .init(2024, "ESLURM_JOB_PENDING", "The job has not started yet", httpStatus: 409),
        .init(2025, "ESLURM_BAD_TASK_COUNT", "Invalid task count", httpStatus: 422),
        .init(2026, "ESLURM_INVALID_JOB_CREDENTIAL", "The controller could not create the job credential",
              httpStatus: 500),
        .init(2027, "ESLURM_IN_STANDBY_MODE", "This controller is a backup in standby", httpStatus: 503),
        .init(2028, "ESLURM_INVALID_NODE_STATE", "Invalid node state", httpStatus: 422),
        .init(2029, "ESLURM_INVALID_FEATURE", "Invalid feature list", httpStatus: 422),
        .init(2030, "ESLURM_INVALID_AUTHTYPE_CHANGE", "Changing AuthType takes a restart of every daemon and command",
              httpStatus: 409),
        .init(2031, "ESLURM_ACTIVE_FEATURE_NOT_SUBSET", "Active features must be among the available ones",
              httpStatus: 422),
        .init(2032, "ESLURM_INVALID_SCHEDTYPE_CHANGE", "Changing SchedulerType takes a controller restart",
              httpStatus: 409),
        .init(2033, "ESLURM_INVALID_SELECTTYPE_CHANGE", "Changing SelectType takes a controller restart",
              httpStatus: 409),
        .init(2034, "ESLURM_INVALID_SWITCHTYPE_CHANGE", "Changing SwitchType takes a restart of every daemon and job",
              httpStatus: 409),
        .init(2035, "ESLURM_FRAGMENTATION", "Cannot start at once: free resources are too fragmented", httpStatus: 409),
        notSupported,
        .init(2037, "ESLURM_DISABLED", "This operation is disabled at present", httpStatus: 409),
        .init(2038, "ESLURM_DEPENDENCY", "Invalid job dependency", httpStatus: 422),
        .init(2039, "ESLURM_BATCH_ONLY", "This controller takes batch jobs only", httpStatus: 422),
        // 22.05 named 2040 ESLURM_TASKDIST_ARBITRARY_UNSUPPORTED, which its controller never returns; the 23.02+
        // meaning is kept.
        .init(2040, "ESLURM_LICENSES_UNAVAILABLE", "The licenses are not available now", httpStatus: 409),
        // 22.05 named 2041 ESLURM_TASKDIST_REQUIRES_OVERCOMMIT, which its controller never returns; the 23.11+ meaning
        // is kept.
        .init(2041, "ESLURM_TAKEOVER_NO_HEARTBEAT", "Takeover refused: the heartbeat file is missing", httpStatus: 500),
        .init(2042, "ESLURM_JOB_HELD", "The job is held", httpStatus: 409),
        .init(2043, "ESLURM_INVALID_CRED_TYPE_CHANGE", "Changing CredType takes a restart of every daemon",
              httpStatus: 409),
        .init(2044, "ESLURM_INVALID_TASK_MEMORY", "The memory asked per task is not available", httpStatus: 422),
        .init(2045, "ESLURM_INVALID_ACCOUNT", "Unknown account, or not usable with this partition", httpStatus: 404),
        .init(2046, "ESLURM_INVALID_PARENT_ACCOUNT", "Unknown parent account", httpStatus: 404),
        .init(2047, "ESLURM_SAME_PARENT_ACCOUNT", "The account already has this parent", httpStatus: 409),
        .init(2048, "ESLURM_INVALID_LICENSES", "Invalid license request", httpStatus: 422),
        .init(2049, "ESLURM_NEED_RESTART", "The node changes take a controller restart", httpStatus: 409),
        .init(2050, "ESLURM_ACCOUNTING_POLICY", "The job breaks an association or QOS limit", httpStatus: 422),
        .init(2051, "ESLURM_INVALID_TIME_LIMIT", "The time limit is missing or beyond a limit", httpStatus: 422),
        .init(2052, "ESLURM_RESERVATION_ACCESS", "The user may not use this reservation", httpStatus: 403),
        reservationInvalid,
        .init(2054, "ESLURM_INVALID_TIME_VALUE", "Invalid time", httpStatus: 422),
        .init(2055, "ESLURM_RESERVATION_BUSY", "Jobs are using the reservation", httpStatus: 409),
        .init(2056, "ESLURM_RESERVATION_NOT_USABLE", "The reservation cannot be used now", httpStatus: 409),
        .init(2057, "ESLURM_INVALID_WCKEY", "Unknown or invalid wckey", httpStatus: 404),
        .init(2058, "ESLURM_RESERVATION_OVERLAP", "The reservation would overlap another one", httpStatus: 409),
        .init(2059, "ESLURM_PORTS_BUSY", "The required ports are taken", httpStatus: 409),
        .init(2060, "ESLURM_PORTS_INVALID", "More ports needed than can be reserved", httpStatus: 422),
        .init(2061, "ESLURM_PROLOG_RUNNING", "The job's PrologSlurmctld has not finished", httpStatus: 409),
        .init(2062, "ESLURM_NO_STEPS", "This cluster does not run job steps", httpStatus: 422),
        // 22.05 named 2063 ESLURM_INVALID_BLOCK_STATE (BlueGene, never returned by its controller); the 23.11+ meaning
        // is kept.
        .init(2063, "ESLURM_MISSING_WORK_DIR", "A working directory is required", httpStatus: 422),
        // 22.05 named 2064 ESLURM_INVALID_BLOCK_LAYOUT (BlueGene, never returned by its controller); the 26.05 meaning
        // is kept.
        .init(2064, "ESLURM_STEPS_DRAINED", "The job has no running or pending steps", httpStatus: 409),
        // Only in 22.05.
        .init(2065, "ESLURM_INVALID_BLOCK_NAME", "Invalid block name (BlueGene)", httpStatus: 422),
        .init(2066, "ESLURM_INVALID_QOS", "Unknown or invalid QOS", httpStatus: 404),
        .init(2067, "ESLURM_QOS_PREEMPTION_LOOP", "The QOS preemption settings form a loop", httpStatus: 422),
        .init(2068, "ESLURM_NODE_NOT_AVAIL", "A required node is down, drained or reserved", httpStatus: 409),
        .init(2069, "ESLURM_INVALID_CPU_COUNT", "Invalid CPU count", httpStatus: 422),
        .init(2070, "ESLURM_PARTITION_NOT_AVAIL", "The partition is inactive or draining", httpStatus: 409),
        .init(2071, "ESLURM_CIRCULAR_DEPENDENCY", "The job dependencies form a loop", httpStatus: 422),
        .init(2072, "ESLURM_INVALID_GRES", "Invalid GRES request", httpStatus: 422),
        .init(2073, "ESLURM_JOB_NOT_PENDING", "The job is no longer pending", httpStatus: 409),
        .init(2074, "ESLURM_QOS_THRES", "The account is over the QOS usage threshold", httpStatus: 422),
        .init(2075, "ESLURM_PARTITION_IN_USE", "Jobs are using the partition", httpStatus: 409),
        .init(2076, "ESLURM_STEP_LIMIT", "The job has reached its step limit", httpStatus: 422),
        .init(2077, "ESLURM_JOB_SUSPENDED", "Not possible while the job is suspended", httpStatus: 409),
        .init(2078, "ESLURM_CAN_NOT_START_IMMEDIATELY", "The job cannot start at once", httpStatus: 409),
        // Only 22.05 to 25.05.
        .init(2079, "ESLURM_INTERCONNECT_BUSY", "The switch resources are busy", httpStatus: 409),
        .init(2080, "ESLURM_RESERVATION_EMPTY", "A reservation must name users, groups or accounts", httpStatus: 422),
        .init(2081, "ESLURM_INVALID_ARRAY", "Invalid job array request", httpStatus: 422),
        .init(2082, "ESLURM_RESERVATION_NAME_DUP", "A reservation with this name exists", httpStatus: 409),
        .init(2083, "ESLURM_JOB_STARTED", "The job started already", httpStatus: 409),
        .init(2084, "ESLURM_JOB_FINISHED", "The job is over already", httpStatus: 409),
        .init(2085, "ESLURM_JOB_NOT_RUNNING", "Only possible while the job runs", httpStatus: 409),
        .init(2086, "ESLURM_JOB_NOT_PENDING_NOR_RUNNING", "Only possible while the job is pending or running",
              httpStatus: 409),
        .init(2087, "ESLURM_JOB_NOT_SUSPENDED", "Only possible while the job is suspended", httpStatus: 409),
        .init(2088, "ESLURM_JOB_NOT_FINISHED", "Only possible once the job has ended", httpStatus: 409),
        .init(2089, "ESLURM_TRIGGER_DUP", "The same event trigger exists", httpStatus: 409),
        .init(2090, "ESLURM_INTERNAL", "Internal error in the controller", httpStatus: 500),
        .init(2091, "ESLURM_INVALID_BURST_BUFFER_CHANGE", "Changing BurstBufferType takes a controller restart",
              httpStatus: 409),
        .init(2092, "ESLURM_BURST_BUFFER_PERMISSION", "The user may not use burst buffers", httpStatus: 403),
        .init(2093, "ESLURM_BURST_BUFFER_LIMIT", "Over a burst buffer limit", httpStatus: 422),
        .init(2094, "ESLURM_INVALID_BURST_BUFFER_REQUEST", "Invalid burst buffer request", httpStatus: 422),
        .init(2095, "ESLURM_PRIO_RESET_FAIL", "A priority set this way does not last; change nice instead",
              httpStatus: 422),
        .init(2096, "ESLURM_CANNOT_MODIFY_CRON_JOB", "scrontab jobs are changed through scrontab only",
              httpStatus: 409),
        // 23.02 to 25.05 named 2097 ESLURM_INVALID_JOB_CONTAINER_CHANGE (the same check for JobContainerType).
        .init(2097, "ESLURM_INVALID_NAMESPACE_CHANGE", "NamespaceType changes need a full restart", httpStatus: 409),
        .init(2098, "ESLURM_CANNOT_CANCEL_CRON_JOB", "scrontab jobs are cancelled only with the cron flag",
              httpStatus: 409),
        .init(2099, "ESLURM_INVALID_MCS_LABEL", "Invalid MCS label", httpStatus: 422),
        .init(2100, "ESLURM_BURST_BUFFER_WAIT", "The burst buffer is not ready yet", httpStatus: 409),
        .init(2101, "ESLURM_PARTITION_DOWN", "The partition is down", httpStatus: 409),
        .init(2102, "ESLURM_DUPLICATE_GRES", "A GRES is requested twice", httpStatus: 422),
        // Only 22.05 to 24.05.
        .init(2103, "ESLURM_JOB_SETTING_DB_INX", "The job's database index is being set; retry shortly",
              httpStatus: 409),
        .init(2104, "ESLURM_RSV_ALREADY_STARTED", "The reservation is active already", httpStatus: 409),
        .init(2105, "ESLURM_SUBMISSIONS_DISABLED", "Job submission is disabled", httpStatus: 409),
        .init(2106, "ESLURM_NOT_HET_JOB", "The job is not heterogeneous", httpStatus: 409),
        .init(2107, "ESLURM_NOT_HET_JOB_LEADER", "Only possible on the leader of a heterogeneous job", httpStatus: 409),
        .init(2108, "ESLURM_NOT_WHOLE_HET_JOB", "Only allowed on a whole heterogeneous job", httpStatus: 409),
        .init(2109, "ESLURM_CORE_RESERVATION_UPDATE", "Reservations of cores cannot be modified", httpStatus: 409),
        .init(2110, "ESLURM_DUPLICATE_STEP_ID", "The step id is already in use", httpStatus: 409),
        .init(2111, "ESLURM_INVALID_CORE_CNT", "The core count does not match the node list", httpStatus: 422),
        .init(2112, "ESLURM_X11_NOT_AVAIL", "No X11 forwarding here", httpStatus: 422),
        .init(2113, "ESLURM_GROUP_ID_MISSING", "The group id is not valid for this request", httpStatus: 403),
        .init(2114, "ESLURM_BATCH_CONSTRAINT", "The batch features are invalid or not among the constraints",
              httpStatus: 422),
        .init(2115, "ESLURM_INVALID_TRES", "Invalid TRES", httpStatus: 422),
        .init(2116, "ESLURM_INVALID_TRES_BILLING_WEIGHTS", "Invalid TRES billing weights", httpStatus: 422),
        .init(2117, "ESLURM_INVALID_JOB_DEFAULTS", "Invalid job defaults", httpStatus: 422),
        .init(2118, "ESLURM_RESERVATION_MAINT", "A maintenance reservation keeps the job from starting",
              httpStatus: 409),
        .init(2119, "ESLURM_INVALID_GRES_TYPE", "GRES given both with and without a type", httpStatus: 422),
        .init(2120, "ESLURM_REBOOT_IN_PROGRESS", "A reboot is already under way", httpStatus: 409),
        .init(2121, "ESLURM_MULTI_KNL_CONSTRAINT", "Several KNL modes need a heterogeneous job", httpStatus: 422),
        .init(2122, "ESLURM_UNSUPPORTED_GRES", "The GRES option is not supported by the SelectType", httpStatus: 422),
        .init(2123, "ESLURM_INVALID_NICE", "The nice value is out of range", httpStatus: 422),
        .init(2124, "ESLURM_INVALID_TIME_MIN_LIMIT", "The minimum time is invalid or beyond a limit", httpStatus: 422),
        .init(2125, "ESLURM_DEFER", "Cannot start at once: scheduling at submission is deferred", httpStatus: 409),
        .init(2126, "ESLURM_CONFIGLESS_DISABLED", "Configless mode is off", httpStatus: 409),
        .init(2127, "ESLURM_ENVIRONMENT_MISSING", "The job has no environment", httpStatus: 422),
        .init(2128, "ESLURM_RESERVATION_NO_SKIP", "This reservation cannot be skipped; delete it instead",
              httpStatus: 409),
        .init(2129, "ESLURM_RESERVATION_USER_GROUP", "A reservation takes users or groups, not both", httpStatus: 422),
        .init(2130, "ESLURM_PARTITION_ASSOC", "Several partitions are not allowed when the association sets one",
              httpStatus: 422),
        .init(2131, "ESLURM_IN_STANDBY_USE_BACKUP", "This controller is in standby; use another one", httpStatus: 503),
        .init(2132, "ESLURM_BAD_THREAD_PER_CORE", "More threads per core than the allocation has", httpStatus: 422),
        .init(2133, "ESLURM_INVALID_PREFER", "Invalid preferred features", httpStatus: 422),
        .init(2134, "ESLURM_INSUFFICIENT_GRES", "Not enough GRES in the allocation", httpStatus: 422),
        .init(2135, "ESLURM_INVALID_CONTAINER_ID", "Invalid container id", httpStatus: 422),
        .init(2136, "ESLURM_EMPTY_JOB_ID", "The job id is empty", httpStatus: 422),
        .init(2137, "ESLURM_INVALID_JOB_ID_ZERO", "The job id is zero", httpStatus: 422),
        .init(2138, "ESLURM_INVALID_JOB_ID_NEGATIVE", "The job id is negative", httpStatus: 422),
        .init(2139, "ESLURM_INVALID_JOB_ID_TOO_LARGE", "The job id is too large", httpStatus: 422),
        .init(2140, "ESLURM_INVALID_JOB_ID_NON_NUMERIC", "The job id is not a number", httpStatus: 422),
        .init(2141, "ESLURM_EMPTY_JOB_ARRAY_ID", "The array task id is empty", httpStatus: 422),
        .init(2142, "ESLURM_INVALID_JOB_ARRAY_ID_NEGATIVE", "The array task id is negative", httpStatus: 422),
        .init(2143, "ESLURM_INVALID_JOB_ARRAY_ID_TOO_LARGE", "The array task id is too large", httpStatus: 422),
        .init(2144, "ESLURM_INVALID_JOB_ARRAY_ID_NON_NUMERIC", "The array task id is not a number", httpStatus: 422),
        .init(2145, "ESLURM_INVALID_HET_JOB_AND_ARRAY", "A job id cannot name both an array task and a component",
              httpStatus: 422),
        .init(2146, "ESLURM_EMPTY_HET_JOB_COMP", "The heterogeneous component is empty", httpStatus: 422),
        .init(2147, "ESLURM_INVALID_HET_JOB_COMP_NEGATIVE", "The heterogeneous component is negative", httpStatus: 422),
        .init(2148, "ESLURM_INVALID_HET_JOB_COMP_TOO_LARGE", "The heterogeneous component is too large",
              httpStatus: 422),
        .init(2149, "ESLURM_INVALID_HET_JOB_COMP_NON_NUMERIC", "The heterogeneous component is not a number",
              httpStatus: 422),
        .init(2150, "ESLURM_EMPTY_STEP_ID", "The step id is empty", httpStatus: 422),
        .init(2151, "ESLURM_INVALID_STEP_ID_NEGATIVE", "The step id is negative", httpStatus: 422),
        .init(2152, "ESLURM_INVALID_STEP_ID_TOO_LARGE", "The step id is too large", httpStatus: 422),
        .init(2153, "ESLURM_INVALID_STEP_ID_NON_NUMERIC", "The step id is not a number", httpStatus: 422),
        .init(2154, "ESLURM_EMPTY_HET_STEP", "The heterogeneous step component is empty", httpStatus: 422),
        .init(2155, "ESLURM_INVALID_HET_STEP_ZERO", "The heterogeneous step component is zero", httpStatus: 422),
        .init(2156, "ESLURM_INVALID_HET_STEP_NEGATIVE", "The heterogeneous step component is negative",
              httpStatus: 422),
        .init(2157, "ESLURM_INVALID_HET_STEP_TOO_LARGE", "The heterogeneous step component is too large",
              httpStatus: 422),
        .init(2158, "ESLURM_INVALID_HET_STEP_NON_NUMERIC", "The heterogeneous step component is not a number",
              httpStatus: 422),
        .init(2159, "ESLURM_INVALID_HET_STEP_JOB", "A heterogeneous job id cannot carry a heterogeneous step component",
              httpStatus: 422),
        .init(2160, "ESLURM_JOB_TIMEOUT_KILLED", "The job was killed at its time limit", httpStatus: 500),
        .init(2161, "ESLURM_JOB_NODE_FAIL_KILLED", "The job was killed by a node failure", httpStatus: 500),
        .init(2162, "ESLURM_EMPTY_LIST", "The list is empty", httpStatus: 422),
        .init(2163, "ESLURM_GROUP_ID_INVALID", "The group id is not valid", httpStatus: 422),
        .init(2164, "ESLURM_GROUP_ID_UNKNOWN", "No group has this id", httpStatus: 404),
        .init(2165, "ESLURM_USER_ID_INVALID", "The user id is not valid", httpStatus: 422),
        // A user named in a request that nobody is: the request's content is at fault, not the URL.
        .init(2166, "ESLURM_USER_ID_UNKNOWN", "No user has this id", httpStatus: 422),
        .init(2167, "ESLURM_INVALID_ASSOC", "Unknown or invalid association", httpStatus: 404),
        .init(2168, "ESLURM_NODE_ALREADY_EXISTS", "A node with this name exists", httpStatus: 409),
        .init(2169, "ESLURM_NODE_TABLE_FULL", "The node table is full", httpStatus: 409),
        .init(2170, "ESLURM_INVALID_RELATIVE_QOS", "A relative QOS may serve only one partition per cluster",
              httpStatus: 422),
        .init(2171, "ESLURM_INVALID_EXTRA", "Invalid extra constraints", httpStatus: 422),
        .init(2172, "ESLURM_JOB_SIGNAL_FAILED", "The job could not be signalled", httpStatus: 409),
        .init(2173, "ESLURM_SIGNAL_JOBS_INVALID", "A job id or filter is required to signal jobs", httpStatus: 422),
        .init(2174, "ESLURM_RES_CORES_PER_GPU_UNIQUE", "RestrictedCoresPerGPU: too few distinct cores per GPU",
              httpStatus: 422),
        .init(2175, "ESLURM_RES_CORES_PER_GPU_TOPO", "RestrictedCoresPerGPU: the GPUs' core topology is unknown",
              httpStatus: 422),
        .init(2176, "ESLURM_RES_CORES_PER_GPU_NO", "RestrictedCoresPerGPU: the node has no GPUs", httpStatus: 422),
        .init(2177, "ESLURM_MAX_POWERED_NODES", "The limit of powered-up nodes is reached", httpStatus: 409),
        .init(2178, "ESLURM_REQUESTED_TOPO_CONFIG_UNAVAILABLE", "The requested topology is not available",
              httpStatus: 422),
        .init(2179, "ESLURM_PREEMPTION_REQUIRED", "Only preemption could run the job and it is disabled",
              httpStatus: 422),
        .init(2180, "ESLURM_INVALID_NODE_STATE_TRANSITION", "The node cannot change to this state from its current one",
              httpStatus: 409),
        .init(2181, "ESLURM_INVALID_JOB_STATE", "The job's state does not allow this", httpStatus: 409),
        // Only 25.11.
        .init(2182, "ESLURM_BREAK_EVAL", "Node selection stopped (internal)", httpStatus: 500),
        // Only 25.11.
        .init(2183, "ESLURM_RETRY_EVAL", "Node selection retries without some nodes (internal)", httpStatus: 500),
        // Only 25.11.
        .init(2184, "ESLURM_RETRY_EVAL_HINT", "Node selection retries without one node (internal)", httpStatus: 500),
        .init(2185, "ESLURM_INVALID_SLUID", "Invalid SLUID", httpStatus: 422),
        .init(2186, "ESLURM_EXTERN_ONLY", "Needs the job's extern step", httpStatus: 422),
        .init(2187, "ESLURM_INVALID_POWER_ACTION", "Unknown power action", httpStatus: 422),
        .init(2188, "ESLURM_STEP_QUEUED", "The step waits as pending", httpStatus: 409),
        .init(2189, "ESLURM_INVALID_EXTERNAL_JOB", "Invalid external job configuration", httpStatus: 422),
        .init(2190, "ESLURM_FILE_UNREADABLE", "A file could not be read", httpStatus: 500),

        // 3000: SPANK plugins.
        .init(3000, "ESPANK_ERROR", "SPANK plugin error", httpStatus: 500),
        .init(3001, "ESPANK_BAD_ARG", "SPANK: bad argument", httpStatus: 500),
        .init(3002, "ESPANK_NOT_TASK", "SPANK: not in a task", httpStatus: 500),
        .init(3003, "ESPANK_ENV_EXISTS", "SPANK: the environment variable exists", httpStatus: 500),
        .init(3004, "ESPANK_ENV_NOEXIST", "SPANK: the environment variable is not set", httpStatus: 500),
        .init(3005, "ESPANK_NOSPACE", "SPANK: buffer too short for the result", httpStatus: 500),
        .init(3006, "ESPANK_NOT_REMOTE", "SPANK: only in remote context", httpStatus: 500),
        .init(3007, "ESPANK_NOEXIST", "SPANK: no such id or process on this node", httpStatus: 500),
        .init(3008, "ESPANK_NOT_EXECD", "SPANK: no tasks running for a lookup by process id", httpStatus: 500),
        .init(3009, "ESPANK_NOT_AVAIL", "SPANK: not available in this callback", httpStatus: 500),
        .init(3010, "ESPANK_NOT_LOCAL", "SPANK: needs local or allocator context", httpStatus: 500),
        .init(3011, "ESPANK_NODE_FAILURE", "SPANK plugin failed the node", httpStatus: 500),
        .init(3012, "ESPANK_JOB_FAILURE", "SPANK plugin failed the job", httpStatus: 500),

        // 4000: slurmd and batch scripts.
        // Only 22.05.
        .init(4000, "ESLURMD_PIPE_ERROR_ON_TASK_SPAWN", "slurmd: pipe failure while starting a task", httpStatus: 500),
        .init(4001, "ESLURMD_KILL_TASK_FAILED", "slurmd: killing a task failed", httpStatus: 500),
        .init(4002, "ESLURMD_KILL_JOB_ALREADY_COMPLETE", "slurmd: the job had already completed", httpStatus: 500),
        .init(4003, "ESLURMD_INVALID_ACCT_FREQ", "slurmd: invalid accounting frequency", httpStatus: 500),
        .init(4004, "ESLURMD_INVALID_JOB_CREDENTIAL", "slurmd: the job credential is not valid", httpStatus: 500),
        // Only 22.05.
        .init(4005, "ESLURMD_UID_NOT_FOUND", "slurmd: the user is unknown on the node", httpStatus: 500),
        // Only 22.05.
        .init(4006, "ESLURMD_GID_NOT_FOUND", "slurmd: the group is unknown on the node", httpStatus: 500),
        .init(4007, "ESLURMD_CREDENTIAL_EXPIRED", "slurmd: the job credential has expired", httpStatus: 500),
        .init(4008, "ESLURMD_CREDENTIAL_REVOKED", "slurmd: the job credential was revoked", httpStatus: 500),
        .init(4009, "ESLURMD_CREDENTIAL_REPLAYED", "slurmd: the job credential was used twice", httpStatus: 500),
        .init(4010, "ESLURMD_CREATE_BATCH_DIR_ERROR", "slurmd: the batch directory or script could not be made",
              httpStatus: 500),
        // Only 22.05.
        .init(4011, "ESLURMD_MODIFY_BATCH_DIR_ERROR", "slurmd: could not set the batch directory's owner or mode",
              httpStatus: 500),
        // Only 22.05.
        .init(4012, "ESLURMD_CREATE_BATCH_SCRIPT_ERROR", "slurmd: could not write the batch script", httpStatus: 500),
        // Only 22.05.
        .init(4013, "ESLURMD_MODIFY_BATCH_SCRIPT_ERROR", "slurmd: could not set the batch script's owner or mode",
              httpStatus: 500),
        .init(4014, "ESLURMD_SETUP_ENVIRONMENT_ERROR", "slurmd: could not prepare the batch job's environment",
              httpStatus: 500),
        // Only 22.05.
        .init(4015, "ESLURMD_SHARED_MEMORY_ERROR", "slurmd: shared memory failure", httpStatus: 500),
        .init(4016, "ESLURMD_SET_UID_OR_GID_ERROR", "slurmd: could not switch user or group", httpStatus: 500),
        // Only 22.05.
        .init(4017, "ESLURMD_SET_SID_ERROR", "slurmd: could not start a session", httpStatus: 500),
        // Only 22.05.
        .init(4018, "ESLURMD_CANNOT_SPAWN_IO_THREAD", "slurmd: could not start the I/O thread", httpStatus: 500),
        // Only 22.05.
        .init(4019, "ESLURMD_FORK_FAILED", "slurmd: could not fork the job", httpStatus: 500),
        .init(4020, "ESLURMD_EXECVE_FAILED", "slurmd: starting the job's program failed", httpStatus: 500),
        .init(4021, "ESLURMD_IO_ERROR", "slurmd: could not connect the job's I/O", httpStatus: 500),
        .init(4022, "ESLURMD_PROLOG_FAILED", "The prolog failed for the job", httpStatus: 500),
        .init(4023, "ESLURMD_EPILOG_FAILED", "The epilog failed for the job", httpStatus: 500),
        // Only 22.05.
        .init(4024, "ESLURMD_SESSION_KILLED", "slurmd: the session manager was killed", httpStatus: 500),
        .init(4025, "ESLURMD_TOOMANYSTEPS", "slurmd: too many steps on the node", httpStatus: 500),
        .init(4026, "ESLURMD_STEP_EXISTS", "slurmd: the step exists already", httpStatus: 500),
        // 22.05 to 24.11 named 4027 ESLURMD_JOB_NOTRUNNING (same meaning).
        .init(4027, "ESLURMD_STEP_NOTRUNNING", "slurmd: the step is not running", httpStatus: 500),
        .init(4028, "ESLURMD_STEP_SUSPENDED", "slurmd: the step is suspended", httpStatus: 500),
        .init(4029, "ESLURMD_STEP_NOTSUSPENDED", "slurmd: the step is not suspended", httpStatus: 500),
        .init(4030, "ESLURMD_INVALID_SOCKET_NAME_LEN", "slurmd: a Unix socket name is too long", httpStatus: 500),
        .init(4031, "ESLURMD_CONTAINER_RUNTIME_INVALID", "slurmd: no valid container runtime configured",
              httpStatus: 500),
        .init(4032, "ESLURMD_CPU_BIND_ERROR", "slurmd: the CPU binding cannot be done", httpStatus: 500),
        .init(4033, "ESLURMD_CPU_LAYOUT_ERROR", "slurmd: the tasks cannot be laid out on the CPUs", httpStatus: 500),
        .init(4034, "ESLURMD_TOO_MANY_RPCS", "slurmd: too many requests at once", httpStatus: 500),
        .init(4035, "ESLURMD_STEPD_PROXY_FAILED", "slurmd: relaying a message to slurmstepd failed", httpStatus: 500),
        // Only 22.05.
        .init(4100, "ESCRIPT_CHDIR_FAILED", "The batch script could not enter its working directory", httpStatus: 500),
        // Only 22.05.
        .init(4101, "ESCRIPT_OPEN_OUTPUT_FAILED", "The batch script's output file could not be opened",
              httpStatus: 500),
        // Only 22.05.
        .init(4102, "ESCRIPT_NON_ZERO_RETURN", "The batch script exited with an error", httpStatus: 500),

        // 5000: sockets.
        // Only 22.05.
        .init(5000, "SLURM_PROTOCOL_SOCKET_IMPL_ZERO_RECV_LENGTH", "An empty message was received", httpStatus: 502),
        // Only 22.05.
        .init(5001, "SLURM_PROTOCOL_SOCKET_IMPL_NEGATIVE_RECV_LENGTH", "A message with a negative length was received",
              httpStatus: 502),
        // Only 22.05.
        .init(5002, "SLURM_PROTOCOL_SOCKET_IMPL_NOT_ALL_DATA_SENT", "A message was sent only in part", httpStatus: 502),
        incompletePacket,
        socketTimeout,
        .init(5005, "SLURM_PROTOCOL_SOCKET_ZERO_BYTES_SENT", "Nothing was sent or received", httpStatus: 502),

        // 6000: authentication.
        authCredentialInvalid,
        // 22.05 named 6001 ESLURM_AUTH_FOPEN_ERROR (a key file could not be opened; never returned by its controller);
        // the 24.11+ meaning is kept.
        .init(6001, "ESLURM_AUTH_EXPIRED", "The credential has expired", httpStatus: 401),
        // Only 22.05.
        .init(6002, "ESLURM_AUTH_NET_ERROR", "The authentication agent could not be reached", httpStatus: 500),
        // Only 22.05.
        .init(6003, "ESLURM_AUTH_UNABLE_TO_SIGN", "The credential could not be signed", httpStatus: 500),
        .init(6004, "ESLURM_AUTH_BADARG", "Bad argument to the authentication plugin", httpStatus: 500),
        // Only 22.05.
        .init(6005, "ESLURM_AUTH_MEMORY", "Memory failure in the authentication plugin", httpStatus: 500),
        // Only 22.05.
        .init(6006, "ESLURM_AUTH_INVALID", "The credential is invalid", httpStatus: 401),
        .init(6007, "ESLURM_AUTH_UNPACK", "The credential cannot be read", httpStatus: 401),
        .init(6008, "ESLURM_AUTH_SKIP", "Authentication does not cover this request", httpStatus: 401),
        authUnableToGenerateToken,
        .init(6010, "ESLURM_AUTH_NOBODY", "Credentials of user or group nobody are refused", httpStatus: 401),
        .init(6011, "ESLURM_AUTH_SOCKET_INVALID_PEER", "The peer of a local socket could not be identified",
              httpStatus: 500),

        // 7000: accounting (slurmdbd).
        .init(7000, "ESLURM_DB_CONNECTION", "The accounting database cannot be reached", httpStatus: 503),
        .init(7001, "ESLURM_JOBS_RUNNING_ON_ASSOC", "Jobs are active; cancel them before removing", httpStatus: 409),
        .init(7002, "ESLURM_CLUSTER_DELETED", "The cluster was removed; commit or roll back now", httpStatus: 409),
        .init(7003, "ESLURM_ONE_CHANGE", "Only one change at a time", httpStatus: 422),
        .init(7004, "ESLURM_BAD_NAME", "The name is not acceptable (it may not contain '.')", httpStatus: 422),
        .init(7005, "ESLURM_OVER_ALLOCATE", "More than 100% of a resource", httpStatus: 422),
        .init(7006, "ESLURM_RESULT_TOO_LARGE", "The result would be too large", httpStatus: 422),
        .init(7007, "ESLURM_DB_QUERY_TOO_WIDE", "The time range of the query is too wide", httpStatus: 422),
        .init(7008, "ESLURM_DB_CONNECTION_INVALID", "Invalid database connection", httpStatus: 500),
        .init(7009, "ESLURM_NO_REMOVE_DEFAULT_ACCOUNT", "A user's default account cannot be removed", httpStatus: 409),
        .init(7010, "ESLURM_BAD_SQL", "The database query failed (see the slurmdbd log)", httpStatus: 500),
        .init(7011, "ESLURM_NO_REMOVE_DEFAULT_QOS", "Some associations would lose access to their default QOS",
              httpStatus: 409),
        .init(7012, "ESLURM_COORD_NO_INCREASE_JOB_LIMIT", "A coordinator cannot raise job limits above the parent's",
              httpStatus: 403),
        .init(7013, "ESLURM_NO_RPC_STATS", "No RPC statistics available", httpStatus: 500),
        .init(7014, "ESLURM_INVALID_SHARED_POOL_ALLOWED", "Invalid Allowed value for a SharedPool resource",
              httpStatus: 422),

        // 7100: federation.
        .init(7100, "ESLURM_FED_CLUSTER_MAX_CNT", "The federation has its maximum number of clusters", httpStatus: 422),
        .init(7101, "ESLURM_FED_CLUSTER_MULTIPLE_ASSIGNMENT", "A cluster belongs to one federation only",
              httpStatus: 409),
        .init(7102, "ESLURM_INVALID_CLUSTER_FEATURE", "Invalid cluster feature", httpStatus: 422),
        .init(7103, "ESLURM_JOB_NOT_FEDERATED", "The job is not federated", httpStatus: 409),
        .init(7104, "ESLURM_INVALID_CLUSTER_NAME", "Unknown cluster", httpStatus: 404),
        .init(7105, "ESLURM_FED_JOB_LOCK", "Another sibling cluster holds the job", httpStatus: 409),
        .init(7106, "ESLURM_FED_NO_VALID_CLUSTERS", "No cluster of the federation can run the job", httpStatus: 422),

        // 7200: topology-aware node selection (7200 and 7300 only mark the range).
        .init(7200, "ESLURM_TOPO_ERROR_START", "Start of the topology range (a marker, not an error)", httpStatus: 500),
        .init(7201, "ESLURM_TOPO_REQ_NODES_NOT_AVAIL", "The required nodes lack free resources", httpStatus: 422),
        .init(7202, "ESLURM_TOPO_REQ_NODES_NO_MATCH_TOPO", "The topology cannot hold the required nodes",
              httpStatus: 422),
        .init(7203, "ESLURM_TOPO_NO_FIT", "No topology unit fits the request", httpStatus: 422),
        .init(7204, "ESLURM_TOPO_SEGMENT_NO_FIT", "No topology unit fits a segment", httpStatus: 422),
        .init(7205, "ESLURM_TOPO_INSUFFICIENT_RESOURCES", "The topology unit has too few resources", httpStatus: 422),
        .init(7206, "ESLURM_TOPO_WEIGHT_NO_FIT", "Selection by weight cannot fit the request in a topology unit",
              httpStatus: 422),
        .init(7207, "ESLURM_TOPO_MAX_NODE_LIMIT", "The node limit was exceeded while placing in the topology",
              httpStatus: 422),
        .init(7208, "ESLURM_TOPO_EMPTY_NODE_MAP", "The topology has no free nodes", httpStatus: 422),
        .init(7300, "ESLURM_TOPO_ERROR_END", "End of the topology range (a marker, not an error)", httpStatus: 500),

        // 7400: Lua scripts (job_submit and others).
        .init(7400, "ESLURM_LUA_INVALID_STATE", "Lua: no valid interpreter state", httpStatus: 500),
        .init(7401, "ESLURM_LUA_INVALID_SYNTAX", "Lua: the script has a syntax error", httpStatus: 500),
        .init(7402, "ESLURM_LUA_FUNC_NOT_FOUND", "Lua: the function is missing", httpStatus: 500),
        .init(7403, "ESLURM_LUA_FUNC_INVALID_RC", "Lua: the function did not return a number", httpStatus: 500),
        .init(7404, "ESLURM_LUA_FUNC_FAILED", "Lua: the function failed", httpStatus: 500),
        .init(7405, "ESLURM_LUA_FUNC_FAILED_RUNTIME_ERROR", "Lua: the function raised a runtime error",
              httpStatus: 500),
        .init(7406, "ESLURM_LUA_FUNC_FAILED_ENOMEM", "Lua: the function ran out of memory", httpStatus: 500),
        .init(7407, "ESLURM_LUA_FUNC_FAILED_GARBAGE_COLLECTOR", "Lua: the garbage collector failed", httpStatus: 500),
        .init(7408, "ESLURM_LUA_INVALID_CONVERSION_TYPE", "Lua: a returned value has an unusable type",
              httpStatus: 500),

        // 8000: plugins.
        .init(8000, "ESLURM_MISSING_TIME_LIMIT", "A time limit is required", httpStatus: 422),
        // Only 22.05 to 25.05.
        .init(8001, "ESLURM_INVALID_KNL", "Invalid KNL mode (MCDRAM or NUMA)", httpStatus: 422),
        .init(8002, "ESLURM_PLUGIN_INVALID", "A plugin is malformed or cannot be loaded", httpStatus: 500),
        .init(8003, "ESLURM_PLUGIN_INCOMPLETE", "A plugin lacks a required symbol", httpStatus: 500),
        .init(8004, "ESLURM_PLUGIN_NOT_LOADED", "A required plugin is not loaded", httpStatus: 500),
        .init(8005, "ESLURM_PLUGIN_NOTFOUND", "A plugin file is missing", httpStatus: 500),
        .init(8006, "ESLURM_PLUGIN_ACCESS_ERROR", "A plugin file cannot be accessed", httpStatus: 500),
        .init(8007, "ESLURM_PLUGIN_DLOPEN_FAILED", "A plugin file cannot be opened as a library", httpStatus: 500),
        .init(8008, "ESLURM_PLUGIN_INIT_FAILED", "A plugin's initialization failed", httpStatus: 500),
        .init(8009, "ESLURM_PLUGIN_MISSING_NAME", "A plugin lacks its name, type or version", httpStatus: 500),
        .init(8010, "ESLURM_PLUGIN_BAD_VERSION", "A plugin is of another version", httpStatus: 500),

        // 9000: REST requests.
        invalidQuery,
        restFailParsing,
        .init(9002, "ESLURM_REST_INVALID_JOBS_DESC", "The job description is missing or not an object or array",
              httpStatus: 400),
        .init(9003, "ESLURM_REST_EMPTY_RESULT", "The query matched nothing", httpStatus: 400),
        .init(9004, "ESLURM_REST_MISSING_UID", "No such Unix user", httpStatus: 400),
        .init(9005, "ESLURM_REST_MISSING_GID", "No such Unix group", httpStatus: 400),
        unknownURL,
        unknownURLMethod,
        .init(9008, "ESLURM_REST_AUTH_FAIL", "The client could not be authenticated", httpStatus: 401),
        badRequest,

        // 9200: parsing request data.
        .init(9200, "ESLURM_DATA_PATH_NOT_FOUND", "A path in the data does not resolve", httpStatus: 400),
        .init(9201, "ESLURM_DATA_PTR_NULL", "Missing data (internal)", httpStatus: 500),
        dataConversionFailed,
        .init(9203, "ESLURM_DATA_REGEX_COMPILE", "A regular expression did not compile (internal)", httpStatus: 500),
        dataUnknownMimeType,
        .init(9205, "ESLURM_DATA_TOO_LARGE", "The data is too large", httpStatus: 400),
        .init(9206, "ESLURM_DATA_FLAGS_INVALID_TYPE", "Flags must be given as an array", httpStatus: 400),
        dataFlagsInvalid,
        dataExpectedList,
        dataExpectedDictionary,
        .init(9210, "ESLURM_DATA_AMBIGUOUS_MODIFY", "The update matches more than one object", httpStatus: 400),
        .init(9211, "ESLURM_DATA_AMBIGUOUS_QUERY", "The query matches more than one object", httpStatus: 400),
        dataParseNothing,
        .init(9213, "ESLURM_DATA_INVALID_PARSER", "No such parser (internal)", httpStatus: 500),
        .init(9214, "ESLURM_DATA_PARSING_DEPTH", "The data is nested too deeply", httpStatus: 400),
        .init(9215, "ESLURM_DATA_PARSER_INVALID_STATE", "The parser reached an invalid state (internal)",
              httpStatus: 500),
        dataParseBadInput,

        // 10000: containers.
        .init(10000, "ESLURM_CONTAINER_NOT_CONFIGURED", "Containers are not configured", httpStatus: 501),

        // 11000: URLs.
        .init(11000, "ESLURM_URL_UNKNOWN_SCHEME", "The URL's scheme is not known", httpStatus: 400),
        .init(11001, "ESLURM_URL_EMPTY", "The URL is empty", httpStatus: 400),
        .init(11002, "ESLURM_URL_NON_NULL_TERMINATOR", "The URL holds a NUL character", httpStatus: 400),
        .init(11003, "ESLURM_URL_INVALID_FORMATING", "The URL is malformed", httpStatus: 400),
        .init(11004, "ESLURM_URL_INVALID_SCHEME", "Invalid URL scheme", httpStatus: 400),
        .init(11005, "ESLURM_URL_UNSUPPORTED_SCHEME", "Unsupported URL scheme", httpStatus: 400),
        .init(11006, "ESLURM_URL_INVALID_HOST", "Invalid URL host", httpStatus: 400),
        .init(11007, "ESLURM_URL_INVALID_PORT", "Invalid URL port", httpStatus: 400),
        .init(11008, "ESLURM_URL_INVALID_PATH", "Invalid URL path", httpStatus: 400),
        .init(11009, "ESLURM_URL_INVALID_QUERY", "Invalid URL query", httpStatus: 400),
        .init(11010, "ESLURM_URL_INVALID_FRAGMENT", "Invalid URL fragment", httpStatus: 400),
        .init(11011, "ESLURM_URL_UNSUPPORTED_FORMAT", "Unsupported URL form", httpStatus: 400),

        // 12000: HTTP.
        .init(12000, "ESLURM_HTTP_PARSING_FAILURE", "The HTTP request is malformed", httpStatus: 400),
        .init(12001, "ESLURM_HTTP_UNEXPECTED_URL", "The request carries a second URL", httpStatus: 400),
        .init(12002, "ESLURM_HTTP_EMPTY_HEADER", "An HTTP header field is empty", httpStatus: 400),
        .init(12003, "ESLURM_HTTP_INVALID_STATUS_CODE", "Bad HTTP status code", httpStatus: 400),
        .init(12004, "ESLURM_HTTP_INVALID_METHOD", "Bad or unknown HTTP method", httpStatus: 405),
        .init(12005, "ESLURM_HTTP_MISSING_LF", "A line feed is missing", httpStatus: 400),
        .init(12006, "ESLURM_HTTP_INVALID_CHARACTER", "A character is invalid or missing in the HTTP request",
              httpStatus: 400),
        .init(12007, "ESLURM_HTTP_INVALID_CONTENT_LENGTH", "Invalid Content-Length", httpStatus: 400),
        .init(12008, "ESLURM_HTTP_INVALID_TRANSFER_ENCODING", "Invalid Transfer-Encoding", httpStatus: 400),
        .init(12009, "ESLURM_HTTP_UNSUPPORTED_CHUNK_ENCODING", "Invalid or unsupported chunked body", httpStatus: 400),
        .init(12010, "ESLURM_HTTP_UNEXPECTED_REQUEST", "An HTTP request came unexpectedly", httpStatus: 400),
        .init(12011, "ESLURM_HTTP_UNSUPPORTED_VERSION", "Only HTTP/1.1 is supported", httpStatus: 505),
        .init(12012, "ESLURM_HTTP_UNSUPPORTED_UPGRADE", "Protocol upgrades are not supported", httpStatus: 400),
        .init(12013, "ESLURM_HTTP_INVALID_CONTENT_ENCODING", "Content-Encoding is malformed or not supported",
              httpStatus: 415),
        .init(12014, "ESLURM_HTTP_UNSUPPORTED_EXPECT", "Unsupported Expect header", httpStatus: 417),
        .init(12015, "ESLURM_HTTP_UNSUPPORTED_KEEP_ALIVE", "Keep-Alive is malformed or not supported", httpStatus: 400),
        .init(12016, "ESLURM_HTTP_CONTENT_LENGTH_TOO_LARGE", "The body is too large", httpStatus: 413),
        .init(12017, "ESLURM_HTTP_POST_MISSING_CONTENT_LENGTH", "A POST needs a Content-Length", httpStatus: 411),
        .init(12018, "ESLURM_HTTP_UNEXPECTED_BODY", "A body is not expected with a URL query", httpStatus: 400),
        notAcceptable,
        .init(12020, "ESLURM_HTTP_MISSING_CR", "A carriage return is missing", httpStatus: 400),

        // 13000: TLS.
        .init(13000, "ESLURM_TLS_REQUIRED", "The peer requires TLS", httpStatus: 502),
    ]

    /// `table` by number; a duplicate number (the unit tests forbid them) keeps its first entry.
    private static let byNumber = Dictionary(table.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
}

extension SlurmErrorCode {
    /// The code for a name in a request's body that the controller does not know (a partition,
    /// node or account in a job or reservation description): the request is at fault, not the
    /// URL, whose resource exists, so 422 as the original answers, not 404. Other codes unchanged.
    public var inRequestContent: SlurmErrorCode {
        guard httpStatus == 404 else { return self }
        return SlurmErrorCode(number, name, text, httpStatus: 422)
    }
}
