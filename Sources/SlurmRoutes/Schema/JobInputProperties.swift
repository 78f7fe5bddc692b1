import SlurmParsing

/// A request model that keeps warnings: values the original accepts and ignores are reported in
/// the answer's `warnings` rather than dropped in silence.
public protocol InputWarningCollector {
    var warnings: [APIWarning] { get set }
}

extension InputWarningCollector {
    /// Warnings name their value the way the original's parser does: `#/job/crontab/`,
    /// `#/job/cpu_binding_flags[1]/`.
    mutating func warn(_ description: String, at path: String) {
        warnings.append(APIWarning(description: description, source: path + "/"))
    }
}

/// Property kinds of request objects that the job description needs beyond the framework's.
extension InputField {
    /// A JSON boolean stored as 1 or 0 in an integer field (Slurm's BOOL16 and uint8 flags).
    public static func boolNumber<T: FixedWidthInteger>(_ name: String, _ description: String,
                                                        _ path: WritableKeyPath<Model, T>) -> InputField {
        value(name, .boolean, description, deprecated: false, path) { (v, p) throws(InputError) in
            try InputValue.bool(v, p) ? 1 : 0
        }
    }

    /// `v0.0.43_uint16_no_val_struct` for a field whose unset value is not NO_VAL16: a number or
    /// infinite is stored, an unset one leaves the field as it is.
    public static func uint16NoValIfSet(_ name: String, _ description: String,
                                        _ path: WritableKeyPath<Model, UInt16>) -> InputField {
        InputField(name, .component(NoValNumber.component16), description) { (v, m: inout Model, p) throws(InputError) in
            let n = try InputValue.noVal(v, p, noVal: UInt16(0xfffe), infinite: UInt16(0xffff))
            if n != 0xfffe { m[keyPath: path] = n }
        }
    }

    /// A member the spec still lists but the original no longer reads (`{"type": "array", "items":
    /// {}}`, deprecated): any array is accepted and nothing is done with it.
    public static func removedArray(_ name: String, _ description: String) -> InputField {
        InputField(name, .emptyArray, description, deprecated: true) { (v, _: inout Model, p) throws(InputError) in
            guard case .array = v else { throw .expected("an array", at: p, got: v) }
        }
    }

    /// A member whose value is checked against its type by `check` and then not used (the model
    /// keeps nothing of it).
    public static func checked(_ name: String, _ type: SchemaType, _ description: String,
                               _ check: @escaping (JSONValue, String) throws(InputError) -> Void) -> InputField {
        InputField(name, type, description) { (v, _: inout Model, p) throws(InputError) in try check(v, p) }
    }
}

extension InputField where Model: InputWarningCollector {
    /// Flag words from `table` into an integer field, as the original reads flag lists: words are
    /// matched without regard to case, bits combine, a value word replaces its masked part, and an
    /// empty list leaves the field as it is. A word whose entry sets nothing (value and mask 0) is
    /// one the original no longer honours: accepted with a warning.
    public static func flagWords<T: FixedWidthInteger>(_ name: String, _ description: String, _ table: FlagTable,
                                                       _ path: WritableKeyPath<Model, T>) -> InputField {
        InputField(name, .enumArray(table.specWords), description) { (v, m: inout Model, p) throws(InputError) in
            let words = try InputValue.strings(v, p)
            guard !words.isEmpty else { return }
            for (i, word) in words.enumerated() {
                if let entry = table.entry(named: word), entry.value == 0, entry.mask == 0 {
                    m.warn("Ignoring deprecated flag: \(entry.word)", at: "\(p)[\(i)]")
                }
            }
            let raw = try InputValue.flags(v, p, table)
            guard let fitted = T(exactly: raw) else { throw InputError(.dataFlagsInvalid, at: p, "flags do not fit the field") }
            m[keyPath: path] = fitted
        }
    }
}
