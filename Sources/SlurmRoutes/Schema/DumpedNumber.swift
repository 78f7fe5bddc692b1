import SlurmController

/// How data_parser v0.0.43 of the real slurmrestd 26.05.5 (x86-64 build) writes numbers, including
/// the warnings it adds to the answer when it writes a placeholder instead of a value. Observed
/// against a stand-in controller sending chosen values (see SharesRenderingTests) and read from the
/// plugin's machine code where the source alone does not tell.
enum DumpedNumber {
    /// A `UINT64` field: INFINITE64 and NO_VAL64 are written as they are (so -1 and -2 once read as
    /// signed), each with a warning.
    static func uint64Warning(_ v: UInt64) -> String? {
        switch v {
        case SlurmNumber.infinite64: "Dumping (0xffffffffffffffff) as place holder for Infinity"
        case SlurmNumber.noVal64: "Dumping (0xfffffffffffffffe) as place holder for null"
        default: nil
        }
    }

    /// A `UINT32` field: INFINITE and NO_VAL are written as they are, each with a warning.
    static func uint32Warning(_ v: UInt32) -> String? {
        switch v {
        case SlurmNumber.infinite32: "Dumping (0xffffffff) as place holder for Infinity"
        case SlurmNumber.noVal32: "Dumping (0xfffffffe) as place holder for null"
        default: nil
        }
    }

    /// A `FLOAT64` field: infinities (and the all-ones bit pattern) become INFINITE64, NaN and NO_VAL
    /// become NO_VAL, each with a warning.
    static func float64(_ d: Double) -> (value: Double, warning: String?) {
        if d.bitPattern == UInt64.max || d.isInfinite {
            return (Double(SlurmNumber.infinite64), "Dumping (0xffffffffffffffff) as place holder for Infinity")
        }
        if d == Double(SlurmNumber.noVal32) || d.isNaN {
            return (Double(SlurmNumber.noVal32), "Dumping (0xfffffffe) as place holder for null")
        }
        return (d, nil)
    }

    /// A `FLOAT64_NO_VAL` field. The plugin's test is only `(uint32_t) value` against INFINITE and
    /// NO_VAL (its isinf/isnan checks are gone from the build): the x86-64 conversion truncates to a
    /// 64-bit integer and keeps the low 32 bits, and gives 0 for NaN, infinities and values beyond
    /// 64 bits. So -1.0 reads as infinite, -2.0 as unset, while NaN and infinity are "set" and their
    /// number is written as `FLOAT64` writes it.
    static func float64NoVal(_ d: Double) -> (number: NoValNumber, warning: String?) {
        switch truncatedLow32(d) {
        case SlurmNumber.infinite32: return (NoValNumber(set: false, infinite: true, number: .double(0)), nil)
        case SlurmNumber.noVal32: return (NoValNumber(set: false, infinite: false, number: .double(0)), nil)
        default:
            let (value, warning) = float64(d)
            return (NoValNumber(set: true, infinite: false, number: .double(value)), warning)
        }
    }

    /// `cvttsd2si` then the low 32 bits.
    static func truncatedLow32(_ d: Double) -> UInt32 {
        guard d >= -9_223_372_036_854_775_808.0, d < 9_223_372_036_854_775_808.0 else { return 0 }
        return UInt32(truncatingIfNeeded: Int64(d))
    }

    /// A `FLOAT128` (long double) field: infinities become INFINITE64 and NO_VAL stays NO_VAL, with a
    /// warning each; beyond the range of a double the plugin writes an infinity (which the JSON writer
    /// turns into INFINITE64), naming the value in the warning.
    static func float128(_ x: LongDouble) -> (value: Double, warning: String?) {
        if x.isInfinite {
            return (Double(SlurmNumber.infinite64), "Dumping (0xffffffffffffffff) as place holder for Infinity")
        }
        if x == LongDouble(SlurmNumber.noVal32) || x.isNaN {
            return (Double(SlurmNumber.noVal32), "Dumping (0xfffffffe) as place holder for null")
        }
        if x > LongDouble(Double.greatestFiniteMagnitude) {
            return (Double(SlurmNumber.infinite64),
                    "Dumping \(LongDoubleText.format(x, conversion: "g")) using +Infinity as place holder")
        }
        if x < -LongDouble(Double.greatestFiniteMagnitude) {
            return (Double(SlurmNumber.infinite64),
                    "Dumping \(LongDoubleText.format(x, conversion: "g")) using -Infinity as place holder")
        }
        return (Double(x), nil)
    }
}

/// The warnings of `DumpedNumber` for plain counters, as entries of the answer's `warnings`, in the
/// order the original renders the fields.
enum DumpPlaceholder {
    static func warning(_ raw: UInt32) -> APIWarning? {
        DumpedNumber.uint32Warning(raw).map { APIWarning(description: $0, source: "") }
    }

    static func warning(_ raw: UInt64) -> APIWarning? {
        DumpedNumber.uint64Warning(raw).map { APIWarning(description: $0, source: "") }
    }
}
