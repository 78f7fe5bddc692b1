import SlurmParsing
import SlurmController

/// Every operation the gateway serves, declared once. Routing, method checks and the OpenAPI
/// document are derived from this list.
public enum RouteTable {
    public static let operations: [Operation] = [
        Operation(method: .GET, path: "/slurm/v0.0.43/ping/", operationID: "slurm_v0043_get_ping",
                  summary: "ping test", responseDescription: "results of ping test",
                  response: PingEndpoint.response.component, handle: PingEndpoint.handle),
        Operation(method: .GET, path: "/slurm/v0.0.43/diag/", operationID: "slurm_v0043_get_diag",
                  summary: "get diagnostics", responseDescription: "diagnostic results",
                  response: DiagEndpoint.response.component, handle: DiagEndpoint.handle),
        Operation(method: .GET, path: "/slurm/v0.0.43/licenses/", operationID: "slurm_v0043_get_licenses",
                  summary: "get all Slurm tracked license info", responseDescription: "results of get all licenses",
                  response: LicensesEndpoint.response.component, handle: LicensesEndpoint.handle),
        Operation(method: .GET, path: "/slurm/v0.0.43/nodes/", operationID: "slurm_v0043_get_nodes",
                  summary: "get node(s) info", responseDescription: "node(s) information",
                  response: NodesEndpoint.response.component, parameters: NodesEndpoint.parameters,
                  handle: NodesEndpoint.handleAll),
        Operation(method: .GET, path: "/slurm/v0.0.43/node/{node_name}", operationID: "slurm_v0043_get_node",
                  summary: "get node info", responseDescription: "node information",
                  response: NodesEndpoint.response.component,
                  parameters: [.path("node_name", "Node name")] + NodesEndpoint.parameters,
                  handle: NodesEndpoint.handleOne),
        Operation(method: .GET, path: "/slurm/v0.0.43/partitions/", operationID: "slurm_v0043_get_partitions",
                  summary: "get all partition info", responseDescription: "partition information",
                  response: PartitionsEndpoint.response.component,
                  parameters: [PartitionsEndpoint.updateTimeParameter, QueryValues.flagsParameter],
                  handle: PartitionsEndpoint.handleAll),
        Operation(method: .GET, path: "/slurm/v0.0.43/partition/{partition_name}", operationID: "slurm_v0043_get_partition",
                  summary: "get partition info", responseDescription: "partition information",
                  response: PartitionsEndpoint.response.component,
                  parameters: [.path("partition_name", "Partition name"), PartitionsEndpoint.updateTimeParameter,
                               QueryValues.flagsParameter],
                  handle: PartitionsEndpoint.handleOne),
        Operation(method: .GET, path: "/slurm/v0.0.43/reservations/", operationID: "slurm_v0043_get_reservations",
                  summary: "get all reservation info", responseDescription: "reservation information",
                  response: ReservationsEndpoint.response.component,
                  parameters: [ReservationsEndpoint.updateTimeParameter],
                  handle: ReservationsEndpoint.handleAll),
        Operation(method: .GET, path: "/slurm/v0.0.43/reservation/{reservation_name}", operationID: "slurm_v0043_get_reservation",
                  summary: "get reservation info", responseDescription: "reservation information",
                  response: ReservationsEndpoint.response.component,
                  parameters: [.path("reservation_name", "Reservation name"), ReservationsEndpoint.updateTimeParameter],
                  handle: ReservationsEndpoint.handleOne),
        Operation(method: .GET, path: "/slurm/v0.0.43/shares", operationID: "slurm_v0043_get_shares",
                  summary: "get fairshare info", responseDescription: "shares information",
                  response: SharesEndpoint.response.component, parameters: SharesEndpoint.parameters,
                  handle: SharesEndpoint.handle),
        Operation(method: .GET, path: "/slurm/v0.0.43/jobs/", operationID: "slurm_v0043_get_jobs",
                  summary: "get list of jobs", responseDescription: "job(s) information",
                  response: JobsEndpoint.response.component, parameters: JobsEndpoint.queryParameters,
                  handle: JobsEndpoint.handleList),
        Operation(method: .GET, path: "/slurm/v0.0.43/jobs/state/", operationID: "slurm_v0043_get_jobs_state",
                  summary: "get list of job states", responseDescription: "job(s) state information",
                  response: JobsEndpoint.response.component, parameters: JobStateEndpoint.queryParameters,
                  handle: JobStateEndpoint.handle),
        Operation(method: .GET, path: "/slurm/v0.0.43/job/{job_id}", operationID: "slurm_v0043_get_job",
                  summary: "get job info", responseDescription: "job(s) information",
                  response: JobsEndpoint.response.component,
                  parameters: [.path("job_id", "Job ID")] + JobsEndpoint.queryParameters,
                  handle: JobsEndpoint.handleOne),
        Operation(method: .POST, path: "/slurm/v0.0.43/job/submit", operationID: "slurm_v0043_post_job_submit",
                  summary: "submit new job", responseDescription: "job submission response",
                  response: JobSubmitEndpoint.response.component, requestBody: JobSubmitEndpoint.requestBody,
                  handle: JobSubmitEndpoint.handle),
        Operation(method: .POST, path: "/slurm/v0.0.43/job/allocate", operationID: "slurm_v0043_post_job_allocate",
                  summary: "submit new job allocation without any steps that must be signaled to stop",
                  responseDescription: "job allocation response", response: JobAllocateEndpoint.response.component,
                  requestBody: JobAllocateEndpoint.requestBody, handle: JobAllocateEndpoint.handle),
        Operation(method: .POST, path: "/slurm/v0.0.43/job/{job_id}", operationID: "slurm_v0043_post_job",
                  summary: "update job", responseDescription: "job update result",
                  response: JobUpdateEndpoint.response.component, parameters: [.path("job_id", "Job ID")],
                  requestBody: JobUpdateEndpoint.requestBody, handle: JobUpdateEndpoint.handle),
    ] + ResourceWriteOperations.all + OpenAPIDocument.paths.map { path in
        Operation(method: .GET, path: path, operationID: "openapi_get_document", summary: "OpenAPI document",
                  responseDescription: "the OpenAPI document", response: OpenAPIDocument.component,
                  hiddenFromSpec: true, handle: OpenAPIDocument.handle)
    }

