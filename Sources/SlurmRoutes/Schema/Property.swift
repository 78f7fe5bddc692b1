import SlurmParsing

/// One property of a response object: its name and spec facts, and how to render it from a model value.
/// Declared once; the renderer and the OpenAPI document both read it.
public struct Property<Model> {
    public let name: String
    let key: JSONKey
    public let type: SchemaType
    public let description: String
    public let required: Bool
    public let deprecated: Bool
    let render: (Model, inout JSONWriter) -> Void

    public init(_ name: String, _ type: SchemaType, _ description: String, required: Bool = false,
                deprecated: Bool = false, render: @escaping (Model, inout JSONWriter) -> Void) {
        self.name = name
        key = JSONKey(name)
        self.type = type
        self.description = description
        self.required = required
        self.deprecated = deprecated
        self.render = render
    }
}

extension Property {
    public static func string(_ name: String, _ description: String, required: Bool = false, deprecated: Bool = false,
                              _ get: @escaping (Model) -> String?) -> Property {
        Property(name, .string, description, required: required, deprecated: deprecated) { m, w in
            if let s = get(m) { w.value(s) } else { w.value("") }
        }
    }

    public static func bool(_ name: String, _ description: String, required: Bool = false, deprecated: Bool = false,
                            _ get: @escaping (Model) -> Bool) -> Property {
        Property(name, .boolean, description, required: required, deprecated: deprecated) { m, w in w.value(get(m)) }
    }

    public static func int32<I: BinaryInteger>(_ name: String, _ description: String, required: Bool = false,
                                               deprecated: Bool = false,
                                               _ get: @escaping (Model) -> I) -> Property {
        Property(name, .int32, description, required: required, deprecated: deprecated) { m, w in
            w.value(Int64(truncatingIfNeeded: get(m)))
        }
    }

    public static func int64<I: BinaryInteger>(_ name: String, _ description: String, required: Bool = false,
                                               deprecated: Bool = false,
                                               _ get: @escaping (Model) -> I) -> Property {
        Property(name, .int64, description, required: required, deprecated: deprecated) { m, w in
            w.value(Int64(truncatingIfNeeded: get(m)))
        }
    }

    public static func double(_ name: String, _ description: String, required: Bool = false, deprecated: Bool = false,
                              _ get: @escaping (Model) -> Double) -> Property {
        Property(name, .double, description, required: required, deprecated: deprecated) { m, w in w.value(get(m)) }
    }

    /// A number Slurm may leave unset (NO_VAL64) or mark unlimited (INFINITE64), rendered as the
    /// `{"set", "infinite", "number"}` object of `v0.0.43_uint64_no_val_struct`.
    public static func uint64NoVal(_ name: String, _ description: String, required: Bool = false,
                                   deprecated: Bool = false, _ get: @escaping (Model) -> UInt64) -> Property {
        Property(name, .component(NoValNumber.component64), description, required: required, deprecated: deprecated) { m, w in
            NoValNumber.schema64.render(NoValNumber(uint64: get(m)), into: &w)
        }
    }

    /// `v0.0.43_uint32_no_val_struct` from a raw u32 (NO_VAL unset, INFINITE unlimited).
    public static func uint32NoVal(_ name: String, _ description: String, required: Bool = false,
                                   deprecated: Bool = false, _ get: @escaping (Model) -> UInt32) -> Property {
        Property(name, .component(NoValNumber.component32), description, required: required, deprecated: deprecated) { m, w in
            NoValNumber.schema32.render(NoValNumber(uint32: get(m)), into: &w)
        }
    }

    /// `v0.0.43_uint16_no_val_struct` from a raw u16 (NO_VAL16 unset, INFINITE16 unlimited).
    public static func uint16NoVal(_ name: String, _ description: String, required: Bool = false,
                                   deprecated: Bool = false, _ get: @escaping (Model) -> UInt16) -> Property {
        Property(name, .component(NoValNumber.component16), description, required: required, deprecated: deprecated) { m, w in
            NoValNumber.schema16.render(NoValNumber(uint16: get(m)), into: &w)
        }
    }

    /// `v0.0.43_float64_no_val_struct` from a double.
    public static func float64NoVal(_ name: String, _ description: String, required: Bool = false,
                                    deprecated: Bool = false, _ get: @escaping (Model) -> Double) -> Property {
        Property(name, .component(NoValNumber.componentDouble), description, required: required, deprecated: deprecated) { m, w in
            NoValNumber.schemaDouble.render(NoValNumber(double: get(m)), into: &w)
        }
    }

    /// A no-val struct whose value the caller classifies itself (for fields Slurm derives, e.g. a
    /// time that is unset when zero).
    public static func noVal(_ name: String, _ description: String, _ component: SchemaComponent,
                             required: Bool = false, deprecated: Bool = false,
                             _ get: @escaping (Model) -> NoValNumber) -> Property {
        Property(name, .component(component), description, required: required, deprecated: deprecated) { m, w in
            // The widths differ only in the spec; the rendering is the same object.
            NoValNumber.schema64.render(get(m), into: &w)
        }
    }

    /// Flag or state words: an array of names from `table`, chosen by the raw value.
    public static func flags(_ name: String, _ description: String, _ table: FlagTable, required: Bool = false,
                             deprecated: Bool = false, _ get: @escaping (Model) -> UInt64) -> Property {
        Property(name, .enumArray(table.specWords), description, required: required, deprecated: deprecated) { m, w in
            w.beginArray()
            table.forEachWord(in: get(m)) { w.value($0) }
            w.endArray()
        }
    }

    public static func object<Inner>(_ name: String, _ description: String, _ schema: ObjectSchema<Inner>,
                                     required: Bool = false,
                                     _ get: @escaping (Model) -> Inner) -> Property {
        Property(name, .component(schema.component), description, required: required) { m, w in
            schema.render(get(m), into: &w)
        }
    }

    public static func array<Inner>(_ name: String, _ description: String, _ schema: ArraySchema<Inner>,
                                    required: Bool = false,
                                    _ get: @escaping (Model) -> [Inner]) -> Property {
        Property(name, .component(schema.component), description, required: required) { m, w in
            schema.render(get(m), into: &w)
        }
    }

    /// An object written in place rather than as a named component.
    public static func inline<Inner>(_ name: String, _ properties: [Property<Inner>],
                                     _ get: @escaping (Model) -> Inner) -> Property {
        Property(name, .inlineObject(properties.map(\.spec)), "") { m, w in
            w.beginObject()
            renderMembers(properties, of: get(m), into: &w)
            w.endObject()
        }
    }

    /// An array of strings; `schema` names it (`v0.0.43_string_array` unless the spec names it otherwise).
    public static func stringArray(_ name: String, _ description: String, required: Bool = false,
                                   schema: SchemaComponent = .stringArray,
                                   _ get: @escaping (Model) -> [String]) -> Property {
        Property(name, .component(schema), description, required: required) { m, w in
            w.beginArray()
            for s in get(m) { w.value(s) }
            w.endArray()
        }
    }
}

/// Writes each property as a member of the object being written: its key, then its value from
/// `model`. The properties are read in place (no copy of each per call): a job list runs this
/// for 133 properties of each of thousands of jobs.
@inline(__always)
func renderMembers<Model>(_ properties: [Property<Model>], of model: Model, into w: inout JSONWriter) {
    properties.withUnsafeBufferPointer { list in
        for i in list.indices {
            w.key(list[i].key)
            list[i].render(model, &w)
        }
    }
}
