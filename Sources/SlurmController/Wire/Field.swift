/// One field of a message as it travels on the wire, with the releases that carry it: present from
/// `since` up to (not including) `until`, and only when `condition` holds for what was read before
/// it. A message is a table of these, declared once; encoding and decoding both walk the table, so
/// supporting another release means adding markers, not code.
public struct Field<Model> {
    public let name: String
    let since: ProtocolVersion
    let until: ProtocolVersion?
    let condition: ((Model, ProtocolVersion) -> Bool)?
    let encode: (Model, ProtocolVersion, inout Packer) -> Void
    let decode: (inout Model, ProtocolVersion, inout Unpacker) throws(WireError) -> Void

    func isPresent(in version: ProtocolVersion, _ model: Model) -> Bool {
        isInRange(version) && (condition?(model, version) ?? true)
    }

    func isInRange(_ version: ProtocolVersion) -> Bool {
        version >= since && (until.map { version < $0 } ?? true)
    }

    init(_ name: String, since: ProtocolVersion, until: ProtocolVersion?, when condition: ((Model, ProtocolVersion) -> Bool)?,
         encode: @escaping (Model, ProtocolVersion, inout Packer) -> Void,
         decode: @escaping (inout Model, ProtocolVersion, inout Unpacker) throws(WireError) -> Void) {
        self.name = name
        self.since = since
        self.until = until
        self.condition = condition
        self.encode = encode
        self.decode = decode
    }
}

extension Field {
    /// Builds a field from a key path and the primitive's reader and writer.
    static func primitive<Value>(_ name: String, _ path: WritableKeyPath<Model, Value>, since: ProtocolVersion,
                                 until: ProtocolVersion?, when: ((Model, ProtocolVersion) -> Bool)?,
                                 _ write: @escaping (inout Packer, Value) -> Void,
                                 _ read: @escaping (inout Unpacker) throws(WireError) -> Value) -> Field {
        Field(name, since: since, until: until, when: when,
              encode: { m, _, p in write(&p, m[keyPath: path]) },
              decode: { (m: inout Model, _: ProtocolVersion, u: inout Unpacker) throws(WireError) in
                  m[keyPath: path] = try read(&u)
              })
    }

    public static func u8(_ name: String, _ path: WritableKeyPath<Model, UInt8>, since: ProtocolVersion = .v22_05,
                          until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.u8($1) }) { (u: inout Unpacker) throws(WireError) in try u.u8() }
    }

    public static func bool(_ name: String, _ path: WritableKeyPath<Model, Bool>, since: ProtocolVersion = .v22_05,
                            until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.bool($1) }) { (u: inout Unpacker) throws(WireError) in try u.bool() }
    }

    public static func u16(_ name: String, _ path: WritableKeyPath<Model, UInt16>, since: ProtocolVersion = .v22_05,
                           until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.u16($1) }) { (u: inout Unpacker) throws(WireError) in try u.u16() }
    }

    public static func u32(_ name: String, _ path: WritableKeyPath<Model, UInt32>, since: ProtocolVersion = .v22_05,
                           until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.u32($1) }) { (u: inout Unpacker) throws(WireError) in try u.u32() }
    }

    /// A u32 on the wire held in a 64-bit property: for fields widened to u64 in a later release.
    public static func u32(_ name: String, _ path: WritableKeyPath<Model, UInt64>, since: ProtocolVersion = .v22_05,
                           until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.u32(UInt32(truncatingIfNeeded: $1)) }) {
            (u: inout Unpacker) throws(WireError) in UInt64(try u.u32())
        }
    }

    public static func u64(_ name: String, _ path: WritableKeyPath<Model, UInt64>, since: ProtocolVersion = .v22_05,
                           until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.u64($1) }) { (u: inout Unpacker) throws(WireError) in try u.u64() }
    }

    public static func time(_ name: String, _ path: WritableKeyPath<Model, Int64>, since: ProtocolVersion = .v22_05,
                            until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.time($1) }) { (u: inout Unpacker) throws(WireError) in try u.time() }
    }

    public static func string(_ name: String, _ path: WritableKeyPath<Model, String?>, since: ProtocolVersion = .v22_05,
                              until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.string($1) }) { (u: inout Unpacker) throws(WireError) in try u.string() }
    }

    public static func u16Array(_ name: String, _ path: WritableKeyPath<Model, [UInt16]>, since: ProtocolVersion = .v22_05,
                                until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.u16Array($1) }) { (u: inout Unpacker) throws(WireError) in try u.u16Array() }
    }

    public static func u32Array(_ name: String, _ path: WritableKeyPath<Model, [UInt32]>, since: ProtocolVersion = .v22_05,
                                until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.u32Array($1) }) { (u: inout Unpacker) throws(WireError) in try u.u32Array() }
    }

    public static func u64Array(_ name: String, _ path: WritableKeyPath<Model, [UInt64]>, since: ProtocolVersion = .v22_05,
                                until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.u64Array($1) }) { (u: inout Unpacker) throws(WireError) in try u.u64Array() }
    }

    public static func stringArray(_ name: String, _ path: WritableKeyPath<Model, [String]>, since: ProtocolVersion = .v22_05,
                                   until: ProtocolVersion? = nil, when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        primitive(name, path, since: since, until: until, when: when, { $0.stringArray($1) }) { (u: inout Unpacker) throws(WireError) in try u.stringArray() }
    }
}

