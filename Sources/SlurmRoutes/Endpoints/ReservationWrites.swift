import SlurmParsing
import SlurmController

/// One element of a reservation description's `tres` (`v0.0.43_tres`).
struct TresRequest: Equatable {
    var type: String
    var name: String?
    var count: Int64 = 0
}

/// A reservation description as a request gives it: the wire message, the TRES list (which Slurm
/// turns into text through slurmdbd's TRES table), and whether the request named TRES at all.
struct ReservationRequest {
    var description = ReservationDescription()
    var tres: [TresRequest]?
}

/// POST /reservation, POST /reservations/ (create or update) and DELETE /reservation/{name}.
enum ReservationWritesEndpoint {
    static let tresSchema = ObjectSchema<TresRequest>("v0.0.43_tres", [
        .string("type", "TRES type (CPU, MEM, etc)", required: true) { $0.type },
        .string("name", "TRES name (if applicable)") { $0.name },
        .int32("id", "ID used in the database") { _ in 0 },
        .int64("count", "TRES count (0 if listed generically)") { $0.count },
    ])
    static let tresList = SchemaComponent.array("v0.0.43_tres_list", of: tresSchema.component)

    /// `v0.0.43_reservation_desc_msg`, read onto `slurm_init_resv_desc_msg`'s defaults.
    static let descriptionSchema = InputSchema<ReservationRequest>("v0.0.43_reservation_desc_msg", empty: ReservationRequest(), [
        .commaList("accounts", "List of permitted accounts", \.description.accounts),
        .string("burst_buffer", "BurstBuffer", \.description.burstBuffer),
        .string("comment", "Arbitrary string", \.description.comment),
        .uint32NoVal("core_count", "Number of cores to reserve", \.description.coreCount),
        .uint32NoVal("duration", "The length of a reservation in minutes", \.description.duration),
        .timestampNoVal("end_time", "EndTime (UNIX timestamp)", \.description.endTime),
        .string("features", "Requested node features", \.description.features),
        .flags("flags", "Flags associated with this reservation; NO_ words remove a flag", ReservationsEndpoint.flagWords,
               \.description.flags),
        .commaList("groups", "List of groups permitted to use the reservation (not with users)", \.description.groups),
        .commaList("licenses", "List of license names", \.description.licenses),
        .uint32NoVal("max_start_delay", "MaxStartDelay in seconds", \.description.maxStartDelay),
        .string("name", "ReservationName", \.description.name),
        .uint32NoVal("node_count", "NodeCnt", \.description.nodeCount),
        .commaList("node_list", "The nodes to be reserved", schema: .hostlistString, \.description.nodeList),
        .string("partition", "Partition used to reserve nodes from", \.description.partition),
        .inline("purge_completed", "", [
            .uint32NoVal("time", "If PURGE_COMP flag is set, the number of seconds this reservation will sit idle until it is revoked",
                         \UInt32.self),
        ], \.description.purgeCompletedTime),
        .timestampNoVal("start_time", "StartTime (UNIX timestamp)", \.description.startTime),
        InputField("tres", .component(tresList), "List of trackable resources") { (v, m: inout ReservationRequest, p) throws(InputError) in
            m.tres = try tres(v, p)
        },
        .commaList("users", "List of permitted users", \.description.users),
    ])
    static let descriptionList = InputArraySchema("v0.0.43_reservation_desc_msg_list", of: descriptionSchema)

    /// `v0.0.43_reservation_mod_req`.
    static let modifySchema = InputSchema<[ReservationRequest]?>("v0.0.43_reservation_mod_req", empty: nil, [
        InputField("reservations", .component(descriptionList.component), "Array of reservation descriptions") {
            (v, m: inout [ReservationRequest]?, p) throws(InputError) in m = try descriptionList.decode(v, at: p)
        },
    ])

