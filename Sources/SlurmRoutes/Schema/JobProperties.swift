import SlurmParsing

extension Property {
    /// An object the original renders as JSON null when the data is absent (an optional pointer
    /// of a struct that is not a required field, e.g. a pending job's `job_resources`).
    public static func nullableObject<Inner>(_ name: String, _ description: String, _ schema: ObjectSchema<Inner>,
                                             component: SchemaComponent? = nil,
                                             _ get: @escaping (Model) -> Inner?) -> Property {
        Property(name, .component(component ?? schema.component), description) { m, w in
            if let inner = get(m) { schema.render(inner, into: &w) } else { w.null() }
        }
    }

    /// An object under a component written by the caller (see `ObjectSchema.component(requiredPaths:)`).
    public static func object<Inner>(_ name: String, _ description: String, _ schema: ObjectSchema<Inner>,
                                     component: SchemaComponent, _ get: @escaping (Model) -> Inner) -> Property {
        Property(name, .component(component), description) { m, w in schema.render(get(m), into: &w) }
    }

    /// An array of objects under a component written by the caller.
    public static func array<Inner>(_ name: String, _ description: String, _ items: ObjectSchema<Inner>,
                                    component: SchemaComponent, _ get: @escaping (Model) -> [Inner]) -> Property {
        Property(name, .component(component), description) { m, w in
            w.beginArray()
            for item in get(m) { items.render(item, into: &w) }
            w.endArray()
        }
    }
}

extension ObjectSchema {
    /// The component of an object whose spec lists members of its inline objects as required, by
    /// path ("nodes/count"), in the original's parser order rather than the property order.
    public func component(requiredPaths: [String]) -> SchemaComponent {
        let specs = properties.map(\.spec)
        return SchemaComponent(name: name) { w, seen in
            w.beginObject()
            w.key("type"); w.value("object")
            writePropertiesSpec(specs, into: &w, components: &seen)
            w.key("required")
            w.beginArray()
            for path in requiredPaths { w.value(path) }
            w.endArray()
            w.endObject()
        }
    }
}
