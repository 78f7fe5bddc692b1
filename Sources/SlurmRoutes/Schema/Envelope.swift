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

    static let schema = ObjectSchema<Meta>("v0.0.43_openapi_meta", [
        Property("plugin", .inlineObject([
            ("type", .string, "Slurm plugin type (if applicable)"),
            ("name", .string, "Slurm plugin name (if applicable)"),
            ("data_parser", .string, "Slurm data_parser plugin"),
            ("accounting_storage", .string, "Slurm accounting plugin"),
        ]), "") { m, w in
            w.beginObject()
            w.key("type"); w.value(m.pluginType)
            w.key("name"); w.value(m.pluginName)
            w.key("data_parser"); w.value(m.dataParser)
            w.key("accounting_storage"); w.value(m.accountingStorage)
            w.endObject()
        },
        Property("client", .inlineObject([
            ("source", .string, "Client source description"),
            ("user", .string, "Client user (if known)"),
            ("group", .string, "Client group (if known)"),
        ]), "") { m, w in
            w.beginObject()
            w.key("source"); w.value(m.clientSource)
            w.key("user"); w.value(m.clientUser)
            w.key("group"); w.value(m.clientGroup)
            w.endObject()
        },
        .stringArray("command", "CLI command (if applicable)") { $0.command },
        Property("slurm", .inlineObject([
            ("version", .inlineObject([
                ("major", .string, "Slurm release major version"),
                ("micro", .string, "Slurm release micro version"),
                ("minor", .string, "Slurm release minor version"),
            ]), ""),
            ("release", .string, "Slurm release string"),
            ("cluster", .string, "Slurm cluster name"),
        ]), "") { m, w in
            w.beginObject()
            w.key("version")
            w.beginObject()
            w.key("major"); w.value(Meta.apiRelease.major)
            w.key("micro"); w.value(Meta.apiRelease.micro)
            w.key("minor"); w.value(Meta.apiRelease.minor)
            w.endObject()
            w.key("release"); w.value("\(Meta.apiRelease.major).\(Meta.apiRelease.minor).\(Meta.apiRelease.micro)")
            w.key("cluster"); w.value(m.cluster)
            w.endObject()
        },
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

    public init(_ name: String, _ payload: [Property<Payload>]) {
        self.name = name
        self.payload = payload
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

    /// Renders the payload when there is one; an error answer carries only the envelope.
    public func render(_ value: Payload?, _ envelope: Envelope, into w: inout JSONWriter) {
        w.beginObject()
        if let value {
            for p in payload {
                w.key(p.name)
                p.render(value, &w)
            }
        }
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
