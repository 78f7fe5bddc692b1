import Foundation
@testable import SlurmController

/// Frames captured from the real 22.05, 24.11 and 26.05 controllers (shared/protocol-vectors),
/// exactly as on the wire: u32 length, header, credential, body.
enum Vectors {
    static let releases: [(String, ProtocolVersion)] = [("22.05", .v22_05), ("24.11", .v24_11), ("26.05", .v26_05)]

    static func frame(_ release: String, _ name: String) -> [UInt8] {
        let url = Bundle.module.url(forResource: name, withExtension: "bin", subdirectory: "Vectors/\(release)")!
        return [UInt8](try! Data(contentsOf: url))
    }

    /// The frame without its u32 length prefix, as `ResponseFrame.decode` takes it.
    static func reply(_ release: String, _ name: String) -> [UInt8] { Array(frame(release, name).dropFirst(4)) }

    /// Header and body of a captured request (its credential skipped).
    static func request(_ release: String, _ name: String) throws -> (header: [UInt8], body: [UInt8]) {
        let bytes = reply(release, name)
        let (_, body) = try ResponseFrame.decode(bytes)
        return (Array(bytes.prefix(16)), body)
    }
}
