/// The words a flag or state field renders as, declared once for the spec's `enum` and for rendering,
/// in the order the original lists them. Two kinds of entry, as in Slurm's data_parser: a bit that
/// is set, or a value that a masked part of the field equals (states kept in the low bits). As in
/// data_parser, once a value entry has matched, later bit entries within its mask are not tested:
/// NO_VAL renders as INVALID alone, not followed by every flag its bits would spell.
public struct FlagTable: Sendable {
    public struct Entry: Sendable {
        public let word: String
        let value: UInt64
        let mask: UInt64
        /// Listed in the spec but never rendered (aliases the original keeps for parsing).
        let hidden: Bool

        /// A single bit (or group of bits that must all be set).
        public static func bit(_ word: String, _ value: UInt64, hidden: Bool = false) -> Entry {
            Entry(word: word, value: value, mask: value, hidden: hidden)
        }

        /// The part of the field under `mask` equals `value`.
        public static func equal(_ word: String, _ value: UInt64, mask: UInt64, hidden: Bool = false) -> Entry {
            Entry(word: word, value: value, mask: mask, hidden: hidden)
        }

        var isValue: Bool { mask != value }
    }

    public let entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    var specWords: [String] { entries.map(\.word) }

    /// The words `raw` renders as, in table order.
    public func words(_ raw: UInt64) -> [String] {
        var out: [String] = []
        forEachWord(in: raw) { out.append($0) }
        return out
    }

    func forEachWord(in raw: UInt64, _ body: (String) -> Void) {
        var coveredByValue: UInt64 = 0
        for e in entries where !e.hidden {
            if e.isValue {
                guard raw & e.mask == e.value else { continue }
                coveredByValue |= e.mask
            } else {
                guard e.value != 0, raw & e.value == e.value, coveredByValue & e.value == 0 else { continue }
            }
            body(e.word)
        }
    }
}
