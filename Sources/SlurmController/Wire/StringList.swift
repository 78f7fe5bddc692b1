/// NO_VAL as a list count: the sender had no list at all.
private let listAbsent: UInt32 = 0xffff_fffe

extension Unpacker {
    /// A list of strings (`slurm_pack_list` of `packstr`, or 22.05's loop writing the same bytes): nil
    /// when the sender had no list (count NO_VAL); a count above NO_VAL is an error.
    public mutating func stringList() throws(WireError) -> [String]? {
        let n = try u32()
        if n == listAbsent { return nil }
        guard Int(n) <= remaining / 4 else { throw fail("string list: count \(n) exceeds the message") }
        var out: [String] = []
        out.reserveCapacity(Int(n))
        for _ in 0..<n { out.append(try string() ?? "") }
        return out
    }
}

extension Packer {
    public mutating func stringList(_ list: [String]?) {
        guard let list else { u32(listAbsent); return }
        u32(UInt32(list.count))
        for s in list { string(s) }
    }
}

extension Field {
    public static func stringList(_ name: String, _ path: WritableKeyPath<Model, [String]?>, since: ProtocolVersion = .v22_05,
                                  until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.stringList($1) }) {
            (u: inout Unpacker) throws(WireError) in try u.stringList()
        }
    }
}
