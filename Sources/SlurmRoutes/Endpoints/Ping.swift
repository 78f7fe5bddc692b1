import SlurmController

/// The outcome of pinging one configured controller (primary or backup).
public struct ControllerPing: Sendable, Equatable {
    public var hostname: String
    public var responding: Bool
    /// Microseconds the ping took, until its answer or its failure.
    public var latency: UInt64
    /// 0 for the primary, n for the n-th backup.
    public var offset: Int
    /// How many controllers slurm.conf lists (names the backup "backup" when there is exactly one).
    public var controllerCount: Int

    public init(hostname: String, responding: Bool, latency: UInt64, offset: Int, controllerCount: Int) {
        self.hostname = hostname
        self.responding = responding
        self.latency = latency
        self.offset = offset
        self.controllerCount = controllerCount
    }

    /// "primary", "backup" (the only backup), or "backupN".
    public var mode: String {
        if offset == 0 { return "primary" }
        if offset == 1 && controllerCount == 2 { return "backup" }
        return "backup\(offset)"
    }
}

enum PingEndpoint {
    static let pingSchema = ObjectSchema<ControllerPing>("v0.0.43_controller_ping", [
        .string("hostname", "Target for ping") { $0.hostname },
        .string("pinged", "Ping result", deprecated: true) { $0.responding ? "UP" : "DOWN" },
        .bool("responding", "If ping RPC responded with pong from controller", required: true) { $0.responding },
        .int64("latency", "Number of microseconds it took to successfully ping or timeout") { $0.latency },
        .string("mode", "The operating mode of the responding slurmctld", deprecated: true) { $0.mode },
        .bool("primary", "Is responding slurmctld the primary controller", required: true) { $0.offset == 0 },
    ])

    static let response = ResponseSchema<[ControllerPing]>("v0.0.43_openapi_ping_array_resp", [
        .array("pings", "pings", ArraySchema("v0.0.43_controller_ping_array", of: pingSchema), required: true) { $0 },
    ], empty: [])
}

extension PingEndpoint {
    /// Pings every controller slurm.conf lists, each on its own, and times each ping.
    static func handle(_ context: inout RequestContext) -> EndpointResult {
        let client = context.controller
        var pings: [ControllerPing] = []
        for (index, name) in client.controllerNames.enumerated() {
            let outcome = client.ping(controller: index)
            if case .failure(let failure) = outcome.result, failure.isCredentialRejection {
                return .failure(response, context, failure, source: "slurm_ping()")
            }
            let responding: Bool
            if case .success = outcome.result { responding = true } else { responding = false }
            pings.append(ControllerPing(hostname: name, responding: responding,
                                        latency: outcome.microseconds, offset: index,
                                        controllerCount: client.controllerNames.count))
        }
        return .success(response, pings, context.envelope)
    }
}