    /// The description as the original dumps it back after the change (flags left unset read 0).
    static let descriptionRendering = ObjectSchema<ReservationDescription>("v0.0.43_reservation_desc_msg", [
        .csvString("accounts", "List of permitted accounts") { $0.accounts },
        .string("burst_buffer", "BurstBuffer") { $0.burstBuffer },
        .string("comment", "Arbitrary string") { $0.comment },
        .uint32NoVal("core_count", "Number of cores to reserve") { $0.coreCount },
        .uint32NoVal("duration", "The length of a reservation in minutes") { $0.duration },
        .timestampNoVal("end_time", "EndTime (UNIX timestamp)") { $0.endTime },
        .string("features", "Requested node features") { $0.features },
        .flags("flags", "Flags associated with this reservation; NO_ words remove a flag", ReservationsEndpoint.flagWords) {
            $0.flags == SlurmNumber.noVal64 ? 0 : $0.flags },
        .csvString("groups", "List of groups permitted to use the reservation (not with users)") { $0.groups },
        .csvString("licenses", "List of license names") { $0.licenses },
        .uint32NoVal("max_start_delay", "MaxStartDelay in seconds") { $0.maxStartDelay },
        .string("name", "ReservationName") { $0.name },
        .uint32NoVal("node_count", "NodeCnt") { $0.nodeCount },
        .hostlistString("node_list", "The nodes to be reserved") { $0.nodeList },
        .string("partition", "Partition used to reserve nodes from") { $0.partition },
        .inline("purge_completed", [
            .uint32NoVal("time", "If PURGE_COMP flag is set, the number of seconds this reservation will sit idle until it is revoked") { $0 },
        ]) { $0.purgeCompletedTime },
        .timestampNoVal("start_time", "StartTime (UNIX timestamp)") { $0.startTime },
        Property("tres", .component(tresList), "List of trackable resources") { d, w in
            w.beginArray()
            for t in tresEntries(d.tres) { tresSchema.render(t, into: &w); w.boundary() }
            w.endArray()
        },
        .csvString("users", "List of permitted users") { $0.users },
    ])

    static let response = ResponseSchema<[ReservationDescription]>("v0.0.43_openapi_reservation_mod_resp", [
        .array("reservations", "Reservation descriptions",
               ArraySchema("v0.0.43_reservation_desc_msg_list", of: descriptionRendering), required: true) { $0 },
    ], empty: [])

    static let deleteParameters: [Parameter] = [.path("reservation_name", "Reservation name")]

    /// ESLURM_RESERVATION_INVALID for a description refused before anything was sent: the
    /// client's mistake (the original answers 422).
    static let invalidDescription = SlurmErrorCode(2053, "ESLURM_RESERVATION_INVALID",
                                                   "The reservation description is incomplete or inconsistent", httpStatus: 400)
}

extension ReservationWritesEndpoint {
    /// A TRES list: objects with a `type`, and optionally `name`, `id` (ignored: Slurm resolves
    /// it from the type) and `count`.
    static func tres(_ v: JSONValue, _ path: String) throws(InputError) -> [TresRequest] {
        guard case .array(let elements) = v else { throw .expected("an array", at: path, got: v) }
        var out: [TresRequest] = []
        for (i, element) in elements.enumerated() {
            let at = path + "/" + String(i)
            guard case .object(let members) = element else { throw .expected("an object", at: at, got: element) }
            var type: String?, name: String?, count: Int64 = 0
            for (key, member) in members {
                if case .null = member { continue }
                switch key {
                case "type": type = try InputValue.string(member, at + "/type")
                case "name": name = try InputValue.string(member, at + "/name")
                case "id": _ = try InputValue.integer(member, at + "/id", as: Int32.self)
                case "count": count = try InputValue.integer(member, at + "/count", as: Int64.self)
                default: throw InputError(.dataParseBadInput, at: at + "/" + key, "v0.0.43_tres has no field \"\(key)\"")
                }
            }
            guard let type else { throw InputError(.dataParseBadInput, at: at + "/type", "a TRES needs its type") }
            out.append(TresRequest(type: type, name: name, count: count))
        }
        return out
    }

    /// `slurmdb_make_tres_string` without the simple flag: `type[/name]=count`, comma-separated.
    static func tresText(_ list: [TresRequest]) -> String {
        list.map { t in t.type + (t.name.map { "/" + $0 } ?? "") + "=" + String(t.count) }.joined(separator: ",")
    }

