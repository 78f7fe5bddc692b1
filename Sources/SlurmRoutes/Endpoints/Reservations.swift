import SlurmController

enum ReservationsEndpoint {
    /// data_parser `RESERVATION_FLAGS` (RESERVE_FLAG_* bits, the same from 22.05 to 26.05).
    static let flagWords = FlagTable([
        .bit("MAINT", 1 << 0), .bit("NO_MAINT", 1 << 1), .bit("DAILY", 1 << 2), .bit("NO_DAILY", 1 << 3),
        .bit("WEEKLY", 1 << 4), .bit("NO_WEEKLY", 1 << 5), .bit("IGNORE_JOBS", 1 << 6), .bit("NO_IGNORE_JOBS", 1 << 7),
        .bit("ANY_NODES", 1 << 8), .bit("STATIC", 1 << 10), .bit("NO_STATIC", 1 << 11), .bit("PART_NODES", 1 << 12),
        .bit("NO_PART_NODES", 1 << 13), .bit("OVERLAP", 1 << 14), .bit("SPEC_NODES", 1 << 15),
        .bit("TIME_FLOAT", 1 << 17), .bit("REPLACE", 1 << 18), .bit("ALL_NODES", 1 << 19), .bit("PURGE_COMP", 1 << 20),
        .bit("WEEKDAY", 1 << 21), .bit("NO_WEEKDAY", 1 << 22), .bit("WEEKEND", 1 << 23), .bit("NO_WEEKEND", 1 << 24),
        .bit("FLEX", 1 << 25), .bit("NO_FLEX", 1 << 26), .bit("DURATION_PLUS", 1 << 27), .bit("DURATION_MINUS", 1 << 28),
        .bit("NO_HOLD_JOBS_AFTER_END", 1 << 29), .bit("NO_PURGE_COMP", 1 << 31), .bit("MAGNETIC", 1 << 32),
        .bit("SKIP", 1 << 34), .bit("HOURLY", 1 << 35), .bit("NO_HOURLY", 1 << 36), .bit("USER_DELETE", 1 << 39),
        .bit("NO_USER_DELETE", 1 << 40),
        // All of HOURLY, DAILY, WEEKLY, WEEKDAY and WEEKEND at once.
        .bit("REOCCURRING", 1 << 35 | 1 << 2 | 1 << 4 | 1 << 21 | 1 << 23),
    ])

    static let coreSpecSchema = ObjectSchema<ReservationCoreSpec>("v0.0.43_reservation_core_spec", [
        .string("node", "Name of reserved node") { $0.node },
        .string("core", "IDs of reserved cores") { $0.cores },
    ])

    static let reservationSchema = ObjectSchema<Reservation>("v0.0.43_reservation_info", [
        .string("accounts", "Comma-separated list of permitted accounts") { $0.accounts },
        .string("burst_buffer", "BurstBuffer - Burst buffer resources reserved") { $0.burstBuffer },
        .int32("core_count", "CoreCnt - Number of cores reserved") { $0.coreCount },
        .array("core_specializations", "Reserved cores specification",
               ArraySchema("v0.0.43_reservation_info_core_spec", of: coreSpecSchema)) { $0.coreSpecs },
        .uint64NoVal("end_time", "EndTime (UNIX timestamp)") { UInt64(bitPattern: $0.endTime) },
        .string("features", "Features - Expression describing the reservation's required node features") { $0.features },
        .flags("flags", "Flags associated with this reservation", flagWords) { $0.flags },
        .string("groups", "Groups - Comma-separated list of permitted groups") { $0.groups },
        .string("licenses", "Licenses - Comma-separated list of licenses reserved") { $0.licenses },
        .int32("max_start_delay", "MaxStartDelay - Maximum time an eligible job not requesting this reservation can delay a job requesting it in seconds") { $0.maxStartDelay },
        .string("name", "ReservationName - Name of the reservation") { $0.name },
        .int32("node_count", "NodeCnt - Number of nodes reserved") { $0.nodeCount },
        .string("node_list", "Nodes - Comma-separated list of node names and/or node ranges reserved") { $0.nodeList },
        .string("partition", "PartitionName - Partition used to reserve nodes from") { $0.partition },
        .inline("purge_completed", [
            .uint32NoVal("time", "If PURGE_COMP flag is set, the number of seconds this reservation will sit idle until it is revoked") { $0 },
        ]) { $0.purgeCompletedTime },
        .uint64NoVal("start_time", "StartTime (UNIX timestamp)") { UInt64(bitPattern: $0.startTime) },
        .removedObject("watts", NoValNumber.component32, "32 bit integer number with flags"),
        .string("tres", "Comma-separated list of required TRES") { $0.tres },
        .string("users", "Comma-separated list of permitted users") { $0.users },
    ])

    static let response = ResponseSchema<ReservationInfo>("v0.0.43_openapi_reservation_resp", [
        .array("reservations", "List of reservations", ArraySchema("v0.0.43_reservation_info_msg", of: reservationSchema),
               required: true) { $0.reservations },
        .uint64NoVal("last_update", "Time of last reservation change (UNIX timestamp)", required: true) {
            UInt64(bitPattern: $0.lastUpdate) },
    ], empty: ReservationInfo())

    /// Plain counters holding INFINITE or NO_VAL come with the original's placeholder warnings,
    /// in the order the fields are rendered.
    static func renderingWarnings(_ info: ReservationInfo) -> [APIWarning] {
        info.reservations.flatMap { r in
            [DumpPlaceholder.warning(r.coreCount), DumpPlaceholder.warning(r.maxStartDelay),
             DumpPlaceholder.warning(r.nodeCount)].compactMap { $0 }
        }
    }

    static func success(_ info: ReservationInfo, _ context: RequestContext) -> EndpointResult {
        var envelope = context.envelope
        envelope.warnings += renderingWarnings(info)
        return .success(response, info, envelope)
    }
}

extension ReservationsEndpoint {
    static let updateTimeParameter = QueryValues.updateTimeParameter("reservations")

    /// GET /reservations/.
    static func handleAll(_ context: inout RequestContext) -> EndpointResult {
        context.answer(response, source: "slurm_load_reservations()") { [context] in
            success(try context.controller.reservations(updateTime: try QueryValues.updateTime(context)), context)
        }
    }

    /// GET /reservation/{reservation_name}: one reservation, named case-insensitively as the
    /// original matches it. An unknown name is a 404 (the original answers 422 with error 9000).
    static func handleOne(_ context: inout RequestContext) -> EndpointResult {
        let name = context.pathParameters["reservation_name"] ?? ""
        return context.answer(response, source: "slurm_load_reservations()") { [context] in
            let info = try context.controller.reservations(updateTime: try QueryValues.updateTime(context))
            let wanted = name.lowercased()
            guard let reservation = info.reservations.first(where: { $0.name?.lowercased() == wanted }) else {
                return .failure(response, context, .reservationInvalid, description: "Unable to find reservation \(name)",
                                source: "_get_single_reservation")
            }
            return success(ReservationInfo(lastUpdate: info.lastUpdate, reservations: [reservation]), context)
        }
    }
}
