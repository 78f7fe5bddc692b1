import XCTest
@testable import SlurmRoutes
import SlurmParsing

final class SlurmErrorCodeTests: XCTestCase {
    private let table = SlurmErrorCode.table

    func testNumbersAndNamesAreUniqueAndOrdered() {
        XCTAssertEqual(Set(table.map(\.number)).count, table.count, "duplicate numbers")
        XCTAssertEqual(Set(table.map(\.name)).count, table.count, "duplicate names")
        XCTAssertEqual(table.map(\.number), table.map(\.number).sorted(), "the table is in number order")
        for code in table {
            XCTAssertFalse(code.text.isEmpty, code.name)
            XCTAssertTrue(code.name.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" }, code.name)
            XCTAssertEqual(SlurmErrorCode.lookup(code.number), code, "lookup finds \(code.name)")
        }
    }

    /// Pairs checked by hand against slurm/slurm_errno.h at slurm-26-05-3-1: the requested ones,
    /// the first and last member of every enum block (where miscounting would show), and the
    /// errno values.
    func testNumbersMatchSlurm2605() {
        let pairs: [(Int32, String)] = [
            (-1, "SLURM_ERROR"), (0, "SLURM_SUCCESS"),
            (1, "EPERM"), (2, "ENOENT"), (3, "ESRCH"), (11, "EAGAIN"), (13, "EACCES"), (22, "EINVAL"),
            (1000, "SLURM_UNEXPECTED_MSG_ERROR"), (1016, "SLURM_COMMUNICATIONS_INVALID_FD"),
            (1021, "SLURM_COMMUNICATIONS_CONNECT_TIMEOUT"), (1023, "SLURM_COMMUNICATIONS_READ_TIMEOUT"),
            (1800, "SLURMCTLD_COMMUNICATIONS_CONNECTION_ERROR"), (1805, "SLURMCTLD_COMMUNICATIONS_HARD_DROP"),
            (1900, "SLURM_NO_CHANGE_IN_DATA"),
            (2000, "ESLURM_INVALID_PARTITION_NAME"), (2007, "ESLURM_MAX_JOB_COUNT"),
            (2009, "ESLURM_JOB_SCRIPT_MISSING"), (2010, "ESLURM_USER_ID_MISSING"),
            (2014, "ESLURM_REQUESTED_NODE_CONFIG_UNAVAILABLE"), (2016, "ESLURM_NODES_BUSY"),
            (2019, "ESLURM_WRITING_TO_FILE"), (2020, "ESLURM_TRANSITION_STATE_NO_UPDATE"),
            (2029, "ESLURM_INVALID_FEATURE"), (2030, "ESLURM_INVALID_AUTHTYPE_CHANGE"),
            (2039, "ESLURM_BATCH_ONLY"), (2040, "ESLURM_LICENSES_UNAVAILABLE"), (2042, "ESLURM_JOB_HELD"),
            (2045, "ESLURM_INVALID_ACCOUNT"), (2049, "ESLURM_NEED_RESTART"), (2050, "ESLURM_ACCOUNTING_POLICY"),
            (2051, "ESLURM_INVALID_TIME_LIMIT"), (2058, "ESLURM_RESERVATION_OVERLAP"),
            (2059, "ESLURM_PORTS_BUSY"), (2060, "ESLURM_PORTS_INVALID"), (2064, "ESLURM_STEPS_DRAINED"),
            (2066, "ESLURM_INVALID_QOS"), (2069, "ESLURM_INVALID_CPU_COUNT"), (2070, "ESLURM_PARTITION_NOT_AVAIL"),
            (2078, "ESLURM_CAN_NOT_START_IMMEDIATELY"), (2080, "ESLURM_RESERVATION_EMPTY"),
            (2089, "ESLURM_TRIGGER_DUP"), (2090, "ESLURM_INTERNAL"), (2098, "ESLURM_CANNOT_CANCEL_CRON_JOB"),
            (2099, "ESLURM_INVALID_MCS_LABEL"), (2100, "ESLURM_BURST_BUFFER_WAIT"), (2102, "ESLURM_DUPLICATE_GRES"),
            (2104, "ESLURM_RSV_ALREADY_STARTED"), (2110, "ESLURM_DUPLICATE_STEP_ID"),
            (2120, "ESLURM_REBOOT_IN_PROGRESS"), (2130, "ESLURM_PARTITION_ASSOC"), (2136, "ESLURM_EMPTY_JOB_ID"),
            (2162, "ESLURM_EMPTY_LIST"), (2168, "ESLURM_NODE_ALREADY_EXISTS"),
            (2180, "ESLURM_INVALID_NODE_STATE_TRANSITION"), (2181, "ESLURM_INVALID_JOB_STATE"),
            (2185, "ESLURM_INVALID_SLUID"), (2190, "ESLURM_FILE_UNREADABLE"),
            (3000, "ESPANK_ERROR"), (3012, "ESPANK_JOB_FAILURE"),
            (4001, "ESLURMD_KILL_TASK_FAILED"), (4004, "ESLURMD_INVALID_JOB_CREDENTIAL"),
            (4007, "ESLURMD_CREDENTIAL_EXPIRED"), (4010, "ESLURMD_CREATE_BATCH_DIR_ERROR"),
            (4014, "ESLURMD_SETUP_ENVIRONMENT_ERROR"), (4016, "ESLURMD_SET_UID_OR_GID_ERROR"),
            (4020, "ESLURMD_EXECVE_FAILED"), (4023, "ESLURMD_EPILOG_FAILED"), (4025, "ESLURMD_TOOMANYSTEPS"),
            (4027, "ESLURMD_STEP_NOTRUNNING"), (4030, "ESLURMD_INVALID_SOCKET_NAME_LEN"),
            (4035, "ESLURMD_STEPD_PROXY_FAILED"),
            (5003, "ESLURM_PROTOCOL_INCOMPLETE_PACKET"), (5005, "SLURM_PROTOCOL_SOCKET_ZERO_BYTES_SENT"),
            (6000, "ESLURM_AUTH_CRED_INVALID"), (6001, "ESLURM_AUTH_EXPIRED"), (6004, "ESLURM_AUTH_BADARG"),
            (6007, "ESLURM_AUTH_UNPACK"), (6011, "ESLURM_AUTH_SOCKET_INVALID_PEER"),
            (7000, "ESLURM_DB_CONNECTION"), (7014, "ESLURM_INVALID_SHARED_POOL_ALLOWED"),
            (7100, "ESLURM_FED_CLUSTER_MAX_CNT"), (7106, "ESLURM_FED_NO_VALID_CLUSTERS"),
            (7200, "ESLURM_TOPO_ERROR_START"), (7208, "ESLURM_TOPO_EMPTY_NODE_MAP"), (7300, "ESLURM_TOPO_ERROR_END"),
            (7400, "ESLURM_LUA_INVALID_STATE"), (7408, "ESLURM_LUA_INVALID_CONVERSION_TYPE"),
            (8000, "ESLURM_MISSING_TIME_LIMIT"), (8002, "ESLURM_PLUGIN_INVALID"), (8010, "ESLURM_PLUGIN_BAD_VERSION"),
            (9000, "ESLURM_REST_INVALID_QUERY"), (9006, "ESLURM_REST_UNKNOWN_URL"),
            (9007, "ESLURM_REST_UNKNOWN_URL_METHOD"), (9009, "ESLURM_REST_BAD_REQUEST"),
            (9200, "ESLURM_DATA_PATH_NOT_FOUND"), (9202, "ESLURM_DATA_CONV_FAILED"),
            (9204, "ESLURM_DATA_UNKNOWN_MIME_TYPE"), (9216, "ESLURM_DATA_PARSE_BAD_INPUT"),
            (10000, "ESLURM_CONTAINER_NOT_CONFIGURED"),
            (11000, "ESLURM_URL_UNKNOWN_SCHEME"), (11011, "ESLURM_URL_UNSUPPORTED_FORMAT"),
            (12000, "ESLURM_HTTP_PARSING_FAILURE"), (12019, "ESLURM_HTTP_UNKNOWN_ACCEPT_MIME_TYPE"),
            (12020, "ESLURM_HTTP_MISSING_CR"),
            (13000, "ESLURM_TLS_REQUIRED"),
        ]
        for (number, name) in pairs {
            XCTAssertEqual(SlurmErrorCode.lookup(number).name, name, "\(number)")
        }
    }

    /// Numbers that older releases (22.05 to 25.11) used and 26.05 dropped stay known; numbers that
    /// changed name keep the 26.05 name.
    func testNumbersOfOlderReleases() {
        let pairs: [(Int32, String)] = [
            (2065, "ESLURM_INVALID_BLOCK_NAME"), (2079, "ESLURM_INTERCONNECT_BUSY"),
            (2103, "ESLURM_JOB_SETTING_DB_INX"), (2182, "ESLURM_BREAK_EVAL"), (2184, "ESLURM_RETRY_EVAL_HINT"),
            (4000, "ESLURMD_PIPE_ERROR_ON_TASK_SPAWN"), (4024, "ESLURMD_SESSION_KILLED"),
            (4102, "ESCRIPT_NON_ZERO_RETURN"), (5000, "SLURM_PROTOCOL_SOCKET_IMPL_ZERO_RECV_LENGTH"),
            (6006, "ESLURM_AUTH_INVALID"), (8001, "ESLURM_INVALID_KNL"),
            (2007, "ESLURM_MAX_JOB_COUNT"), (2040, "ESLURM_LICENSES_UNAVAILABLE"),
            (2041, "ESLURM_TAKEOVER_NO_HEARTBEAT"), (2063, "ESLURM_MISSING_WORK_DIR"),
            (2097, "ESLURM_INVALID_NAMESPACE_CHANGE"), (6001, "ESLURM_AUTH_EXPIRED"),
        ]
        for (number, name) in pairs {
            XCTAssertEqual(SlurmErrorCode.lookup(number).name, name, "\(number)")
        }
    }

    func testStatusesFollowThePolicy() {
        func status(_ number: Int32) -> Int { SlurmErrorCode.lookup(number).httpStatus }
        XCTAssertEqual(status(0), 200)
        XCTAssertEqual(status(1900), 304)
        for number: Int32 in [1007, 6000, 6001, 6007, 9008] {
            XCTAssertEqual(status(number), 401, "credential refused: \(number)")
        }
        for number: Int32 in [1, 13, 2002, 2003, 2010, 2052, 2092, 2113] {
            XCTAssertEqual(status(number), 403, "no right: \(number)")
        }
        for number: Int32 in [2, 2000, 2017, 2018, 2045, 2046, 2053, 2057, 2066, 2167, 7104, 9006] {
            XCTAssertEqual(status(number), 404, "no such thing: \(number)")
        }
        for number: Int32 in [16, 17, 2011, 2016, 2020, 2021, 2024, 2037, 2042, 2055, 2056, 2058, 2073, 2077,
                              2082, 2083, 2084, 2085, 2101, 2104, 2105, 2168, 2180, 2181] {
            XCTAssertEqual(status(number), 409, "conflicts with the current state: \(number)")
        }
        for number: Int32 in [22, 2001, 2004, 2005, 2006, 2014, 2015, 2029, 2050, 2051, 2054, 2072, 2081, 2115,
                              2140, 8000] {
            XCTAssertEqual(status(number), 422, "invalid request: \(number)")
        }
        XCTAssertEqual(status(2036), 501)
        XCTAssertEqual(status(9007), 405)
        XCTAssertEqual(status(9204), 415)
        XCTAssertEqual(status(12019), 406)

        for code in table {
            switch code.number {
            case SlurmErrorCode.authenticationError.number:
                XCTAssertEqual(code.httpStatus, 401, "the credential rule comes first")
            case 1000..<1100, 1800..<1900, 5000..<5100:
                XCTAssertTrue((502...504).contains(code.httpStatus), "controller communications: \(code.name)")
            case 2000..<3000:
                XCTAssertTrue([403, 404, 409, 422, 500, 501, 503].contains(code.httpStatus), code.name)
            case 3000..<5000, 7400..<7500, 8002..<8100:
                XCTAssertEqual(code.httpStatus, 500, "SPANK, slurmd, Lua, plugins: \(code.name)")
            case 9000..<9300, 11000..<12000:
                XCTAssertTrue([400, 401, 404, 405, 415, 500].contains(code.httpStatus), code.name)
            case 12000..<13000:
                XCTAssertTrue((400..<500).contains(code.httpStatus) || code.httpStatus == 505, code.name)
            default:
                break
            }
        }
    }

    func testExistingCodesAreUnchanged() {
        let expected: [(SlurmErrorCode, Int32, String, String, Int)] = [
            (.success, 0, "SLURM_SUCCESS", "No error", 200),
            (.error, -1, "SLURM_ERROR", "Unspecified error", 500),
            (.permissionDenied, 1, "EPERM", "Operation not permitted", 403),
            (.connectionError, 1001, "SLURM_COMMUNICATIONS_CONNECTION_ERROR", "Could not connect to the controller",
             502),
            (.sendError, 1002, "SLURM_COMMUNICATIONS_SEND_ERROR", "Sending to the controller failed", 502),
            (.receiveError, 1003, "SLURM_COMMUNICATIONS_RECEIVE_ERROR", "Receiving from the controller failed", 502),
            (.protocolVersionError, 1005, "SLURM_PROTOCOL_VERSION_ERROR",
             "The controller does not speak this protocol version", 502),
            (.authenticationError, 1007, "SLURM_PROTOCOL_AUTHENTICATION_ERROR", "The controller rejected the credential",
             401),
            (.insaneMessageLength, 1008, "SLURM_PROTOCOL_INSANE_MSG_LENGTH", "The controller's reply is too large", 502),
            (.connectTimeout, 1021, "SLURM_COMMUNICATIONS_CONNECT_TIMEOUT", "Connecting to the controller timed out",
             504),
            (.readTimeout, 1023, "SLURM_COMMUNICATIONS_READ_TIMEOUT", "The controller did not answer in time", 504),
            (.controllerConnectionError, 1800, "SLURMCTLD_COMMUNICATIONS_CONNECTION_ERROR",
             "Unable to contact any controller", 502),
            (.controllerBackoff, 1804, "SLURMCTLD_COMMUNICATIONS_BACKOFF",
             "The controller asks clients to back off (RPC rate limit)", 503),
            (.noChangeInData, 1900, "SLURM_NO_CHANGE_IN_DATA", "Nothing changed since the given time", 304),
            (.accessDenied, 2002, "ESLURM_ACCESS_DENIED", "Access denied", 403),
            (.invalidJobID, 2017, "ESLURM_INVALID_JOB_ID", "No such job", 404),
            (.invalidNodeName, 2018, "ESLURM_INVALID_NODE_NAME", "No such node", 404),
            (.invalidPartitionName, 2000, "ESLURM_INVALID_PARTITION_NAME", "No such partition", 404),
            (.notSupported, 2036, "ESLURM_NOT_SUPPORTED", "Not supported by this controller's release", 501),
            (.reservationInvalid, 2053, "ESLURM_RESERVATION_INVALID", "No such reservation", 404),
            (.incompletePacket, 5003, "ESLURM_PROTOCOL_INCOMPLETE_PACKET", "The controller's reply is malformed", 502),
            (.socketTimeout, 5004, "SLURM_PROTOCOL_SOCKET_IMPL_TIMEOUT", "Timed out talking to the controller", 504),
            (.authCredentialInvalid, 6000, "ESLURM_AUTH_CRED_INVALID", "Invalid credential", 401),
            (.authUnableToGenerateToken, 6009, "ESLURM_AUTH_UNABLE_TO_GENERATE_TOKEN", "Unable to create a credential",
             500),
            (.invalidQuery, 9000, "ESLURM_REST_INVALID_QUERY", "Invalid query", 400),
            (.restFailParsing, 9001, "ESLURM_REST_FAIL_PARSING", "The request body is not valid JSON", 400),
            (.dataUnknownMimeType, 9204, "ESLURM_DATA_UNKNOWN_MIME_TYPE",
             "The request body's content type is not accepted", 415),
            (.dataExpectedList, 9208, "ESLURM_DATA_EXPECTED_LIST", "An array was expected", 400),
            (.dataExpectedDictionary, 9209, "ESLURM_DATA_EXPECTED_DICT", "An object was expected", 400),
            (.dataParseNothing, 9212, "ESLURM_DATA_PARSE_NOTHING", "Nothing to read", 400),
            (.dataParseBadInput, 9216, "ESLURM_DATA_PARSE_BAD_INPUT", "The request body does not fit the schema", 400),
            (.dataConversionFailed, 9202, "ESLURM_DATA_CONV_FAILED",
             "A value could not be converted to the expected type", 400),
            (.dataFlagsInvalid, 9207, "ESLURM_DATA_FLAGS_INVALID", "Unknown flag", 400),
            (.unknownURL, 9006, "ESLURM_REST_UNKNOWN_URL", "No such endpoint", 404),
            (.unknownURLMethod, 9007, "ESLURM_REST_UNKNOWN_URL_METHOD", "Method not allowed on this endpoint", 405),
            (.badRequest, 9009, "ESLURM_REST_BAD_REQUEST", "Bad request", 400),
            (.notAcceptable, 12019, "ESLURM_HTTP_UNKNOWN_ACCEPT_MIME_TYPE", "No acceptable response content type", 406),
        ]
        for (code, number, name, text, status) in expected {
            XCTAssertEqual(code, SlurmErrorCode(number, name, text, httpStatus: status), name)
            XCTAssertEqual(SlurmErrorCode.lookup(number), code, "the table holds \(name) itself")
        }
    }

    func testUnknownNumbersFallBack() {
        XCTAssertEqual(SlurmErrorCode.lookup(2999),
                       SlurmErrorCode(2999, "SLURM_ERROR_2999", "Slurm error 2999", httpStatus: 422))
        XCTAssertEqual(SlurmErrorCode.lookup(424_242),
                       SlurmErrorCode(424_242, "SLURM_ERROR_424242", "Slurm error 424242", httpStatus: 500))
    }

    /// Every status the catalog can answer with goes out with its RFC 9110 reason phrase.
    func testEveryStatusHasAReasonPhrase() {
        for code in SlurmErrorCode.table {
            XCTAssertNotEqual(HTTPStatus(code: code.httpStatus).reason, "Status \(code.httpStatus)", code.name)
        }
    }
}