    /// The TRES of `tres_str` as the description is dumped back, from the text the request made.
    static func tresEntries(_ text: String?) -> [TresRequest] {
        (text ?? "").split(separator: ",").compactMap { item in
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let count = Int64(parts[1]) else { return nil }
            let kind = parts[0].split(separator: "/", maxSplits: 1)
            return TresRequest(type: String(kind[0]), name: kind.count > 1 ? String(kind[1]) : nil, count: count)
        }
    }

    /// The wire message of a request. Without accounting Slurm has no TRES table, so the original
    /// drops a TRES list with the accounting warning; with it, the list becomes `tres_str`. Flags
    /// the request did not set (none or an empty list) stay NO_VAL64, which changes none.
    static func wireDescription(_ request: ReservationRequest, _ envelope: inout Envelope) -> ReservationDescription {
        var d = request.description
        if d.flags == 0 { d.flags = SlurmNumber.noVal64 }
        if let list = request.tres {
            if envelope.accountingDisabled {
                envelope.warnings.append(Envelope.accountingDisabledWarning(needs: "TRES"))
            } else if !list.isEmpty {
                d.tres = tresText(list)
            }
        }
        return d
    }

    /// `validate_resv_create_desc`, the check the original's client library makes before a
    /// creation: the refusal's text and the member it concerns (nil when it concerns several),
    /// or nil (the description may gain PART_NODES and nodes ALL, as there).
    static func creationProblem(_ d: inout ReservationDescription) -> (member: String?, text: String)? {
        let unset = ReservationDescription.unsetTime
        if d.startTime == unset { return ("start_time", "A start time must be given.  No reservation created.") }
        if d.endTime == unset && d.duration == SlurmNumber.noVal32 {
            return (nil, "An end time or duration must be given.  No reservation created.")
        }
        // C adds the minutes as u32 arithmetic, wrapping.
        if d.endTime != unset && d.duration != SlurmNumber.noVal32,
           d.startTime &+ Int64(d.duration &* 60) != d.endTime {
            return ("duration", "StartTime + Duration does not equal EndTime.  No reservation created.")
        }
        if d.startTime > d.endTime && d.endTime != unset {
            return ("end_time", "Start time cannot be after end time.  No reservation created.")
        }
        let partNodes: UInt64 = 1 << 12
        let isAll = d.nodeList.map { $0.lowercased() == "all" } ?? false
        if d.partition != nil && isAll {
            d.flags = d.flags == SlurmNumber.noVal64 ? partNodes : d.flags | partNodes
        }
        if d.flags != SlurmNumber.noVal64 && d.flags & partNodes != 0 && (d.partition == nil || !isAll) {
            return ("flags", "PART_NODES flag requires specifying a Partition and ALL nodes.  No reservation created.")
        }
        let forceStart: UInt64 = 1 << 42
        let reoccurring: UInt64 = 1 << 35 | 1 << 2 | 1 << 4 | 1 << 21 | 1 << 23
        if d.flags != SlurmNumber.noVal64 && d.flags & forceStart != 0 && d.flags & reoccurring == 0 {
            return ("flags", "FORCE_START flag requires a reoccuring reservation. No reservation created.")
        }
        func blank(_ s: String?) -> Bool { s?.isEmpty ?? true }
        func unsetCount(_ n: UInt32) -> Bool { n == 0 || n == SlurmNumber.noVal32 }
        if unsetCount(d.coreCount) && blank(d.burstBuffer) && unsetCount(d.nodeCount) && blank(d.nodeList)
            && blank(d.licenses) && blank(d.tres) {
            guard d.partition != nil else {
                return (nil, "CoreCnt, Nodes, NodeCnt, TRES or Watts must be specified.  No reservation created.")
            }
            d.flags = d.flags == SlurmNumber.noVal64 ? partNodes : d.flags | partNodes
            d.nodeList = "ALL"
        }
        if blank(d.users) && blank(d.groups) && blank(d.qos) && blank(d.allowedPartitions) && blank(d.accounts) {
            return (nil, "Either Users/Groups, AllowedPartitions, QOS and/or Accounts must be specified.  No reservation created.")
        }
        if d.users != nil && d.groups != nil {
            return ("groups", "Users and Groups are mutually exclusive.  You can have one or the other, but not both.  No reservation created.")
        }
        return nil
    }