extension Field {
    /// Records of another table whose number was read earlier into `count` (the count and the
    /// records need not be adjacent on the wire).
    public static func records<Element: WireMessage>(_ name: String, _ path: WritableKeyPath<Model, [Element]>,
                                                     count: KeyPath<Model, UInt32>,
                                                     since: ProtocolVersion = .v22_05, until: ProtocolVersion? = nil,
                                                     when: ((Model, ProtocolVersion) -> Bool)? = nil) -> Field {
        Field(name, since: since, until: until, when: when,
              encode: { m, version, p in
                  for e in m[keyPath: path] { Element.fields.encode(e, version: version, into: &p) }
              },
              decode: { (m: inout Model, version: ProtocolVersion, u: inout Unpacker) throws(WireError) in
                  m[keyPath: path] = try decodeRecords(Int(m[keyPath: count]), name, version, &u)
              })
    }

    /// Records after a u16 count of their own, as Slurm packs a list of job descriptions or of
    /// allocation responses (a count above NO_VAL16 is refused, as the C reader does).
    static func u16CountedRecords<Element: WireMessage>(_ name: String, _ path: WritableKeyPath<Model, [Element]>) -> Field {
        Field(name, since: .v22_05, until: nil, when: nil,
              encode: { m, version, p in
                  let records = m[keyPath: path]
                  p.u16(UInt16(truncatingIfNeeded: records.count))
                  for e in records { Element.fields.encode(e, version: version, into: &p) }
              },
              decode: { (m: inout Model, version: ProtocolVersion, u: inout Unpacker) throws(WireError) in
                  let n = Int(try u.u16())
                  guard n <= Int(SlurmNumber.noVal16) else { throw u.fail("\(name): count \(n) exceeds the message") }
                  m[keyPath: path] = try decodeRecords(n, name, version, &u)
              })
    }

    /// `n` records of `Element`'s table, each validated.
    static func decodeRecords<Element: WireMessage>(_ n: Int, _ name: String, _ version: ProtocolVersion,
                                                    _ u: inout Unpacker) throws(WireError) -> [Element] {
        guard n <= u.remaining else { throw u.fail("\(name): count \(n) exceeds the message") }
        var out: [Element] = []
        // A decoded record is far larger than its smallest wire form (a job: 1,752 bytes for a few
        // hundred), so a forged count reserves no more than the bytes left.
        out.reserveCapacity(min(n, u.remaining / MemoryLayout<Element>.stride))
        for _ in 0..<n {
            let e = try Element.fields.decode(from: &u, version: version)
            try e.validate()
            out.append(e)
        }
        return out
    }
}

