/// A Slurm error number (slurm/slurm_errno.h) with its symbolic name, a short text in our own words,
/// and the HTTP status the gateway answers with when this error ends a request.
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
        if let known = table.first(where: { $0.number == number }) { return known }
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
    public static let alreadyDone = SlurmErrorCode(2021, "ESLURM_ALREADY_DONE",
        "The job is already finishing or finished", httpStatus: 422)
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

    static let table: [SlurmErrorCode] = [
        success, error, permissionDenied, connectionError, sendError, receiveError, protocolVersionError,
        authenticationError, insaneMessageLength, connectTimeout, readTimeout, controllerConnectionError,
        controllerBackoff, noChangeInData, accessDenied, invalidJobID, invalidNodeName, invalidPartitionName,
        reservationInvalid, dataConversionFailed, dataFlagsInvalid, incompletePacket, socketTimeout,
        notSupported, alreadyDone, authCredentialInvalid, authUnableToGenerateToken, invalidQuery, unknownURL,
        unknownURLMethod, badRequest, notAcceptable, restFailParsing, dataUnknownMimeType, dataExpectedList,
        dataExpectedDictionary, dataParseNothing, dataParseBadInput,
    ]
}
