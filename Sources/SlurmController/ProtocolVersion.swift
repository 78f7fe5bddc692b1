/// A Slurm RPC protocol version, as carried in the first u16 of every message header.
///
/// Each Slurm release speaks exactly one version; a controller accepts its own and two or three older
/// ones and answers in the version the client used (shared/docs/protocol.md §3).
public struct ProtocolVersion: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let v22_05 = ProtocolVersion(rawValue: 0x2600)
    public static let v23_02 = ProtocolVersion(rawValue: 0x2700)
    public static let v23_11 = ProtocolVersion(rawValue: 0x2800)
    public static let v24_05 = ProtocolVersion(rawValue: 0x2900)
    public static let v24_11 = ProtocolVersion(rawValue: 0x2a00)
    public static let v25_05 = ProtocolVersion(rawValue: 0x2b00)
    public static let v25_11 = ProtocolVersion(rawValue: 0x2c00)
    public static let v26_05 = ProtocolVersion(rawValue: 0x2d00)

    /// Every version this client can speak, newest first.
    public static let supported: [ProtocolVersion] = [.v26_05, .v25_11, .v25_05, .v24_11, .v24_05, .v23_11, .v23_02, .v22_05]

    /// The Slurm release that speaks this version, e.g. "24.11".
    public var release: String {
        switch rawValue {
        case 0x2600: "22.05"
        case 0x2700: "23.02"
        case 0x2800: "23.11"
        case 0x2900: "24.05"
        case 0x2a00: "24.11"
        case 0x2b00: "25.05"
        case 0x2c00: "25.11"
        case 0x2d00: "26.05"
        default: "0x" + String(rawValue, radix: 16)
        }
    }

    /// Parses a release name ("24.11") or a raw number ("0x2a00", "10752").
    public init?(releaseOrNumber text: String) {
        if let v = ProtocolVersion.supported.first(where: { $0.release == text }) { self = v; return }
        let number: UInt16?
        if text.hasPrefix("0x") || text.hasPrefix("0X") { number = UInt16(text.dropFirst(2), radix: 16) }
        else { number = UInt16(text) }
        guard let n = number, ProtocolVersion.supported.contains(ProtocolVersion(rawValue: n)) else { return nil }
        self.rawValue = n
    }

    public static func < (a: ProtocolVersion, b: ProtocolVersion) -> Bool { a.rawValue < b.rawValue }
    public var description: String { release }
}