    public enum Match {
        /// The operation and the values of its path parameters.
        case operation(Operation, [String: String])
        /// The path exists but not for this method; `allowed` lists the methods it has.
        case methodNotAllowed(allowed: [HTTPMethod])
        case notFound
    }

    /// Matches a request path the way the original does: empty segments (repeated or trailing
    /// slashes) are ignored, a segment as written may only hold `A-Z a-z 0-9 ~ . _ -` and `%`
    /// escapes, and escapes are decoded after that check (so a het job `10+1` is reached as
    /// `10%2B1`). Matching is case-sensitive. HEAD matches GET.
    public static func match(method: HTTPMethod, path: String) -> Match {
        guard let segments = decodedSegments(path) else { return .notFound }
        let candidates = operations.compactMap { op in op.bind(segments).map { (op, $0) } }
        if candidates.isEmpty { return .notFound }
        let wanted: HTTPMethod = method == .HEAD ? .GET : method
        // A literal segment wins over a parameter (`/jobs/state/` is not a job called "state").
        let fitting = candidates.filter { $0.0.method == wanted }
        if let (op, values) = fitting.min(by: { $0.1.count < $1.1.count }) { return .operation(op, values) }
        var allowed = candidates.map(\.0.method)
        if allowed.contains(.GET) { allowed.append(.HEAD) }
        return .methodNotAllowed(allowed: allowed)
    }

    /// Splits and percent-decodes a path; nil when a segment is not acceptable.
    static func decodedSegments(_ path: String) -> [String]? {
        var out: [String] = []
        for raw in path.utf8.split(separator: UInt8(ascii: "/")) {
            var bytes: [UInt8] = []
            var i = raw.startIndex
            while i < raw.endIndex {
                let c = raw[i]
                if c == UInt8(ascii: "%") {
                    guard raw.distance(from: i, to: raw.endIndex) >= 3,
                          let hi = hexDigitValue(raw[raw.index(i, offsetBy: 1)]),
                          let lo = hexDigitValue(raw[raw.index(i, offsetBy: 2)]) else { return nil }
                    bytes.append(hi << 4 | lo)
                    i = raw.index(i, offsetBy: 3)
                } else {
                    guard isSegmentByte(c) else { return nil }
                    bytes.append(c)
                    i = raw.index(after: i)
                }
            }
            guard bytes != [UInt8(ascii: ".")], bytes != [UInt8(ascii: "."), UInt8(ascii: ".")] else { return nil }
            out.append(String(decoding: bytes, as: UTF8.self))
        }
        return out
    }

    static func isSegmentByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "~"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }
}
