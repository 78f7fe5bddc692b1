import SlurmController

enum LicensesEndpoint {
    /// Licenses currently free, as Slurm's client library computes them: unlimited stays unlimited,
    /// and in-use plus the deficit never drive the count below zero.
    static func free(_ l: License) -> UInt32 {
        if l.total == 0xffff_ffff { return l.total }
        let taken = UInt64(l.inUse) + UInt64(l.lastDeficit)
        return UInt64(l.total) < taken ? 0 : UInt32(UInt64(l.total) - taken)
    }

    static let licenseSchema = ObjectSchema<License>("v0.0.43_license", [
        .string("LicenseName", "Name of the license") { $0.name },
        .int32("Total", "Total number of licenses present") { $0.total },
        .int32("Used", "Number of licenses in use") { $0.inUse },
        .int32("Free", "Number of licenses currently available") { free($0) },
        .bool("Remote", "Indicates whether licenses are served by the database") { $0.isRemote },
        .int32("Reserved", "Number of licenses reserved") { $0.reserved },
        .int32("LastConsumed", "Last known number of licenses that were consumed in the license manager (Remote Only)") { $0.lastConsumed },
        .int32("LastDeficit", "Number of \"missing licenses\" from the cluster's perspective") { $0.lastDeficit },
        .int64("LastUpdate", "When the license information was last updated (UNIX Timestamp)") { $0.lastUpdate },
    ])

    static let response = ResponseSchema<LicenseInfo>("v0.0.43_openapi_licenses_resp", [
        .array("licenses", "List of licenses", ArraySchema("v0.0.43_licenses", of: licenseSchema), required: true) { $0.licenses },
        .uint64NoVal("last_update", "Time of last licenses change (UNIX timestamp)", required: true) { UInt64(bitPattern: $0.lastUpdate) },
    ], empty: LicenseInfo())
}

extension LicensesEndpoint {
    static func handle(_ context: inout RequestContext) -> EndpointResult {
        context.answer(response, source: "slurm_load_licenses()") { [context] in
            let info = try context.controller.licenses()
            var envelope = context.envelope
            if info.licenses.isEmpty {
                envelope.warnings.append(APIWarning(description: "No licenses are configured",
                                                    source: "slurm_load_licenses()"))
            }
            return .success(response, info, envelope)
        }
    }
}
