import SlurmParsing

/// Node state words as data_parser's NODE_STATES lists them (slurm/slurm.h values, the same from
/// 22.05 to 26.05): the base state in the low four bits, then one word per flag bit. INVALID is
/// the whole value NO_VAL (a node without a pending reboot state has it in `next_state`).
public enum NodeStateWords {
    /// NODE_STATE_BASE: the part of the state that holds one of the base states.
    public static let base: UInt32 = 0x0000_000f
    public static let mixed: UInt32 = 5

    public static let table = FlagTable([
        .equal("INVALID", 0xffff_fffe, mask: 0xffff_ffff),
        .equal("UNKNOWN", 0, mask: UInt64(base)),
        .equal("DOWN", 1, mask: UInt64(base)),
        .equal("IDLE", 2, mask: UInt64(base)),
        .equal("ALLOCATED", 3, mask: UInt64(base)),
        .equal("ERROR", 4, mask: UInt64(base)),
        .equal("MIXED", 5, mask: UInt64(base)),
        .equal("FUTURE", 6, mask: UInt64(base)),
        .bit("RESERVED", 1 << 5),
        .bit("UNDRAIN", 1 << 6),
        .bit("CLOUD", 1 << 7),
        .bit("RESUME", 1 << 8),
        .bit("DRAIN", 1 << 9),
        .bit("COMPLETING", 1 << 10),
        .bit("NOT_RESPONDING", 1 << 11),
        .bit("POWERED_DOWN", 1 << 12),
        .bit("FAIL", 1 << 13),
        .bit("POWERING_UP", 1 << 14),
        .bit("MAINTENANCE", 1 << 15),
        .bit("REBOOT_REQUESTED", 1 << 16),
        .bit("REBOOT_CANCELED", 1 << 17),
        .bit("POWERING_DOWN", 1 << 18),
        .bit("DYNAMIC_FUTURE", 1 << 19),
        .bit("REBOOT_ISSUED", 1 << 20),
        .bit("PLANNED", 1 << 21),
        .bit("INVALID_REG", 1 << 22),
        .bit("POWER_DOWN", 1 << 23),
        .bit("POWER_UP", 1 << 24),
        .bit("POWER_DRAIN", 1 << 25),
        .bit("DYNAMIC_NORM", 1 << 26),
    ])

    /// NODE_CERT_FLAGS: whether the node's TLS certificate token is set.
    public static let certFlags = FlagTable([.bit("TOKEN_SET", 1 << 0)])
}

extension Property {
    /// data_parser's CSV_STRING: a comma-separated string as an array of its non-empty parts.
    static func csvString(_ name: String, _ description: String, _ get: @escaping (Model) -> String?) -> Property {
        Property(name, .component(.csvString), description) { m, w in
            w.beginArray()
            for part in (get(m) ?? "").split(separator: ",") { w.value(String(part)) }
            w.endArray()
        }
    }

    /// data_parser's TIMESTAMP_NO_VAL: a time_t as a 64-bit no-val number (0 is a set 0, -1
    /// infinite, NO_VAL64 unset).
    static func timestampNoVal(_ name: String, _ description: String, required: Bool = false,
                               _ get: @escaping (Model) -> Int64) -> Property {
        .uint64NoVal(name, description, required: required) { UInt64(bitPattern: get($0)) }
    }

    /// A removed object the spec keeps inline (no named schema): empty, deprecated, rendered `{}`.
    static func removedInlineObject(_ name: String) -> Property {
        Property(name, .inlineObject([]), "", deprecated: true) { _, w in
            w.beginObject()
            w.endObject()
        }
    }
}
