import SlurmParsing

/// `v0.0.43_openapi_meta`: who answered and for whom.
public struct Meta: Sendable {
    public var pluginType = "openapi/slurmctld"
    public var pluginName = "Slurm OpenAPI slurmctld"
    public var dataParser = "data_parser/v0.0.43"
    public var accountingStorage: String
    public var clientSource: String
    public var clientUser: String
    public var clientGroup: String
    public var command: [String] = []
    public var cluster: String

    public init(accountingStorage: String, clientSource: String, clientUser: String, clientGroup: String,
                cluster: String) {
        self.accountingStorage = accountingStorage
        self.clientSource = clientSource
        self.clientUser = clientUser
        self.clientGroup = clientGroup
        self.cluster = cluster
    }

    /// The slurmrestd release whose REST API (and data_parser output) this gateway reproduces.
    /// `meta.slurm.version` names it, as the original names its own build.
    public static let apiRelease = (major: "26", minor: "05", micro: "5")

    public static let release = "\(apiRelease.major).\(apiRelease.minor).\(apiRelease.micro)"

    static let schema = ObjectSchema<Meta>("v0.0.43_openapi_meta", [
        .inline("plugin", [
            .string("type", "Slurm plugin type (if applicable)") { $0.pluginType },
            .string("name", "Slurm plugin name (if applicable)") { $0.pluginName },
            .string("data_parser", "Slurm data_parser plugin") { $0.dataParser },
            .string("accounting_storage", "Slurm accounting plugin") { $0.accountingStorage },
        ]) { $0 },
        .inline("client", [
            .string("source", "Client source description") { $0.clientSource },
            .string("user", "Client user (if known)") { $0.clientUser },
            .string("group", "Client group (if known)") { $0.clientGroup },
        ]) { $0 },
        .stringArray("command", "CLI command (if applicable)") { $0.command },
        .inline("slurm", [
            .inline("version", [
                .string("major", "Slurm release major version") { _ in apiRelease.major },
                .string("micro", "Slurm release micro version") { _ in apiRelease.micro },
                .string("minor", "Slurm release minor version") { _ in apiRelease.minor },
            ]) { $0 },
            .string("release", "Slurm release string") { _ in release },
            .string("cluster", "Slurm cluster name") { $0.cluster },
        ]) { $0 },
    ])
}

/// One entry of `errors`: Slurm's error number and name, our description, and where it was found.
public struct APIError: Sendable, Equatable {
    public var description: String
    public var errorNumber: Int32
    public var error: String
    public var source: String

    public init(description: String, errorNumber: Int32, error: String, source: String) {
        self.description = description
        self.errorNumber = errorNumber
        self.error = error
        self.source = source
    }

    public init(_ code: SlurmErrorCode, description: String, source: String) {
        self.init(description: description, errorNumber: code.number, error: code.text, source: source)
    }

    static let schema = ObjectSchema<APIError>("v0.0.43_openapi_error", [
        .string("description", "Long form error description") { $0.description },
        .int32("error_number", "Slurm numeric error identifier") { $0.errorNumber },
        .string("error", "Short form error description") { $0.error },
        .string("source", "Source of error or where error was first detected") { $0.source },
    ])
    static let arraySchema = ArraySchema("v0.0.43_openapi_errors", of: schema)
}

/// One entry of `warnings`.
public struct APIWarning: Sendable, Equatable {
    public var description: String
    public var source: String

    public init(description: String, source: String) {
        self.description = description
        self.source = source
    }

    static let schema = ObjectSchema<APIWarning>("v0.0.43_openapi_warning", [
        .string("description", "Long form warning description") { $0.description },
        .string("source", "Source of warning or where warning was first detected") { $0.source },
    ])
    static let arraySchema = ArraySchema("v0.0.43_openapi_warnings", of: schema)
}

/// What every v0.0.43 response carries beside its payload.
public struct Envelope: Sendable {
    public var meta: Meta
    public var errors: [APIError] = []
    public var warnings: [APIWarning] = []

    public init(meta: Meta) { self.meta = meta }
}

/// A response object: the operation's payload properties, then `meta`, `errors`, `warnings`,
/// in the original's key order.
public struct ResponseSchema<Payload> {
    public let name: String
    public let payload: [Property<Payload>]
    /// What an error answer renders in place of the payload, so that it still carries the fields
    /// the spec requires (an empty list, a zero time), as the original's job answers do; nil for
    /// schemas without required payload fields.
    let empty: Payload?

    public init(_ name: String, _ payload: [Property<Payload>], empty: Payload? = nil) {
        self.name = name
        self.payload = payload
        self.empty = empty
    }

    /// The spec form: the payload's properties, then the envelope's; the payload's are the required ones.
    public var component: SchemaComponent {
        let specs = payload.map(\.spec) + [
            PropertySpec(name: "meta", type: .component(Meta.schema.component), description: "Slurm meta values",
                         required: false, deprecated: false),
            PropertySpec(name: "errors", type: .component(APIError.arraySchema.component), description: "Query errors",
                         required: false, deprecated: false),
            PropertySpec(name: "warnings", type: .component(APIWarning.arraySchema.component),
                         description: "Query warnings", required: false, deprecated: false),
        ]
        return SchemaComponent(name: name) { w, seen in writeObjectSpec(specs, into: &w, components: &seen) }
    }

    /// Renders the payload, or for an error answer (nil) the empty payload when the schema has one.
    public func render(_ value: Payload?, _ envelope: Envelope, into w: inout JSONWriter) {
        w.beginObject()
        if let shown = value ?? empty { renderMembers(payload, of: shown, into: &w) }
        w.key("meta"); Meta.schema.render(envelope.meta, into: &w)
        w.key("errors"); APIError.arraySchema.render(envelope.errors, into: &w)
        w.key("warnings"); APIWarning.arraySchema.render(envelope.warnings, into: &w)
        w.endObject()
    }
}

/// `v0.0.43_openapi_resp`: the envelope alone, for answers that have no payload.
public enum ErrorResponse {
    static let schema = ResponseSchema<Void>("v0.0.43_openapi_resp", [])

    public static func render(_ envelope: Envelope, into w: inout JSONWriter) {
        schema.render(nil, envelope, into: &w)
    }
}
