#if canImport(Glibc)
import Glibc
#endif
import SlurmParsing
import SlurmController

/// Property and input kinds of the node, reservation and job-signal writes.
extension InputField {
    /// A field the spec keeps but the original no longer reads (`add_parser_removed`): any value is
    /// accepted and dropped, as the original drops it.
    static func ignored(_ name: String, _ type: SchemaType, _ description: String, deprecated: Bool = true) -> InputField {
        InputField(name, type, description, deprecated: deprecated) { (_, _: inout Model, _) throws(InputError) in }
    }

    /// data_parser's TIMESTAMP_NO_VAL into a time_t: a UNIX time as an integer, a decimal string or
    /// a `v0.0.43_uint64_no_val_struct` (unset is NO_VAL64, infinite INFINITE64), or `now` with an
    /// optional offset (`now+1hour`, `now-30minutes`) as Slurm's time parser reads it.
    static func timestampNoVal(_ name: String, _ description: String, _ path: WritableKeyPath<Model, Int64>) -> InputField {
        value(name, .component(NoValNumber.component64), description, deprecated: false, path) { (v, p) throws(InputError) in
            switch v {
            case .int(let n): return n
            case .string(let text):
                if let n = Int64(text) { return n }
                guard let t = Timestamp.now(plus: text, at: Int64(time(nil))) else {
                    throw InputError(.dataConversionFailed, at: p, "Parsing of \(text) for timestamp failed")
                }
                return t
            case .object:
                return Int64(bitPattern: try InputValue.noVal(v, p, noVal: SlurmNumber.noVal64, infinite: SlurmNumber.infinite64))
            default:
                throw .expected("a UNIX timestamp, a time string or a number object", at: p, got: v)
            }
        }
    }
}

/// The relative times of Slurm's `parse_time` that need no calendar: `now`, `now+N` and `now-N`
/// with an optional unit (seconds when none is given).
enum Timestamp {
    static let units: [(name: String, seconds: Int64)] = [
        ("seconds", 1), ("second", 1), ("minutes", 60), ("minute", 60), ("hours", 3600), ("hour", 3600),
        ("days", 86_400), ("day", 86_400), ("weeks", 604_800), ("week", 604_800),
    ]

    /// `text` as a time `now` seconds; nil when it is not one of these forms.
    static func now(plus text: String, at now: Int64) -> Int64? {
        let lower = text.lowercased()
        guard lower.hasPrefix("now") else { return nil }
        var rest = Substring(lower.dropFirst(3)).drop { $0 == " " || $0 == "\t" }
        if rest.isEmpty { return now }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 12, let count = Int64(digits) else { return nil }
        rest = rest.dropFirst(digits.count).drop { $0 == " " || $0 == "\t" }
        var multiplier: Int64 = 1
        if !rest.isEmpty {
            guard let unit = units.first(where: { rest == Substring($0.name) }) else { return nil }
            multiplier = unit.seconds
        }
        let delta = count * multiplier
        return sign == "+" ? now + delta : now - delta
    }
}

extension Property {
    /// data_parser's HOSTLIST_STRING dumped: the host names of the list, as an array, at most
    /// `HostNameBudget.perAnswer` of them.
    static func hostlistString(_ name: String, _ description: String, _ get: @escaping (Model) -> String?) -> Property {
        Property(name, .component(.hostlistString), description) { m, w in
            w.beginArray()
            for host in HostList.split(get(m) ?? "", limit: HostNameBudget.perAnswer) { w.value(host) }
            w.endArray()
        }
    }
}
