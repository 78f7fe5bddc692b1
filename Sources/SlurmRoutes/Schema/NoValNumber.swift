import SlurmParsing

/// Slurm's "number with flags": a raw value where NO_VAL means unset and INFINITE means unlimited,
/// rendered as `{"set": Bool, "infinite": Bool, "number": N}`.
public struct NoValNumber: Sendable, Equatable {
    public static let schemaName64 = "v0.0.43_uint64_no_val_struct"
    public static let schemaName32 = "v0.0.43_uint32_no_val_struct"

    public var set: Bool
    public var infinite: Bool
    public var number: Int64

    public init(set: Bool, infinite: Bool, number: Int64) {
        self.set = set
        self.infinite = infinite
        self.number = number
    }

    /// INFINITE64 is unlimited, NO_VAL64 unset, anything else a set number.
    public init(uint64 raw: UInt64) {
        if raw == SlurmNumber.infinite64 { self.init(set: false, infinite: true, number: 0) }
        else if raw == SlurmNumber.noVal64 { self.init(set: false, infinite: false, number: 0) }
        else { self.init(set: true, infinite: false, number: Int64(bitPattern: raw)) }
    }

    public func render(into w: inout JSONWriter) {
        w.beginObject()
        w.key("set"); w.value(set)
        w.key("infinite"); w.value(infinite)
        w.key("number"); w.value(number)
        w.endObject()
    }
}

/// Slurm's sentinel values (slurm/slurm.h).
public enum SlurmNumber {
    public static let infinite64: UInt64 = 0xffff_ffff_ffff_ffff
    public static let noVal64: UInt64 = 0xffff_ffff_ffff_fffe
    public static let infinite32: UInt32 = 0xffff_ffff
    public static let noVal32: UInt32 = 0xffff_fffe
}
