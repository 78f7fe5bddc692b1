import SlurmParsing

/// A named object schema (`#/components/schemas/NAME`): its properties in the order they are rendered.
public struct ObjectSchema<Model> {
    public let name: String
    public let properties: [Property<Model>]

    public init(_ name: String, _ properties: [Property<Model>]) {
        self.name = name
        self.properties = properties
    }

    public var component: SchemaComponent {
        let specs = properties.map(\.spec)
        return SchemaComponent(name: name) { w, seen in writeObjectSpec(specs, into: &w, components: &seen) }
    }

    public func render(_ model: Model, into w: inout JSONWriter) {
        w.beginObject()
        renderMembers(properties, of: model, into: &w)
        w.endObject()
    }
}

/// A named array schema whose items are objects of one schema.
public struct ArraySchema<Item> {
    public let name: String
    public let items: ObjectSchema<Item>

    public init(_ name: String, of items: ObjectSchema<Item>) {
        self.name = name
        self.items = items
    }

    public var component: SchemaComponent { .array(name, of: items.component) }

    public func render(_ list: [Item], into w: inout JSONWriter) {
        w.beginArray()
        for item in list {
            items.render(item, into: &w)
            w.boundary()
        }
        w.endArray()
    }
}

/// What the spec says of one property, whatever the model it renders from.
public struct PropertySpec {
    let name: String
    let type: SchemaType
    let description: String
    let required: Bool
    let deprecated: Bool
}

extension Property {
    var spec: PropertySpec {
        PropertySpec(name: name, type: type, description: description, required: required, deprecated: deprecated)
    }
}

/// `{"type": "object", "properties": ..., "required": [...]}`, as the spec writes objects.
func writeObjectSpec(_ properties: [PropertySpec], into w: inout JSONWriter,
                     components: inout [String: SchemaComponent]) {
    w.beginObject()
    w.key("type"); w.value("object")
    writePropertiesSpec(properties, into: &w, components: &components)
    w.key("required")
    w.beginArray()
    for p in properties where p.required { w.value(p.name) }
    w.endArray()
    w.endObject()
}
