/// Building request frames and reading reply frames (shared/docs/protocol.md §1).
///
/// A frame is `u32 length`, a header, an authentication section (absent when the header's flags
/// carry SLURM_NO_AUTH_CRED) and the body.
public enum RequestFrame {
    /// The 16-byte header a controller client sends, the same from 22.05 to 26.05: version, flags 0,
    /// message type, body length, no forwarding, no return list, an unspecified address.
    public static func header(version: ProtocolVersion, messageType: UInt16, bodyLength: Int) -> [UInt8] {
        var p = Packer(capacity: 16)
        p.u16(version.rawValue)
        p.u16(0)
        p.u16(messageType)
        p.u32(UInt32(bodyLength))
        p.u16(0)  // forward count
        p.u16(0)  // return list count
        p.u16(0)  // orig_addr family: AF_UNSPEC
        return p.bytes
    }

    /// The whole frame: the body is hashed into the credential before the header is written.
    public static func encode(version: ProtocolVersion, messageType: UInt16, body: [UInt8],
                              authenticator: Authenticator) throws -> [UInt8] {
        let auth = try authenticator.authSection(body: body, messageType: messageType)
        let head = header(version: version, messageType: messageType, bodyLength: body.count)
        var p = Packer(capacity: 4 + head.count + auth.count + body.count)
        p.u32(UInt32(head.count + auth.count + body.count))
        p.raw(head)
        p.raw(auth)
        p.raw(body)
        return p.bytes
    }
}

/// The header of a reply.
public struct ReplyHeader: Equatable, Sendable {
    public var version: ProtocolVersion
    public var flags: UInt16
    public var messageType: UInt16
    public var bodyLength: UInt32

    /// SLURM_NO_AUTH_CRED: no authentication section follows (replies from 23.02 on).
    public static let noAuthCredential: UInt16 = 0x40
    /// SLURM_PACK_ADDRS (23.11 on): a forwarding header carries a network credential.
    static let packAddresses: UInt16 = 0x80
}

public enum ResponseFrame {
    /// Splits a reply (the bytes after the u32 length) into header and body, skipping the
    /// authentication section a 22.05 controller adds.
    public static func decode(_ bytes: [UInt8]) throws(WireError) -> (ReplyHeader, [UInt8]) {
        var u = Unpacker(bytes)
        let version = ProtocolVersion(rawValue: try u.u16())
        let flags = try u.u16()
        let type = try u.u16()
        let bodyLength = try u.u32()
        let forwardCount = try u.u16()
        if forwardCount > 0 {
            _ = try u.string()  // node list
            _ = try u.u32()     // timeout
            _ = try u.u16()     // tree width
            if version >= .v23_11 && flags & ReplyHeader.packAddresses != 0 { _ = try u.string() }
            if version >= .v24_11 { _ = try u.u16() }  // tree depth
        }
        guard try u.u16() == 0 else { throw u.fail("a controller reply with a forwarded return list") }
        switch try u.u16() {  // orig_addr
        case 2: _ = try u.u32(); _ = try u.u16()           // AF_INET
        case 10: _ = try u.memory(); _ = try u.u16()       // AF_INET6
        default: break
        }
        if flags & ReplyHeader.noAuthCredential == 0 {
            switch try u.u32() {
            case 101, 103: _ = try u.string()                       // munge, slurm: one credential
            case 102: _ = try u.string(); _ = try u.string()        // jwt: token, user name
            case let other: throw u.fail("reply credential of unknown plugin \(other)")
            }
        }
        guard Int(bodyLength) == u.remaining else {
            throw u.fail("body length \(bodyLength) but \(u.remaining) bytes follow the header")
        }
        let header = ReplyHeader(version: version, flags: flags, messageType: type, bodyLength: bodyLength)
        return (header, Array(bytes[u.offset...]))
    }
}
