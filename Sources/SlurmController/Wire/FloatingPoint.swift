/// `packdouble` (src/common/pack.c): the value times 1,000,000, sent as the IEEE 754 bits of that
/// double in a big-endian u64.
let doubleScale = 1_000_000.0

extension Unpacker {
    public mutating func double() throws(WireError) -> Double {
        Double(bitPattern: try u64()) / doubleScale
    }
}

extension Packer {
    public mutating func double(_ v: Double) { u64((v * doubleScale).bitPattern) }
}

extension Field {
    public static func double(_ name: String, _ path: WritableKeyPath<Model, Double>, since: ProtocolVersion = .v22_05,
                              until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.double($1) }) { (u: inout Unpacker) throws(WireError) in try u.double() }
    }
}
