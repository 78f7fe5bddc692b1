/// Slurm's sentinel values (slurm/slurm.h).
public enum SlurmNumber {
    public static let infinite64: UInt64 = 0xffff_ffff_ffff_ffff
    public static let noVal64: UInt64 = 0xffff_ffff_ffff_fffe
    public static let infinite32: UInt32 = 0xffff_ffff
    public static let noVal32: UInt32 = 0xffff_fffe
    public static let infinite16: UInt16 = 0xffff
    public static let noVal16: UInt16 = 0xfffe
}
