import SlurmParsing

/// A named object schema (`#/components/schemas/NAME`): its properties in the order they are rendered.
public struct ObjectSchema<Model>: Sendable {
    public let name: String
    public let properties: [Property<Model>]

    public init(_ name: String, _ properties: [Property<Model>]) {
        self.name = name
        self.properties = properties
    }

    public func render(_ model: Model, into w: inout JSONWriter) {
        w.beginObject()
        for p in properties {
            w.key(p.name)
            p.render(model, &w)
        }
        w.endObject()
    }
}

/// A named array schema whose items are objects of one schema.
public struct ArraySchema<Item>: Sendable {
    public let name: String
    public let items: ObjectSchema<Item>

    public init(_ name: String, of items: ObjectSchema<Item>) {
        self.name = name
        self.items = items
    }

    public func render(_ list: [Item], into w: inout JSONWriter) {
        w.beginArray()
        for item in list { items.render(item, into: &w) }
        w.endArray()
    }
}
