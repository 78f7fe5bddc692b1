import SlurmParsing

/// Why a request body was refused before anything was sent to the controller: the Slurm error
/// number, the JSON pointer of the offending value (`#/job/time_limit/number`) and what is wrong.
public struct InputError: Error, Equatable {
    public let code: SlurmErrorCode
    public let path: String
    public let description: String

    public init(_ code: SlurmErrorCode, at path: String, _ description: String) {
        self.code = code
        self.path = path
        self.description = description
    }

    public static func == (a: InputError, b: InputError) -> Bool {
        a.code.number == b.code.number && a.path == b.path && a.description == b.description
    }

    /// A value of the wrong JSON type.
    static func expected(_ what: String, at path: String, got value: JSONValue) -> InputError {
        let code: SlurmErrorCode = switch what {
        case "an object": .dataExpectedDictionary
        case "an array": .dataExpectedList
        default: .dataConversionFailed
        }
        return InputError(code, at: path, "expected \(what), got \(value.kindName)")
    }
}

extension JSONValue {
    /// What a value is, for error messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .double: "a number with a fraction or exponent"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One property of a request object: its name and spec facts, and how its JSON value is read into
/// the model. Declared once; the reader and the OpenAPI document both use it.
public struct InputField<Model> {
    public let name: String
    public let type: SchemaType
    public let description: String
    public let deprecated: Bool
    /// Reads `value` (never `null`: absent and null both leave the model as it is) found at `path`.
    let read: (JSONValue, inout Model, String) throws(InputError) -> Void

    public init(_ name: String, _ type: SchemaType, _ description: String, deprecated: Bool = false,
                read: @escaping (JSONValue, inout Model, String) throws(InputError) -> Void) {
        self.name = name
        self.type = type
        self.description = description
        self.deprecated = deprecated
        self.read = read
    }

    var spec: PropertySpec {
        PropertySpec(name: name, type: type, description: description, required: false, deprecated: deprecated)
    }
}

/// A named request object schema (`#/components/schemas/NAME`): its fields in the spec's order and
/// the model a request starts from (Slurm's "unset" values). Reading is strict: a member that is
/// not a field of the schema is refused with its path, as is a value of the wrong type or range,
/// so that nothing the client meant is silently dropped.
public struct InputSchema<Model> {
    public let name: String
    let members: InputMembers<Model>
    let empty: Model

    public init(_ name: String, empty: Model, _ fields: [InputField<Model>]) {
        self.name = name
        self.empty = empty
        members = InputMembers(fields, of: name)
    }

    public var fields: [InputField<Model>] { members.fields }

    public var component: SchemaComponent {
        let specs = fields.map(\.spec)
        return SchemaComponent(name: name) { w, seen in writeObjectSpec(specs, into: &w, components: &seen) }
    }

    /// The model `value` describes, starting from `empty`; `path` is where `value` sits in the body.
    public func decode(_ value: JSONValue, at path: String = "#") throws(InputError) -> Model {
        var model = empty
        try members.read(value, into: &model, at: path)
        return model
    }

    /// Applies the members of `value` to `model` (for objects nested in a model another schema started).
    public func decode(_ value: JSONValue, into model: inout Model, at path: String) throws(InputError) {
        try members.read(value, into: &model, at: path)
    }
}

/// The fields of one request object, found by name. A member that is not a field is refused with
/// its path; `null` counts as absent.
struct InputMembers<Model> {
    let fields: [InputField<Model>]
    /// The object's name in error messages.
    let owner: String
    private let index: [String: Int]

    init(_ fields: [InputField<Model>], of owner: String) {
        self.fields = fields
        self.owner = owner
        index = Dictionary(fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func read(_ value: JSONValue, into model: inout Model, at path: String) throws(InputError) {
        guard case .object(let members) = value else { throw .expected("an object", at: path, got: value) }
        for (key, member) in members {
            let memberPath = path + "/" + key
            guard let i = index[key] else {
                throw InputError(.dataParseBadInput, at: memberPath, "\(owner) has no field \"\(key)\"")
            }
            if case .null = member { continue }
            try fields[i].read(member, &model, memberPath)
        }
    }
}

/// A list of request objects of one schema (`v0.0.43_job_desc_msg_list`, ...).
public struct InputArraySchema<Item> {
    public let name: String
    public let items: InputSchema<Item>

    public init(_ name: String, of items: InputSchema<Item>) {
        self.name = name
        self.items = items
    }

    public var component: SchemaComponent { .array(name, of: items.component) }

    public func decode(_ value: JSONValue, at path: String) throws(InputError) -> [Item] {
        guard case .array(let elements) = value else { throw .expected("an array", at: path, got: value) }
        var out: [Item] = []
        out.reserveCapacity(elements.count)
        for (i, element) in elements.enumerated() { out.append(try items.decode(element, at: path + "/" + String(i))) }
        return out
    }
}

/// What an operation takes as its body, for the document and for the gateway's checks.
public struct RequestBody {
    public let schema: SchemaComponent
    public let description: String

    public init(_ schema: SchemaComponent, _ description: String) {
        self.schema = schema
        self.description = description
    }
}

extension RequestContext {
    /// The request's JSON body, or the error answer for an operation that needs one and got none.
    public func requireBody() throws(InputError) -> JSONValue {
        guard let body else { throw InputError(.dataParseNothing, at: "#", "the request needs a JSON body") }
        return body
    }
}

extension EndpointResult {
    /// The answer to a body that was refused: nothing was sent to the controller.
    static func rejected<P>(_ schema: ResponseSchema<P>, _ context: RequestContext,
                            _ error: InputError) -> EndpointResult {
        failure(schema, context, error.code, description: error.description, source: error.path)
    }
}
