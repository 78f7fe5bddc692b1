import SlurmParsing

/// Readers of single JSON values into Slurm's raw types. Each names the value's path when it
/// refuses one. Types are strict (a number is not a string, a string is not a number): the spec
/// says what each field takes, and a generated client sends exactly that.
public enum InputValue {
    public static func string(_ v: JSONValue, _ path: String) throws(InputError) -> String {
        guard case .string(let s) = v else { throw .expected("a string", at: path, got: v) }
        return s
    }

    public static func bool(_ v: JSONValue, _ path: String) throws(InputError) -> Bool {
        guard case .bool(let b) = v else { throw .expected("a boolean", at: path, got: v) }
        return b
    }

    /// An integer that fits `T`, also below `limit` when given (Slurm's sentinels above it).
    public static func integer<T: FixedWidthInteger>(_ v: JSONValue, _ path: String, as _: T.Type = T.self,
                                                     below limit: T? = nil) throws(InputError) -> T {
        guard case .int(let n) = v else { throw .expected("an integer", at: path, got: v) }
        guard let value = T(exactly: n), limit.map({ value < $0 }) ?? true else {
            let top = limit.map { String($0 - 1) } ?? String(T.max)
            throw InputError(.dataConversionFailed, at: path, "\(n) is out of range (\(T.min) to \(top))")
        }
        return value
    }

    /// A `*_no_val_struct`: `{"set": Bool, "infinite": Bool, "number": N}` (any member may be left
    /// out) or a bare integer, as the original accepts both. Unset is `noVal`, infinite is
    /// `infinite`, and a number may not be one of those two sentinels.
    public static func noVal<T: FixedWidthInteger & UnsignedInteger>(_ v: JSONValue, _ path: String, noVal: T,
                                                                       infinite: T) throws(InputError) -> T {
        let below = min(noVal, infinite)
        switch v {
        case .int: return try integer(v, path, below: below)
        case .object(let members):
            var set: Bool?
            var isInfinite = false
            var number: T?
            for (key, member) in members {
                let memberPath = path + "/" + key
                switch key {
                case "set": set = try bool(member, memberPath)
                case "infinite": isInfinite = try bool(member, memberPath)
                case "number": number = try integer(member, memberPath, below: below)
                default: throw InputError(.dataParseBadInput, at: memberPath, "a number object has no field \"\(key)\"")
                }
            }
            if isInfinite { return infinite }
            // `set: false` unsets the value whatever `number` says; `number` alone sets it.
            if set == false { return noVal }
            guard let number else {
                if set == true { throw InputError(.dataParseBadInput, at: path + "/number", "\"set\" is true but \"number\" is missing") }
                return noVal
            }
            return number
        default: throw .expected("an integer or a number object", at: path, got: v)
        }
    }

    /// An array of strings.
    public static func strings(_ v: JSONValue, _ path: String) throws(InputError) -> [String] {
        guard case .array(let elements) = v else { throw .expected("an array", at: path, got: v) }
        var out: [String] = []
        out.reserveCapacity(elements.count)
        for (i, e) in elements.enumerated() { out.append(try string(e, path + "/" + String(i))) }
        return out
    }

    /// A `csv_string` or `hostlist_string`: an array of strings, or one string already joined by
    /// commas (the original takes both); Slurm receives the comma-joined text.
    public static func commaList(_ v: JSONValue, _ path: String) throws(InputError) -> String {
        if case .string(let s) = v { return s }
        return try strings(v, path).joined(separator: ",")
    }

    /// Flag words from `table`, matched without regard to case, combined into the raw value.
    public static func flags(_ v: JSONValue, _ path: String, _ table: FlagTable) throws(InputError) -> UInt64 {
        var raw: UInt64 = 0
        for (i, word) in try strings(v, path).enumerated() {
            guard let entry = table.entry(named: word) else {
                throw InputError(.dataFlagsInvalid, at: path + "/" + String(i), "unknown flag \"\(word)\"")
            }
            raw = raw & ~entry.mask | entry.value
        }
        return raw
    }
}

extension FlagTable {
    /// The entry a request's word names (case-insensitive, hidden aliases included).
    func entry(named word: String) -> Entry? {
        let wanted = word.uppercased()
        return entries.first { $0.word.uppercased() == wanted }
    }
}

extension InputField {
    /// A field read by `parse` and stored at `path`.
    static func value<Value>(_ name: String, _ type: SchemaType, _ description: String, deprecated: Bool,
                             _ path: WritableKeyPath<Model, Value>,
                             _ parse: @escaping (JSONValue, String) throws(InputError) -> Value) -> InputField {
        InputField(name, type, description, deprecated: deprecated) { (v, m: inout Model, p) throws(InputError) in
            m[keyPath: path] = try parse(v, p)
        }
    }

    public static func string(_ name: String, _ description: String, deprecated: Bool = false,
                              _ path: WritableKeyPath<Model, String?>) -> InputField {
        value(name, .string, description, deprecated: deprecated, path) { (v, p) throws(InputError) in try InputValue.string(v, p) }
    }

    public static func string(_ name: String, _ description: String, deprecated: Bool = false,
                              _ path: WritableKeyPath<Model, String>) -> InputField {
        value(name, .string, description, deprecated: deprecated, path) { (v, p) throws(InputError) in try InputValue.string(v, p) }
    }

