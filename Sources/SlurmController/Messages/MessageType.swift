/// The message types the gateway sends or expects (src/common/msg_type.h; the numbers are the same
/// in every release from 22.05 to 26.05).
public enum MessageType: UInt16, Sendable {
    case requestReconfigure = 1003
    case requestPing = 1008
    case requestLicenseInfo = 1021
    case responseLicenseInfo = 1022
    case requestJobInfo = 2003
    case responseJobInfo = 2004
    case requestNodeInfo = 2007
    case responseNodeInfo = 2008
    case requestPartitionInfo = 2009
    case responsePartitionInfo = 2010
    case requestJobInfoSingle = 2021
    case requestShareInfo = 2022
    case responseShareInfo = 2023
    case requestReservationInfo = 2024
    case responseReservationInfo = 2025
    case requestStatsInfo = 2035
    case responseStatsInfo = 2036
    case requestNodeInfoSingle = 2040
    case requestJobState = 2057
    case responseJobState = 2058
    case requestUpdateJob = 3001
    case requestUpdateNode = 3002
    case requestCreateReservation = 3006
    case responseCreateReservation = 3007
    case requestDeleteReservation = 3008
    case requestUpdateReservation = 3009
    case requestDeleteNode = 3014
    case requestResourceAllocation = 4001
    case responseResourceAllocation = 4002
    case requestSubmitBatchJob = 4003
    case responseSubmitBatchJob = 4004
    case requestHetJobAllocation = 4025
    case responseHetJobAllocation = 4026
    case requestSubmitBatchHetJob = 4028
    case requestKillJob = 5032
    case responseJobArrayErrors = 5034
    case requestKillJobs = 5041
    case responseKillJobs = 5042
    case responseSlurmRC = 8001
    case responseSlurmRCMessage = 8002

    public var name: String { Self.name(of: rawValue) }
}
