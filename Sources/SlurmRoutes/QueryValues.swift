import SlurmController

/// Typed readers of the query parameters several read endpoints share. A value that does not
/// parse is the client's mistake: a 400 naming the parameter, with the error number the original
/// reports for it (where the original answers 500; docs/compatibility.md).
enum QueryValues {
    /// `update_time`: a UNIX timestamp (seconds); 0 when absent, which asks for everything.
    static func updateTime(_ context: RequestContext) throws(InputError) -> Int64 { try updateTime(context.query) }

    static func updateTime(_ query: [(String, String)]) throws(InputError) -> Int64 {
        guard let text = Query.value("update_time", in: query) else { return 0 }
        guard let seconds = Int64(text), seconds >= 0 else {
            throw InputError(.dataConversionFailed, at: "#/update_time/", "update_time must be a UNIX timestamp, not \"\(text)\"")
        }
        return seconds
    }

    /// The words `flags` accepts on the job, node and partition queries, with their SHOW_* bits
    /// (slurm/slurm.h), in the spec's order.
    static let showFlagWords: [(word: String, bit: UInt16)] = [
        ("ALL", ShowFlags.all), ("DETAIL", ShowFlags.detail), ("MIXED", ShowFlags.mixed), ("LOCAL", ShowFlags.local),
        ("SIBLING", ShowFlags.sibling), ("FEDERATION", ShowFlags.federation), ("FUTURE", ShowFlags.future),
    ]

    static let flagsParameter = Parameter.query("flags", "Query flags", words: showFlagWords.map(\.word))
    static func updateTimeParameter(_ what: String) -> Parameter {
        .query("update_time", "Query \(what) updated more recently than this time (UNIX timestamp)")
    }

    /// `flags`: one word, or several separated by commas, or the parameter repeated (the original
    /// combines repeated flags); nil when absent.
    static func showFlags(_ context: RequestContext) throws(InputError) -> UInt16? { try showFlags(context.query) }

    static func showFlags(_ query: [(String, String)]) throws(InputError) -> UInt16? {
        let texts = Query.values("flags", in: query)
        if texts.isEmpty { return nil }
        var bits: UInt16 = 0
        for text in texts {
            for word in text.split(separator: ",", omittingEmptySubsequences: false) {
                guard let known = showFlagWords.first(where: { $0.word == word.uppercased() }) else {
                    throw InputError(.dataFlagsInvalid, at: "#/flags/", "Unknown flag \"\(word)\"")
                }
                bits |= known.bit
            }
        }
        return bits
    }
}
