import SlurmController
/// Memory values that are per CPU or per node, and the accounting-off warning: data_parser habits
/// that partitions, jobs and shares share.

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
