import SlurmController

/// A job named the way Slurm's tools accept it (`unfmt_job_id_string`, without array ranges):
/// `123`, an array task `123_4`, a heterogeneous component `123+1`, a step `123.0`, `123.batch` or
/// `123.0+1`, or a SLUID (`s` and 13 base-32 digits, optionally with a step).
struct SelectedJob: Equatable {
    var jobID: UInt32 = SlurmNumber.noVal32
    var sluid: UInt64 = 0
    var arrayTaskID: UInt32 = SlurmNumber.noVal32
    var hetJobOffset: UInt32 = SlurmNumber.noVal32
    var stepID: UInt32 = SlurmNumber.noVal32
    var stepHetComponent: UInt32 = SlurmNumber.noVal32

    /// Why a text is not a job id.
    struct Invalid: Error, Equatable {
        let reason: String
    }

    static let maxJobID: UInt32 = 0x03ff_ffff
    static let maxFederatedJobID = 0xffff_fffd
    static let maxHetComponents = 128
    static let maxNormalStepID = 0xffff_fff0
    /// Step names and their ids (SLURM_PENDING_STEP, SLURM_EXTERN_CONT, SLURM_BATCH_SCRIPT,
    /// SLURM_INTERACTIVE_STEP), matched as case-insensitive prefixes.
    static let stepNames: [(name: String, id: UInt32)] = [
        ("tbd", 0xffff_fffd), ("extern", 0xffff_fffc), ("batch", 0xffff_fffb), ("interactive", 0xffff_fffa),
    ]

    static func parse(_ text: String) throws(Invalid) -> SelectedJob {
        var id = SelectedJob()
        let s = Array(text.utf8)
        guard !s.isEmpty else { throw Invalid(reason: "the job id is empty") }
        if s[0] == UInt8(ascii: "s") { return try parseSLUID(s) }
        let job = number(s, from: 0)
        guard let value = job.value, value != 0 else { throw Invalid(reason: "the job id is not a positive number") }
        guard value > 0 else { throw Invalid(reason: "the job id is negative") }
        guard value < maxFederatedJobID else { throw Invalid(reason: "the job id is too large") }
        id.jobID = UInt32(value)
        var i = job.end
        if i < s.count, s[i] == UInt8(ascii: "_") {
            guard i + 1 < s.count else { throw Invalid(reason: "the array task id is empty") }
            guard s[i + 1] != UInt8(ascii: "[") else { throw Invalid(reason: "array task ranges are not accepted here") }
            let task = number(s, from: i + 1)
            guard let t = task.value else { throw Invalid(reason: "the array task id is not a number") }
            guard t >= 0 else { throw Invalid(reason: "the array task id is negative") }
            guard t < Int(SlurmNumber.noVal32) else { throw Invalid(reason: "the array task id is too large") }
            id.arrayTaskID = UInt32(t)
            i = task.end
        }
        if i < s.count, s[i] == UInt8(ascii: "+") {
            guard id.arrayTaskID == SlurmNumber.noVal32 else { throw Invalid(reason: "a job is either an array task or a heterogeneous component") }
            guard i + 1 < s.count else { throw Invalid(reason: "the heterogeneous component is empty") }
            let het = number(s, from: i + 1)
            guard let h = het.value else { throw Invalid(reason: "the heterogeneous component is not a number") }
            guard h >= 0 else { throw Invalid(reason: "the heterogeneous component is negative") }
            guard h <= maxHetComponents else { throw Invalid(reason: "the heterogeneous component is too large") }
            id.hetJobOffset = UInt32(h)
            i = het.end
            if i < s.count, s[i] == UInt8(ascii: "_") {
                throw Invalid(reason: "a job is either an array task or a heterogeneous component")
            }
        }
        if i == s.count { return id }
        guard s[i] == UInt8(ascii: ".") else { throw Invalid(reason: "unexpected text after the job id") }
        try parseStep(s, from: i + 1, into: &id)
        return id
    }

    /// `.step`, then optionally `+component` (not after a heterogeneous job component).
    static func parseStep(_ s: [UInt8], from start: Int, into id: inout SelectedJob) throws(Invalid) {
        guard start < s.count else { throw Invalid(reason: "the step id is empty") }
        var i: Int
        let step = number(s, from: start)
        if let v = step.value {
            guard v >= 0 else { throw Invalid(reason: "the step id is negative") }
            guard v < maxNormalStepID else { throw Invalid(reason: "the step id is too large") }
            id.stepID = UInt32(v)
            i = step.end
        } else {
            let rest = String(decoding: s[start...], as: UTF8.self).lowercased()
            guard let named = stepNames.first(where: { rest.hasPrefix($0.name) }) else {
                throw Invalid(reason: "the step id is not a number or step name")
            }
            id.stepID = named.id
            i = start + named.name.utf8.count
        }
        if i == s.count { return }
        guard s[i] == UInt8(ascii: "+") else { throw Invalid(reason: "unexpected text after the step id") }
        guard id.hetJobOffset == SlurmNumber.noVal32 else { throw Invalid(reason: "a step of a heterogeneous component takes no second component") }
        i += 1
        if i == s.count { return }
        let component = number(s, from: i)
        guard let c = component.value else { throw Invalid(reason: "the step component is empty") }
        guard c != 0 else { throw Invalid(reason: "the step component is zero") }
        guard c > 0 else { throw Invalid(reason: "the step component is negative") }
        guard c < maxHetComponents else { throw Invalid(reason: "the step component is too large") }
        guard component.end == s.count else { throw Invalid(reason: "the step component is not a number") }
        id.stepHetComponent = UInt32(c)
    }

    /// `s` and 13 Crockford base-32 digits (case-insensitive, O read as 0, I and L as 1),
    /// optionally followed by `.step`.
    static func parseSLUID(_ s: [UInt8]) throws(Invalid) -> SelectedJob {
        guard s.count >= 14, s.count == 14 || s[14] == UInt8(ascii: ".") else { throw Invalid(reason: "not a SLUID") }
        let digits = JobText.sluidDigits
        var sluid: UInt64 = 0
        for c in s[1..<14] {
            var upper = c
            if upper >= UInt8(ascii: "a") { upper -= 0x20 }
            let value: Int
            if let v = digits.firstIndex(of: upper) { value = v }
            else if upper == UInt8(ascii: "O") { value = 0 }
            else if upper == UInt8(ascii: "I") || upper == UInt8(ascii: "L") { value = 1 }
            else { throw Invalid(reason: "not a SLUID") }
            sluid = sluid << 5 | UInt64(value)
        }
        guard sluid != 0 else { throw Invalid(reason: "not a SLUID") }
        var id = SelectedJob()
        id.sluid = sluid
        if s.count > 14 { try parseStep(s, from: 15, into: &id) }
        return id
    }

    /// A decimal number as `strtol` reads it (leading spaces and a sign allowed); nil without digits.
    static func number(_ s: [UInt8], from start: Int) -> (value: Int?, end: Int) {
        var i = start
        while i < s.count, s[i] == UInt8(ascii: " ") || (9...13).contains(s[i]) { i += 1 }
        var negative = false
        if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
            negative = s[i] == UInt8(ascii: "-")
            i += 1
        }
        let digitsStart = i
        var value = 0
        while i < s.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(s[i]) {
            value = min(value * 10 + Int(s[i] - UInt8(ascii: "0")), Int(Int32.max) * 4)
            i += 1
        }
        guard i > digitsStart else { return (nil, start) }
        return (negative ? -value : value, i)
    }
}
