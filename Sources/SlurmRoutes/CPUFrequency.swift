import SlurmController

/// A CPU frequency request as `--cpu-freq` and the REST `cpu_frequency` field take it
/// (`cpu_freq_verify_cmdline`, src/common/cpu_frequency.c): `p1[-p2][:p3]`, where p1 and p2 are
/// kHz or `low`, `medium`, `high`, `highm1`, and a governor is p1 alone or p3.
struct CPUFrequency: Equatable {
    var minimum = SlurmNumber.noVal32
    var maximum = SlurmNumber.noVal32
    var governor = SlurmNumber.noVal32

    static let rangeFlag: UInt32 = 0x8000_0000
    static let low: UInt32 = 0x8000_0001
    static let medium: UInt32 = 0x8000_0002
    static let high: UInt32 = 0x8000_0003
    static let highMinus1: UInt32 = 0x8000_0004
    static let conservative: UInt32 = 0x8800_0000
    static let onDemand: UInt32 = 0x8400_0000
    static let performance: UInt32 = 0x8200_0000
    static let powerSave: UInt32 = 0x8100_0000
    static let userSpace: UInt32 = 0x8080_0000
    static let schedUtil: UInt32 = 0x8040_0000

    /// The governors slurm.conf allows. The gateway does not read CpuFreqGovernors or CpuFreqDef:
    /// this is CpuFreqGovernors' default, and without CpuFreqDef a range needs its governor.
    static let allowedGovernors = onDemand | performance | userSpace

    struct Invalid: Error, Equatable {
        let reason: String
    }

    static func parse(_ text: String) throws(Invalid) -> CPUFrequency {
        var out = CPUFrequency()
        var p1: Substring, p2: Substring?, p3: Substring?
        let colon = text.firstIndex(of: ":")
        if let colon { p3 = text[text.index(after: colon)...] }
        if let dash = text.firstIndex(of: "-") {
            p1 = text[..<dash]
            p2 = colon.map { text[text.index(after: dash)..<max($0, text.index(after: dash))] } ?? text[text.index(after: dash)...]
        } else {
            p1 = colon.map { text[..<$0] } ?? Substring(text)
        }
        if let gov = governor(p1) {
            guard p3 == nil else { throw Invalid(reason: "a governor cannot be given twice") }
            out.governor = gov
        } else {
            out.maximum = try frequency(p1)
        }
        if let p2 {
            guard p3 != nil else {
                throw Invalid(reason: "a frequency range needs a governor (p1-p2:governor)")
            }
            out.minimum = out.maximum
            out.maximum = try frequency(p2)
            // The comparison is the original's: on the raw values, keywords included.
            guard out.maximum >= out.minimum else { throw Invalid(reason: "the minimum frequency is above the maximum") }
        }
        if let p3 {
            guard let gov = governor(p3) else { throw Invalid(reason: "unknown governor \"\(p3)\"") }
            if p2 == nil {
                guard gov == userSpace else { throw Invalid(reason: "a governor other than UserSpace needs a range") }
            } else {
                guard gov != userSpace else { throw Invalid(reason: "the UserSpace governor takes no range") }
            }
            out.governor = gov
        }
        if out.governor == SlurmNumber.noVal32, p2 == nil, p3 == nil { out.governor = userSpace }
        if out.governor != SlurmNumber.noVal32, (out.governor & allowedGovernors) & ~rangeFlag == 0 {
            throw Invalid(reason: "the governor is not allowed by slurm.conf")
        }
        return out
    }

    /// `_cpu_freq_check_gov`: a governor name by its leading letters, case-insensitive.
    static func governor(_ word: Substring) -> UInt32? {
        let w = word.lowercased()
        if w.hasPrefix("co") { return conservative }
        if w.hasPrefix("perf") { return performance }
        if w.hasPrefix("pow") { return powerSave }
        if w.hasPrefix("user") { return userSpace }
        if w.hasPrefix("onde") { return onDemand }
        if w.hasPrefix("sche") { return schedUtil }
        return nil
    }

    /// `_cpu_freq_check_freq`: a keyword by its leading letters, or a positive number of kHz.
    static func frequency(_ word: Substring) throws(Invalid) -> UInt32 {
        let w = word.lowercased()
        if w.hasPrefix("lo") { return low }
        if w.hasPrefix("him1") || w.hasPrefix("highm1") { return highMinus1 }
        if w.hasPrefix("hi") { return high }
        if w.hasPrefix("med") { return medium }
        guard let n = CNumber.strtol(word), n.rest.isEmpty, n.value > 0, n.value < Int(rangeFlag) else {
            throw Invalid(reason: "\"\(word)\" is not a frequency")
        }
        return UInt32(n.value)
    }
}
