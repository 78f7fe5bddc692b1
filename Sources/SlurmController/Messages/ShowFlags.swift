/// The SHOW_* bits of job, node and partition queries (slurm/slurm.h, the same from 22.05 to 26.05).
public enum ShowFlags {
    public static let all: UInt16 = 0x0001
    public static let detail: UInt16 = 0x0002
    public static let mixed: UInt16 = 0x0008
    public static let local: UInt16 = 0x0010
    public static let sibling: UInt16 = 0x0020
    public static let federation: UInt16 = 0x0040
    public static let future: UInt16 = 0x0080
}
