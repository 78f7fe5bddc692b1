import SlurmController
/// Property kinds and data_parser habits the partition and reservation schemas need; none is
/// specific to them (job memory requests and plain counters elsewhere behave the same).

/// Slurm keeps "per CPU" and "per node" memory in one u64: bit 63 (MEM_PER_CPU) set means per CPU.
enum MemoryPer {
    static let cpuBit: UInt64 = 0x8000_0000_0000_0000

    /// The per-CPU amount, or NO_VAL64 when the value is per node (data_parser `MEM_PER_CPUS`).
    static func cpu(_ raw: UInt64) -> UInt64 { raw & cpuBit != 0 ? raw & ~cpuBit : SlurmNumber.noVal64 }

    /// The per-node amount, or NO_VAL64 when the value is per CPU (data_parser `MEM_PER_NODE`).
    static func node(_ raw: UInt64) -> UInt64 { raw & cpuBit == 0 ? raw : SlurmNumber.noVal64 }
}

extension Property {
    /// `v0.0.43_uint64_no_val_struct` of the per-CPU half of a memory value.
    static func memoryPerCPU(_ name: String, _ description: String, _ get: @escaping (Model) -> UInt64) -> Property {
        .uint64NoVal(name, description) { MemoryPer.cpu(get($0)) }
    }

    /// `v0.0.43_uint64_no_val_struct` of the per-node half of a memory value.
    static func memoryPerNode(_ name: String, _ description: String, _ get: @escaping (Model) -> UInt64) -> Property {
        .uint64NoVal(name, description) { MemoryPer.node(get($0)) }
    }
}

/// The original prints a plain (not no-val) u32 or u64 that holds INFINITE or NO_VAL as that raw
/// number and adds a warning for each such value, in the order it renders them (data_parser
/// `UINT32`/`UINT64` dumpers; the constant is named as the C macro expands, parentheses included).
enum DumpPlaceholder {
    static func warning(_ raw: UInt32) -> APIWarning? {
        if raw == SlurmNumber.infinite32 { return placeholder("(0xffffffff)", "Infinity") }
        if raw == SlurmNumber.noVal32 { return placeholder("(0xfffffffe)", "null") }
        return nil
    }

    static func warning(_ raw: UInt64) -> APIWarning? {
        if raw == SlurmNumber.infinite64 { return placeholder("(0xffffffffffffffff)", "Infinity") }
        if raw == SlurmNumber.noVal64 { return placeholder("(0xfffffffffffffffe)", "null") }
        return nil
    }

    static func placeholder(_ constant: String, _ meaning: String) -> APIWarning {
        APIWarning(description: "Dumping \(constant) as place holder for \(meaning)", source: "")
    }
}

extension Envelope {
    /// Whether slurm.conf names no accounting storage (`meta.plugin.accounting_storage` is empty
    /// then, as `SlurmConf` reads "…none…" as no type): data that needs the TRES or QOS tables of
    /// slurmdbd then comes with the original's warning.
    var accountingDisabled: Bool { meta.accountingStorage.isEmpty }

    /// The original's warning when a dump needs slurmdbd's tables and accounting is disabled.
    static func accountingDisabledWarning(needs: String) -> APIWarning {
        APIWarning(description: "Slurm accounting storage is disabled. Could not query the following: [\(needs)].",
                   source: "")
    }
}

extension Property {
    /// A field the data_parser keeps in the spec after the data went away (`add_parser_removed`):
    /// marked deprecated, rendered as the empty object the original prints for a removed object.
    static func removedObject(_ name: String, _ component: SchemaComponent, _ description: String) -> Property {
        Property(name, .component(component), description, deprecated: true) { _, w in
            w.beginObject()
            w.endObject()
        }
    }
}
