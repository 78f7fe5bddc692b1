import SlurmParsing

/// Slurm's "number with flags": a raw value where NO_VAL means unset and INFINITE means unlimited,
/// rendered as `{"set": Bool, "infinite": Bool, "number": N}`.
public struct NoValNumber: Sendable, Equatable {
    static let schema64 = ObjectSchema<NoValNumber>("v0.0.43_uint64_no_val_struct", [
        .bool("set", "True if number has been set; False if number is unset") { $0.set },
        .bool("infinite", "True if number has been set to infinite; \"set\" and \"number\" will be ignored") { $0.infinite },
        .int64("number", "If \"set\" is True the number will be set with value; otherwise ignore number contents") { $0.number },
    ])
    public static let component64 = schema64.component

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

    public func render(into w: inout JSONWriter) { Self.schema64.render(self, into: &w) }
}

/// Slurm's sentinel values (slurm/slurm.h).
public enum SlurmNumber {
    public static let infinite64: UInt64 = 0xffff_ffff_ffff_ffff
    public static let noVal64: UInt64 = 0xffff_ffff_ffff_fffe
}
