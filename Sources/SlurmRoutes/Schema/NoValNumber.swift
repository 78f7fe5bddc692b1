import SlurmParsing
import SlurmController

/// Slurm's "number with flags": a raw value where NO_VAL means unset and INFINITE means unlimited,
/// rendered as `{"set": Bool, "infinite": Bool, "number": N}` in one of four widths, each its own
/// component of the spec (`v0.0.43_uint16_no_val_struct` ... `v0.0.43_float64_no_val_struct`).
public struct NoValNumber: Sendable, Equatable {
    public enum Number: Sendable, Equatable {
        case integer(Int64)
        case double(Double)
    }

    public var set: Bool
    public var infinite: Bool
    public var number: Number

    public init(set: Bool, infinite: Bool, number: Number) {
        self.set = set
        self.infinite = infinite
        self.number = number
    }

    static let unset = NoValNumber(set: false, infinite: false, number: .integer(0))
    static let unlimited = NoValNumber(set: false, infinite: true, number: .integer(0))

    /// INFINITE64 is unlimited, NO_VAL64 unset, anything else a set number.
    public init(uint64 raw: UInt64) {
        if raw == SlurmNumber.infinite64 { self = .unlimited }
        else if raw == SlurmNumber.noVal64 { self = .unset }
        else { self.init(set: true, infinite: false, number: .integer(Int64(bitPattern: raw))) }
    }

    /// INFINITE is unlimited, NO_VAL unset, anything else a set number.
    public init(uint32 raw: UInt32) {
        if raw == SlurmNumber.infinite32 { self = .unlimited }
        else if raw == SlurmNumber.noVal32 { self = .unset }
        else { self.init(set: true, infinite: false, number: .integer(Int64(raw))) }
    }

    /// INFINITE16 is unlimited, NO_VAL16 unset, anything else a set number.
    public init(uint16 raw: UInt16) {
        if raw == SlurmNumber.infinite16 { self = .unlimited }
        else if raw == SlurmNumber.noVal16 { self = .unset }
        else { self.init(set: true, infinite: false, number: .integer(Int64(raw))) }
    }

    /// `FLOAT64_NO_VAL` as the original decides it (see `DumpedNumber.float64NoVal`).
    public init(double raw: Double) {
        self = DumpedNumber.float64NoVal(raw).number
    }

    static func schema(_ name: String, _ numberType: SchemaType) -> ObjectSchema<NoValNumber> {
        ObjectSchema<NoValNumber>(name, [
            .bool("set", "True if number has been set; False if number is unset") { $0.set },
            .bool("infinite", "True if number has been set to infinite; \"set\" and \"number\" will be ignored") { $0.infinite },
            Property("number", numberType, "If \"set\" is True the number will be set with value; otherwise ignore number contents") { n, w in
                switch n.number {
                case .integer(let i): w.value(i)
                case .double(let d): w.value(d)
                }
            },
        ])
    }

    static let schema16 = schema("v0.0.43_uint16_no_val_struct", .int32)
    static let schema32 = schema("v0.0.43_uint32_no_val_struct", .int32)
    static let schema64 = schema("v0.0.43_uint64_no_val_struct", .int64)
    static let schemaDouble = schema("v0.0.43_float64_no_val_struct", .double)
    public static let component16 = schema16.component
    public static let component32 = schema32.component
    public static let component64 = schema64.component
    public static let componentDouble = schemaDouble.component
}
