/// Writes Slurm's wire primitives (src/common/pack.c): big-endian integers and length-prefixed strings.
public struct Packer: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func u8(_ v: UInt8) { bytes.append(v) }
    public mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
    public mutating func u16(_ v: UInt16) { bytes.append(UInt8(v >> 8)); bytes.append(UInt8(v & 0xff)) }
    public mutating func u32(_ v: UInt32) {
        bytes.append(UInt8(v >> 24)); bytes.append(UInt8((v >> 16) & 0xff))
        bytes.append(UInt8((v >> 8) & 0xff)); bytes.append(UInt8(v & 0xff))
    }
    public mutating func u64(_ v: UInt64) { u32(UInt32(v >> 32)); u32(UInt32(v & 0xffff_ffff)) }
    /// `pack_time`: a time_t promoted to a signed 64-bit integer.
    public mutating func time(_ v: Int64) { u64(UInt64(bitPattern: v)) }

    /// `packstr`: u32 length including the trailing NUL, the bytes, the NUL; nil is `u32 0`.
    public mutating func string(_ s: String?) {
        guard let s else { u32(0); return }
        let utf8 = Array(s.utf8)
        u32(UInt32(utf8.count + 1))
        bytes.append(contentsOf: utf8)
        bytes.append(0)
    }

    /// `packmem`: u32 length then the bytes.
    public mutating func memory(_ m: [UInt8]) {
        u32(UInt32(m.count))
        bytes.append(contentsOf: m)
    }

    public mutating func raw(_ m: [UInt8]) { bytes.append(contentsOf: m) }
}
