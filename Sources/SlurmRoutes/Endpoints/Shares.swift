import SlurmController

/// One association of the shares answer with the TRES names its arrays are indexed by.
struct ShareRecord {
    let shares: AssociationShares
    let tresNames: [String]
}

/// One TRES value of an association.
struct ShareTRESValue<Value> {
    let name: String
    let value: Value
}

enum SharesEndpoint {
    static let doubleNoValComponent = NoValNumber.componentDouble

    static let countSchema = ObjectSchema<ShareTRESValue<UInt64>>("v0.0.43_shares_uint64_tres", [
        .string("name", "TRES name") { $0.name },
        .uint64NoVal("value", "TRES value (64 bit integer number with flags)") { $0.value },
    ])

    static let usageSchema = ObjectSchema<ShareTRESValue<LongDouble>>("v0.0.43_shares_float128_tres", [
        .string("name", "TRES name") { $0.name },
        Property("value", .number, "TRES value") { t, w in w.value(DumpedNumber.float128(t.value).value) },
    ])

    static let countList = ArraySchema("v0.0.43_shares_uint64_tres_list", of: countSchema)

    static func tres<Value>(_ r: ShareRecord, _ values: [Value]) -> [ShareTRESValue<Value>] {
        zip(r.tresNames, values).map { ShareTRESValue(name: $0, value: $1) }
    }

    /// "USER" for a user association, "ASSOCIATION" for an account; other values have no word.
    static let typeTable = FlagTable([
        .equal("USER", 1, mask: UInt64(SlurmNumber.infinite16)),
        .equal("ASSOCIATION", 0, mask: UInt64(SlurmNumber.infinite16)),
    ])

    static let recordSchema = ObjectSchema<ShareRecord>("v0.0.43_assoc_shares_obj_wrap", [
        .int32("id", "Association ID") { $0.shares.associationID },
        .string("cluster", "Cluster name") { $0.shares.cluster },
        .string("name", "Share name") { $0.shares.name },
        .string("parent", "Parent name") { $0.shares.parent },
        .string("partition", "Partition name") { $0.shares.partition },
        .noVal("shares_normalized", "Normalized shares (64 bit floating point number with flags)", doubleNoValComponent) {
            DumpedNumber.float64NoVal($0.shares.sharesNormalized).number },
        .uint32NoVal("shares", "Number of shares allocated (32 bit integer number with flags)") { $0.shares.sharesRaw },
        .inline("tres", [
            .array("run_seconds", "Currently running tres-secs = grp_used_tres_run_secs", countList) {
                tres($0, $0.shares.tresRunSeconds) },
            .array("group_minutes", "TRES-minute limit", countList) { tres($0, $0.shares.tresGroupMinutes) },
            .array("usage", "Measure of each TRES usage", ArraySchema("v0.0.43_shares_float128_tres_list", of: usageSchema)) {
                tres($0, $0.shares.usageTRES) },
        ]) { $0 },
        .noVal("effective_usage", "Effective, normalized usage (64 bit floating point number with flags)", doubleNoValComponent) {
            DumpedNumber.float64NoVal($0.shares.usageEffective).number },
        .noVal("usage_normalized", "Normalized usage (64 bit floating point number with flags)", doubleNoValComponent) {
            DumpedNumber.float64NoVal($0.shares.usageNormalized).number },
        .int64("usage", "Measure of tresbillableunits usage") { $0.shares.usageRaw },
        .inline("fairshare", [
            .noVal("factor", "Fairshare factor (64 bit floating point number with flags)", doubleNoValComponent) {
                DumpedNumber.float64NoVal($0.shares.fairshareFactor).number },
            .noVal("level", "Fairshare factor at this level (64 bit floating point number with flags)", doubleNoValComponent) {
                DumpedNumber.float64NoVal($0.shares.levelFairshare).number },
        ]) { $0 },
        .flags("type", "User or account association", typeTable) { UInt64($0.shares.user) },
    ])

    static func records(_ info: SharesInfo) -> [ShareRecord] {
        info.associations.map { ShareRecord(shares: $0, tresNames: info.tresNames) }
    }

    static let messageSchema = ObjectSchema<SharesInfo>("v0.0.43_shares_resp_msg", [
        .array("shares", "Association shares", ArraySchema("v0.0.43_assoc_shares_obj_list", of: recordSchema)) { records($0) },
        .int64("total_shares", "Total number of shares") { $0.totalShares },
    ])

    static let response = ResponseSchema<SharesInfo>("v0.0.43_openapi_shares_resp", [
        .object("shares", "fairshare info", messageSchema, required: true) { $0 },
    ], empty: SharesInfo())

    static let parameters: [Parameter] = [
        .query("accounts", "Accounts to query"),
        .query("users", "Users to query"),
    ]
}

extension SharesEndpoint {
    static let accountingDisabledWarning = "Shares list is empty because slurm accounting storage is disabled."

    /// A comma-separated query value as data_parser's CSV_STRING_LIST reads it: empty items are
    /// dropped, so an absent, empty or all-comma value is an empty list (no filter).
    static func list(_ value: String?) -> [String] {
        (value ?? "").split(separator: ",").map(String.init)
    }

    /// The warnings the original adds while writing `info`, in the order it writes the fields.
    static func warnings(_ info: SharesInfo, accountingDisabled: Bool) -> [String] {
        var out: [String] = []
        func add(_ w: String?) { if let w { out.append(w) } }
        if !info.hasList && accountingDisabled { out.append(accountingDisabledWarning) }
        for a in info.associations {
            add(DumpedNumber.uint32Warning(a.associationID))
            add(DumpedNumber.float64NoVal(a.sharesNormalized).warning)
            add(DumpedNumber.float64NoVal(a.usageEffective).warning)
            add(DumpedNumber.float64NoVal(a.usageNormalized).warning)
            add(DumpedNumber.uint64Warning(a.usageRaw))
            for x in a.usageTRES { add(DumpedNumber.float128(x).warning) }
            add(DumpedNumber.float64NoVal(a.fairshareFactor).warning)
            add(DumpedNumber.float64NoVal(a.levelFairshare).warning)
        }
        add(DumpedNumber.uint64Warning(info.totalShares))
        return out
    }

    static func handle(_ context: inout RequestContext) -> EndpointResult {
        context.answer(response, source: "slurm_associations_get_shares()") { [context] in
            let info = try context.controller.shares(accounts: list(context.queryValue("accounts")),
                                                     users: list(context.queryValue("users")))
            var envelope = context.envelope
            for w in warnings(info, accountingDisabled: envelope.accountingDisabled) {
                envelope.warnings.append(APIWarning(description: w, source: ""))
            }
            return .success(response, info, envelope)
        }
    }
}