    /// One description of a request, checked and ready to send: what goes on the wire, and
    /// whether it creates the reservation or updates one that exists.
    struct PlannedChange {
        /// Its position in `reservations` (POST /reservations/); nil for POST /reservation.
        var index: Int?
        var description: ReservationDescription
        var creates: Bool
        var name: String { description.name ?? "" }
    }

    /// The JSON pointer of a description (`#/reservations/2`, or `#` for the body of POST
    /// /reservation) or of one of its members (`#/reservations/2/start_time`, `#/start_time`).
    static func pointer(_ index: Int?, _ member: String? = nil) -> String {
        let entry = index.map { "#/reservations/\($0)" } ?? "#"
        return member.map { entry + "/" + $0 } ?? entry
    }

    /// Every description must name its reservation; checked before anything is read or sent.
    static func requireNames(_ requests: [ReservationRequest], listed: Bool) throws(WriteFailure) {
        if let i = requests.firstIndex(where: { $0.description.name == nil }) {
            throw WriteFailure(invalidDescription, "A reservation needs a name", source: pointer(listed ? i : nil, "name"))
        }
    }

    /// Checks every description before any is sent, so that a bad one refuses the whole request
    /// with nothing changed. A name that exists (compared without regard to case, as the original
    /// compares names) or that an earlier description creates is an update; any other is a
    /// creation and must pass `creationProblem`.
    static func plan(_ requests: [ReservationRequest], listed: Bool, existing: [Reservation],
                     _ envelope: inout Envelope) throws(WriteFailure) -> [PlannedChange] {
        var known = Set(existing.compactMap { $0.name?.lowercased() })
        var plans: [PlannedChange] = []
        for (i, request) in requests.enumerated() {
            let index = listed ? i : nil
            var d = wireDescription(request, &envelope)
            let key = (d.name ?? "").lowercased()
            if known.contains(key) {
                plans.append(PlannedChange(index: index, description: d, creates: false))
                continue
            }
            if let problem = creationProblem(&d) {
                throw WriteFailure(invalidDescription, problem.text, source: pointer(index, problem.member))
            }
            known.insert(key)
            plans.append(PlannedChange(index: index, description: d, creates: true))
        }
        return plans
    }

    /// What sending a request's descriptions came to: the changes that remain applied, and the
    /// failure that stopped them (nil when all went through).
    struct Outcome {
        var applied: [PlannedChange] = []
        var failure: WriteFailure?
    }

    /// Sends the planned changes in order and stops at the first the controller refuses. Then the
    /// reservations this request created are deleted again, latest first, so that the request
    /// takes effect whole or not at all as far as Slurm allows: an update cannot be undone (the
    /// controller does not say what it replaced), so earlier updates remain applied and a warning
    /// says so for each, as for a creation whose deletion failed.
    static func send(_ plans: [PlannedChange], _ envelope: inout Envelope,
                     change: (PlannedChange) throws(ControllerError) -> Void,
                     delete: (String) throws(ControllerError) -> Void) -> Outcome {
        var outcome = Outcome()
        for plan in plans {
            do throws(ControllerError) {
                try change(plan)
                outcome.applied.append(plan)
            } catch {
                let what = "The controller refused to \(plan.creates ? "create" : "update") reservation \(plan.name)"
                let source = plan.index != nil ? pointer(plan.index)
                    : plan.creates ? "slurm_create_reservation" : "slurm_update_reservation"
                // The reservation was planned from the controller's list, so a name it does not
                // know is one inside the description (a node, partition, user).
                outcome.failure = WriteFailure(error, what, source: source).inRequestContent
                break
            }
        }
        guard let failure = outcome.failure, !outcome.applied.isEmpty else { return outcome }
        var remaining: [PlannedChange] = []
        for done in outcome.applied.reversed() {
            let entry = pointer(done.index)
            guard done.creates else {
                remaining.append(done)
                envelope.warnings.append(APIWarning(
                    description: "The update of reservation \(done.name) (\(entry)) remains applied although \(failure.source) "
                        + "failed: an update cannot be undone", source: entry))
                continue
            }
            do throws(ControllerError) {
                try delete(done.name)
                envelope.warnings.append(APIWarning(
                    description: "Reservation \(done.name) (\(entry)) was created, then deleted again because \(failure.source) failed",
                    source: entry))
            } catch {
                remaining.append(done)
                envelope.warnings.append(APIWarning(
                    description: "Reservation \(done.name) (\(entry)) was created and remains: deleting it again after "
                        + "\(failure.source) failed was refused (\(error.description))", source: entry))
            }
        }
        outcome.applied = remaining.reversed()
        return outcome
    }