    public static func bool(_ name: String, _ description: String, deprecated: Bool = false,
                            _ path: WritableKeyPath<Model, Bool>) -> InputField {
        value(name, .boolean, description, deprecated: deprecated, path) { (v, p) throws(InputError) in try InputValue.bool(v, p) }
    }

    /// `{"type": "integer", "format": "int32"}` stored in any integer type it fits; `below` excludes
    /// Slurm's sentinels (e.g. NO_VAL16) from what a client may ask for.
    public static func int32<T: FixedWidthInteger>(_ name: String, _ description: String, deprecated: Bool = false,
                                                   below limit: T? = nil,
                                                   _ path: WritableKeyPath<Model, T>) -> InputField {
        value(name, .int32, description, deprecated: deprecated, path) { (v, p) throws(InputError) in
            try InputValue.integer(v, p, below: limit)
        }
    }

    public static func int64<T: FixedWidthInteger>(_ name: String, _ description: String, deprecated: Bool = false,
                                                   below limit: T? = nil,
                                                   _ path: WritableKeyPath<Model, T>) -> InputField {
        value(name, .int64, description, deprecated: deprecated, path) { (v, p) throws(InputError) in
            try InputValue.integer(v, p, below: limit)
        }
    }

    /// `v0.0.43_uint16_no_val_struct` into a raw u16 (NO_VAL16 unset, INFINITE16 unlimited).
    public static func uint16NoVal(_ name: String, _ description: String, deprecated: Bool = false,
                                   _ path: WritableKeyPath<Model, UInt16>) -> InputField {
        value(name, .component(NoValNumber.component16), description, deprecated: deprecated, path) {
            (v, p) throws(InputError) in try InputValue.noVal(v, p, noVal: 0xfffe, infinite: 0xffff)
        }
    }

    /// `v0.0.43_uint32_no_val_struct` into a raw u32 (NO_VAL unset, INFINITE unlimited).
    public static func uint32NoVal(_ name: String, _ description: String, deprecated: Bool = false,
                                   _ path: WritableKeyPath<Model, UInt32>) -> InputField {
        value(name, .component(NoValNumber.component32), description, deprecated: deprecated, path) {
            (v, p) throws(InputError) in try InputValue.noVal(v, p, noVal: 0xffff_fffe, infinite: 0xffff_ffff)
        }
    }

    /// `v0.0.43_uint64_no_val_struct` into a raw u64 (NO_VAL64 unset, INFINITE64 unlimited).
    public static func uint64NoVal(_ name: String, _ description: String, deprecated: Bool = false,
                                   _ path: WritableKeyPath<Model, UInt64>) -> InputField {
        value(name, .component(NoValNumber.component64), description, deprecated: deprecated, path) {
            (v, p) throws(InputError) in
            try InputValue.noVal(v, p, noVal: 0xffff_ffff_ffff_fffe, infinite: 0xffff_ffff_ffff_ffff)
        }
    }

    /// Flag words from `table` into a raw integer field.
    public static func flags<T: FixedWidthInteger>(_ name: String, _ description: String, _ table: FlagTable,
                                                   deprecated: Bool = false,
                                                   _ path: WritableKeyPath<Model, T>) -> InputField {
        value(name, .enumArray(table.specWords), description, deprecated: deprecated, path) { (v, p) throws(InputError) in
            let raw = try InputValue.flags(v, p, table)
            guard let fitted = T(exactly: raw) else {
                throw InputError(.dataFlagsInvalid, at: p, "flags do not fit the field")
            }
            return fitted
        }
    }

    /// An array of strings; `schema` names it (`v0.0.43_string_array` unless the spec says otherwise).
    public static func stringArray(_ name: String, _ description: String, deprecated: Bool = false,
                                   schema: SchemaComponent = .stringArray,
                                   _ path: WritableKeyPath<Model, [String]>) -> InputField {
        value(name, .component(schema), description, deprecated: deprecated, path) { (v, p) throws(InputError) in
            try InputValue.strings(v, p)
        }
    }

    /// A `csv_string` or `hostlist_string` (array or joined text) stored as comma-joined text.
    public static func commaList(_ name: String, _ description: String, deprecated: Bool = false,
                                 schema: SchemaComponent = .csvString,
                                 _ path: WritableKeyPath<Model, String?>) -> InputField {
        value(name, .component(schema), description, deprecated: deprecated, path) { (v, p) throws(InputError) in
            try InputValue.commaList(v, p)
        }
    }

    /// A nested object of another input schema, read onto the value already at `path`.
    public static func object<Inner>(_ name: String, _ description: String, _ schema: InputSchema<Inner>,
                                     deprecated: Bool = false,
                                     _ path: WritableKeyPath<Model, Inner>) -> InputField {
        InputField(name, .component(schema.component), description, deprecated: deprecated) {
            (v, m: inout Model, p) throws(InputError) in try schema.decode(v, into: &m[keyPath: path], at: p)
        }
    }

    /// An object written in place in the spec (no component), read onto the value at `path`.
    public static func inline<Inner>(_ name: String, _ description: String, _ fields: [InputField<Inner>],
                                     _ path: WritableKeyPath<Model, Inner>) -> InputField {
        let members = InputMembers(fields, of: name)
        return InputField(name, .inlineObject(fields.map(\.spec)), description) { (v, m: inout Model, p) throws(InputError) in
            try members.read(v, into: &m[keyPath: path], at: p)
        }
    }
}