/// A message's field table.
public struct FieldTable<Model> {
    public let fields: [Field<Model>]

    public init(_ fields: [Field<Model>]) { self.fields = fields }

    /// The names of the fields a release carries (for a model whose conditions all hold).
    public func names(in version: ProtocolVersion, for model: Model) -> [String] {
        fields.filter { $0.isPresent(in: version, model) }.map(\.name)
    }

    public func encode(_ model: Model, version: ProtocolVersion, into p: inout Packer) {
        for f in fields where f.isPresent(in: version, model) { f.encode(model, version, &p) }
    }
}

extension FieldTable where Model: WireMessage {
    public func decode(from u: inout Unpacker, version: ProtocolVersion) throws(WireError) -> Model {
        var m = Model()
        for f in fields where f.isInRange(version) {
            // Only a condition gets the model: handing over the half-built model copies it, which
            // for a large record (a job) costs more than the field itself.
            if let condition = f.condition, !condition(m, version) { continue }
            try f.decode(&m, version, &u)
        }
        return m
    }
}

/// A message with a wire layout: a field table, which may differ per version only through markers.
public protocol WireMessage {
    init()
    static var fields: FieldTable<Self> { get }
    /// Checks what the table cannot express (e.g. parallel arrays of equal length).
    func validate() throws(WireError)
    /// Whether leaving out `field` loses nothing, because other fields every release carries say
    /// the same (e.g. a job's node count range, also in its minimum and maximum node counts).
    func canLeaveOut(_ field: String) -> Bool
    /// The fields set here that `version` does not carry (see the default implementation).
    func fieldsLost(in version: ProtocolVersion) -> [String]
}

extension WireMessage {
    public func validate() throws(WireError) {}
    public func canLeaveOut(_ field: String) -> Bool { false }

    /// The fields this message sets (it differs there from a fresh `Self()`) that came with a
    /// release after `version`: sent in that version, they would be dropped without a word. A field
    /// is compared by its encoding in the first release that has it. Fields a later release dropped
    /// are not counted: their content moved elsewhere (a job id into the step id) or lost its use.
    public func fieldsLost(in version: ProtocolVersion) -> [String] {
        let all = Self.fields.fields
        let carried = Set(all.lazy.filter { $0.isInRange(version) }.map(\.name))
        let unset = Self()
        var lost: [String] = []
        for f in all where version < f.since && !carried.contains(f.name) && !lost.contains(f.name) {
            var mine = Packer(), fresh = Packer()
            f.encode(self, f.since, &mine)
            f.encode(unset, f.since, &fresh)
            if mine.bytes != fresh.bytes && !canLeaveOut(f.name) { lost.append(f.name) }
        }
        return lost
    }

    /// The encoding for `version`, refused when the release cannot carry what the message sets.
    public func encodeWhole(version: ProtocolVersion) throws(ControllerError) -> [UInt8] {
        let lost = fieldsLost(in: version)
        guard lost.isEmpty else { throw .fieldsNotInRelease(lost, version) }
        return encode(version: version)
    }

    public func encode(version: ProtocolVersion) -> [UInt8] {
        var p = Packer()
        Self.fields.encode(self, version: version, into: &p)
        return p.bytes
    }

    /// Decodes a whole body: every byte must be consumed.
    public static func decode(_ body: [UInt8], version: ProtocolVersion) throws(WireError) -> Self {
        var u = Unpacker(body)
        let m = try fields.decode(from: &u, version: version)
        try m.validate()
        guard u.remaining == 0 else { throw u.fail("\(u.remaining) bytes left after \(Self.self)") }
        return m
    }
}
