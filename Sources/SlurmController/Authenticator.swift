/// Produces the authentication section of one RPC frame: `u32 plugin_id` followed by the plugin's data
/// (shared/docs/protocol.md §2). The body and message type are given because auth/munge binds the
/// credential to a hash of the body.
public protocol Authenticator: Sendable {
    func authSection(body: [UInt8], messageType: UInt16) throws -> [UInt8]
}