    static func existingReservations(_ context: RequestContext) throws(WriteFailure) -> [Reservation] {
        do {
            return try context.controller.reservations(updateTime: 0).reservations
        } catch {
            throw WriteFailure(error, "Reading the reservations failed", source: "slurm_load_reservations()")
        }
    }

    /// The answer: the descriptions that remain applied, as sent, with the original's two
    /// accounting warnings for each (dumping a description's TRES needs slurmdbd's table), and
    /// the failure if there was one.
    static func answer(_ descriptions: [ReservationDescription], _ envelope: Envelope,
                       failure: WriteFailure? = nil) -> EndpointResult {
        var envelope = envelope
        if envelope.accountingDisabled {
            for _ in descriptions {
                envelope.warnings += [Envelope.accountingDisabledWarning(needs: "TRES"),
                                      Envelope.accountingDisabledWarning(needs: "TRES")]
            }
        }
        guard let failure else { return .success(response, descriptions, envelope) }
        envelope.errors.append(failure.apiError)
        return EndpointResult(status: failure.code.httpStatus) { w in response.render(descriptions, envelope, into: &w) }
    }

    /// Checks the descriptions, then sends them (see `plan` and `send`).
    static func applyAll(_ requests: [ReservationRequest], listed: Bool, _ context: RequestContext) -> EndpointResult {
        var envelope = context.envelope
        let plans: [PlannedChange]
        do throws(WriteFailure) {
            try requireNames(requests, listed: listed)
            plans = try plan(requests, listed: listed, existing: try existingReservations(context), &envelope)
        } catch {
            return answer([], envelope, failure: error)
        }
        let controller = context.controller
        let outcome = send(plans, &envelope, change: { (plan) throws(ControllerError) in
            if plan.creates { _ = try controller.createReservation(plan.description) }
            else { try controller.updateReservation(plan.description) }
        }, delete: { (name) throws(ControllerError) in try controller.deleteReservation(named: name) })
        return answer(outcome.applied.map(\.description), envelope, failure: outcome.failure)
    }

    /// POST /reservation: one description, which must name the reservation.
    static func handleOne(_ context: inout RequestContext) -> EndpointResult {
        do throws(WriteFailure) {
            return applyAll([try context.decodeBody(descriptionSchema)], listed: false, context)
        } catch {
            return answer([], context.envelope, failure: error)
        }
    }

    /// POST /reservations/: every description is checked before any is sent; if the controller
    /// refuses one, those this request created are deleted again (see `send`).
    static func handleMany(_ context: inout RequestContext) -> EndpointResult {
        var envelope = context.envelope
        do throws(WriteFailure) {
            guard let requests = try context.decodeBody(modifySchema) else {
                throw WriteFailure(.invalidQuery, "The reservations list is empty",
                                   source: "_parse_resv_desc_list")
            }
            if requests.isEmpty {
                envelope.warnings.append(APIWarning(description: "The reservations list is empty",
                                                    source: "_parse_resv_desc_list"))
                return .success(response, [], envelope)
            }
            return applyAll(requests, listed: true, context)
        } catch {
            return answer([], envelope, failure: error)
        }
    }

    /// DELETE /reservation/{reservation_name}.
    static func handleDelete(_ context: inout RequestContext) -> EndpointResult {
        let name = context.pathParameters["reservation_name"] ?? ""
        return context.bareAnswer { [context] (_: inout Envelope) throws(WriteFailure) in
            do throws(ControllerError) {
                try context.controller.deleteReservation(named: name)
            } catch {
                throw WriteFailure(error, "The controller refused to delete reservation \(name)", source: "slurm_delete_reservation")
            }
        }
    }
}
