import SlurmParsing

/// The OpenAPI type of one property, as the v0.0.43 spec spells it.
public indirect enum SchemaType {
    case string
    case boolean
    case int32
    case int64
    /// `{"type": "number", "format": "double"}`.
    case double
    /// `{"type": "number"}` without a format (the spec's long doubles).
    case number
    /// An array of strings drawn from a fixed list (flag and state words).
    case enumArray([String])
    /// `{"type": "array", "items": {}}`: the spec's placeholder for data the parser no longer fills.
    case emptyArray
    /// A named schema (`#/components/schemas/NAME`), written once under `components`.
    case component(SchemaComponent)
    /// An object written in place (the spec's `meta.plugin`, `meta.client`, `meta.slurm`).
    case inlineObject([PropertySpec])
}

/// A named schema of the document: its name and how to write its definition. Definitions name the
/// components they refer to, so the document can collect every schema reachable from its paths.
public struct SchemaComponent {
    public let name: String
    let define: (inout JSONWriter, inout [String: SchemaComponent]) -> Void

    public init(name: String, define: @escaping (inout JSONWriter, inout [String: SchemaComponent]) -> Void) {
        self.name = name
        self.define = define
    }

    /// `{"type": "array", "items": ...}` of another component.
    public static func array(_ name: String, of item: SchemaComponent) -> SchemaComponent {
        SchemaComponent(name: name) { w, seen in
            w.beginObject()
            w.key("type"); w.value("array")
            w.key("items"); SchemaType.component(item).writeSpec(into: &w, components: &seen)
            w.endObject()
        }
    }

    /// An array of strings under its own name (the spec has `string_array` and `hostlist_string`).
    public static func strings(_ name: String) -> SchemaComponent {
        SchemaComponent(name: name) { w, _ in
            w.beginObject()
            w.key("type"); w.value("array")
            w.key("items"); w.beginObject(); w.key("type"); w.value("string"); w.endObject()
            w.endObject()
        }
    }

    public static let stringArray = strings("v0.0.43_string_array")
    public static let hostlistString = strings("v0.0.43_hostlist_string")
    /// Comma-separated lists Slurm keeps as one string, rendered as an array.
    public static let csvString = strings("v0.0.43_csv_string")
}

extension SchemaType {
    /// The property's schema object; components are referenced and recorded in `components`.
    func writeSpec(into w: inout JSONWriter, components: inout [String: SchemaComponent],
                   description: String? = nil, deprecated: Bool = false) {
        w.beginObject()
        switch self {
        case .string: w.key("type"); w.value("string")
        case .boolean: w.key("type"); w.value("boolean")
        case .int32: w.key("type"); w.value("integer"); w.key("format"); w.value("int32")
        case .int64: w.key("type"); w.value("integer"); w.key("format"); w.value("int64")
        case .double: w.key("type"); w.value("number"); w.key("format"); w.value("double")
        case .number: w.key("type"); w.value("number")
        case .enumArray(let words):
            w.key("type"); w.value("array")
            w.key("items"); w.beginObject()
            w.key("enum"); w.beginArray(); for word in words { w.value(word) }; w.endArray()
            w.key("type"); w.value("string")
            w.endObject()
        case .emptyArray:
            w.key("type"); w.value("array")
            w.key("items"); w.beginObject(); w.endObject()
        case .component(let c):
            w.key("$ref"); w.value("#/components/schemas/" + c.name)
            components[c.name] = c
        case .inlineObject(let properties):
            w.key("type"); w.value("object")
            writePropertiesSpec(properties, into: &w, components: &components)
        }
        if let description, !description.isEmpty { w.key("description"); w.value(description) }
        if deprecated { w.key("deprecated"); w.value(true) }
        w.endObject()
    }
}

/// `"properties": {...}` of an object: each property's own schema, in declaration order.
func writePropertiesSpec(_ properties: [PropertySpec], into w: inout JSONWriter,
                         components: inout [String: SchemaComponent]) {
    w.key("properties")
    w.beginObject()
    for p in properties {
        w.key(p.name)
        p.type.writeSpec(into: &w, components: &components, description: p.description, deprecated: p.deprecated)
    }
    w.endObject()
}
