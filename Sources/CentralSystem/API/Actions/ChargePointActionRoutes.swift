import Foundation
import Hummingbird
import OCPP16
import PublicAPI

/// Charge point actions v1.0 other than start/stop (reference §5).
enum ChargePointActionRoutes {
    static let base = "/public-api/actions/charge-point/v1.0/{chargePoint}"

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        return [
            APIRoute(
                .post, "\(base)/reset/{type}", "resetChargePoint", "Reset hard or soft (Reset)",
                tag: "Charge point actions", success: 202, failures: [404, 406], response: ActionResult.openAPISchema
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let type: ResetType
                switch ResetKind(rawValue: call.parameters["type"] ?? "") {
                case .hard: type = .hard
                case .soft: type = .soft
                case .unknown: throw APIFailure.routeNotFound(call.path)
                }
                _ = try await ActionCommand.sendAccepted(
                    ResetRequest(type: type), to: chargePoint, deps, status: \.status, accepted: .accepted)
                return try ActionCommand.accepted()
            },
            APIRoute(
                .post, "\(base)/unlock/{evse}", "unlockConnector", "Unlock an EVSE's connector (UnlockConnector)",
                tag: "Charge point actions", success: 202, failures: [404, 406], response: ActionResult.openAPISchema
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let evse = try await ActionCommand.evse(call, "evse", of: chargePoint, store)
                _ = try await ActionCommand.sendAccepted(
                    UnlockConnectorRequest(connectorId: evse.networkId), to: chargePoint, deps, status: \.status,
                    accepted: .unlocked)
                return try ActionCommand.accepted()
            },
            APIRoute(
                .post, "\(base)/change-availability", "changeAvailability",
                "Operative/Inoperative (ChangeAvailability); 204 when scheduled", tag: "Charge point actions",
                success: 202, failures: [204, 404, 406, 422], bodySchema: ActionBodySchemas.changeAvailability,
                response: nil
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let body = try call.decode(ChangeAvailabilityBody.self)
                let type: AvailabilityType
                switch body.type {
                case .operative: type = .operative
                case .inoperative: type = .inoperative
                case .unknown: throw APIFailure.invalid("type", "The type must be Operative or Inoperative.")
                }
                var connectorId = 0
                if let networkId = body.evseNetworkId {
                    guard try await store.evse(chargePointId: chargePoint.id ?? 0, networkId: networkId) != nil else {
                        throw APIFailure.invalid("evseNetworkId", "The charge point has no EVSE \(networkId).")
                    }
                    connectorId = networkId
                }
                let answer = try await ActionCommand.send(
                    ChangeAvailabilityRequest(connectorId: connectorId, type: type), to: chargePoint, deps)
                switch answer.status {
                case .accepted: return APIResponse.empty(.accepted)
                case .scheduled: return APIResponse.empty(.noContent)
                case .rejected:
                    throw ActionCommand.rejected(
                        chargePoint, action: ChangeAvailabilityRequest.action, status: answer.status.rawValue)
                }
            },
            APIRoute(
                .post, "\(base)/set-charging-profile/{evseNetworkId}", "setChargingProfile",
                "Install a charging profile (SetChargingProfile); 0 = whole charge point", tag: "Smart charging",
                success: 202, failures: [404, 406, 422], bodySchema: ActionBodySchemas.chargingProfile,
                response: .data(ChargingProfileReference.openAPISchema)
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let connectorId = try await connector(call, "evseNetworkId", of: chargePoint, store)
                let body = try call.decode(SetChargingProfileBody.self)
                let profileId = body.chargingSchedule.id ?? deps.makeRequestId()
                let profile = try ChargingProfileConversion.profile(body, id: profileId)
                _ = try await ActionCommand.sendAccepted(
                    SetChargingProfileRequest(connectorId: connectorId, csChargingProfiles: profile), to: chargePoint,
                    deps, status: \.status, accepted: .accepted)
                try await applied(profile, connectorId: connectorId, chargePoint: chargePoint, deps)
                return try APIResponse.data(ChargingProfileReference(id: profileId), status: .accepted)
            },
            APIRoute(
                .post, "\(base)/clear-charging-profile", "clearChargingProfile",
                "Clear charging profiles (ClearChargingProfile)", tag: "Smart charging", success: 202,
                failures: [404, 406, 422], bodySchema: ActionBodySchemas.clearChargingProfile, response: nil
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let body = try call.decode(ClearChargingProfileBody.self, emptyAs: ClearChargingProfileBody())
                var connectorId: Int?
                if let text = body.evseNetworkId {
                    guard let value = Int(text), value >= 0 else {
                        throw APIFailure.invalid("evseNetworkId", "The evseNetworkId must be a number.")
                    }
                    connectorId = value
                }
                var purpose: ChargingProfilePurpose?
                switch body.chargingProfilePurpose {
                case .none: purpose = nil
                case .chargePointMaxProfile: purpose = .chargePointMaxProfile
                case .txDefaultProfile: purpose = .txDefaultProfile
                case .txProfile: purpose = .txProfile
                case .unknown:
                    throw APIFailure.invalid(
                        "chargingProfilePurpose", "The selected chargingProfilePurpose is invalid.")
                }
                if body.id == nil, purpose == nil, body.stackLevel == nil {
                    // Reference §5: an empty body clears the charge point's ChargePointMaxProfile; with
                    // evseNetworkId, that EVSE's TxDefaultProfile.
                    purpose = connectorId == nil ? .chargePointMaxProfile : .txDefaultProfile
                    connectorId = connectorId ?? 0
                }
                let request = ClearChargingProfileRequest(
                    id: body.id, connectorId: connectorId, chargingProfilePurpose: purpose, stackLevel: body.stackLevel)
                _ = try await ActionCommand.sendAccepted(
                    request, to: chargePoint, deps, status: \.status, accepted: .accepted)
                try await store.clearAppliedChargingProfiles(
                    chargePointId: chargePoint.id ?? 0, profileId: body.id, connectorId: connectorId,
                    purpose: purpose.map { ProfilePurpose(rawValue: $0.rawValue) }, stackLevel: body.stackLevel)
                return APIResponse.empty(.accepted)
            },
            APIRoute(
                .post, "\(base)/trigger-message", "triggerMessage",
                "Ask the charge point to send a message (TriggerMessage / ExtendedTriggerMessage)",
                tag: "Charge point actions", success: 202, failures: [404, 406, 422],
                bodySchema: ActionBodySchemas.triggerMessage, response: nil
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let body = try call.decode(TriggerMessageBody.self)
                return try await trigger(body.type, connectorId: nil, chargePoint: chargePoint, deps)
            },
            APIRoute(
                .post, "/public-api/actions/evse/v1.0/{evse}/trigger-message", "triggerMessageOnEVSE",
                "Trigger a message for one EVSE (connectorId = its networkId)", tag: "Charge point actions",
                success: 202, failures: [404, 406, 422], bodySchema: ActionBodySchemas.triggerMessage, response: nil
            ) { call in
                guard let evse = try await store.evse(id: try call.id("evse", model: "Evse")) else {
                    throw APIFailure.notFound("Evse")
                }
                let chargePoint = try await ActionCommand.chargePoint(id: evse.chargePointId, store)
                let body = try call.decode(TriggerMessageBody.self)
                return try await trigger(body.type, connectorId: evse.networkId, chargePoint: chargePoint, deps)
            },
            APIRoute(
                .post, "\(base)/get-diagnostics", "getDiagnostics", "Upload diagnostics (GetDiagnostics)",
                tag: "Charge point actions", success: 202, failures: [404, 406, 422],
                bodySchema: ActionBodySchemas.getDiagnostics, response: GetDiagnosticsResult.openAPISchema
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let body = try call.decode(GetDiagnosticsBody.self)
                guard URL(string: body.location)?.scheme != nil else {
                    throw APIFailure.invalid("location", "The location must be a URL.")
                }
                let request = GetDiagnosticsRequest(
                    location: body.location, startTime: body.start.map(OCPPTimestamp.init),
                    stopTime: body.stop.map(OCPPTimestamp.init))
                let answer = try await ActionCommand.send(request, to: chargePoint, deps)
                return try APIResponse.json(
                    GetDiagnosticsResult(
                        success: true, requestId: deps.makeRequestId(), fileName: answer.fileName?.value),
                    status: .accepted)
            },
            APIRoute(
                .post, "\(base)/get-security-log", "getSecurityLog", "Upload the security log (GetLog)",
                tag: "Charge point actions", success: 201, failures: [404, 406, 422],
                bodySchema: ActionBodySchemas.getSecurityLog, response: .data(SecurityLogUpload.openAPISchema)
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let body = try call.decode(GetSecurityLogBody.self)
                guard URL(string: body.url)?.scheme != nil else {
                    throw APIFailure.invalid("url", "The url must be a URL.")
                }
                if let retries = body.retries, !(0...10).contains(retries) {
                    throw APIFailure.invalid("retries", "The retries must be between 0 and 10.")
                }
                if let interval = body.interval, !(0...3600).contains(interval) {
                    throw APIFailure.invalid("interval", "The interval must be between 0 and 3600.")
                }
                let requestId = deps.makeRequestId()
                let request = GetLogRequest(
                    log: LogParameters(
                        remoteLocation: try ActionCommand.bounded(body.url, field: "url"),
                        oldestTimestamp: try body.startTime.map { value throws(APIFailure) in
                            try timestamp(value, field: "startTime")
                        },
                        latestTimestamp: try body.stopTime.map { value throws(APIFailure) in
                            try timestamp(value, field: "stopTime")
                        }),
                    logType: .securityLog, requestId: requestId, retries: body.retries, retryInterval: body.interval)
                let answer = try await ActionCommand.send(request, to: chargePoint, deps)
                guard answer.status != .rejected else {
                    throw ActionCommand.rejected(
                        chargePoint, action: GetLogRequest.action, status: answer.status.rawValue)
                }
                return try APIResponse.data(
                    SecurityLogUpload(
                        id: requestId, status: answer.status.rawValue, fileName: answer.filename?.value,
                        logType: LogType.securityLog.rawValue, chargePointId: Int(chargePoint.id ?? 0)),
                    status: .created)
            },
            APIRoute(
                .post, "\(base)/send-data-transfer", "sendDataTransfer", "Vendor data transfer (DataTransfer)",
                tag: "Charge point actions", success: 200, failures: [404, 406, 422],
                bodySchema: ActionBodySchemas.sendDataTransfer, response: SendDataTransferResult.openAPISchema
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let body = try call.decode(SendDataTransferBody.self)
                guard !body.vendorId.isEmpty else { throw APIFailure.invalid("vendorId", "The vendorId is required.") }
                let request = DataTransferRequest(
                    vendorId: try ActionCommand.bounded(body.vendorId, field: "vendorId"),
                    messageId: try body.messageId.map { value throws(APIFailure) in
                        try ActionCommand.bounded(value, field: "messageId")
                    },
                    data: body.data)
                let answer = try await ActionCommand.send(request, to: chargePoint, deps)
                return try APIResponse.json(
                    SendDataTransferResult(
                        status: DataTransferOutcome(rawValue: answer.status.rawValue), data: answer.data))
            },
            APIRoute(
                .post, "\(base)/sync-configuration", "syncConfiguration",
                "Read configuration keys into the cache (GetConfiguration)", tag: "Charge point actions",
                success: 202, failures: [404, 406, 422], bodySchema: ActionBodySchemas.syncConfiguration,
                response: SyncConfigurationResult.openAPISchema
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let body = try call.decode(SyncConfigurationBody.self, emptyAs: SyncConfigurationBody())
                var keys: [CiString50] = []
                for (index, key) in (body.keys ?? []).enumerated() {
                    keys.append(try ActionCommand.bounded(key, field: "keys.\(index)"))
                }
                let answer = try await ActionCommand.send(
                    GetConfigurationRequest(key: keys.isEmpty ? nil : keys), to: chargePoint, deps)
                try await store.cacheConfiguration(
                    identity: chargePoint.ocppIdentity, keys: answer.configurationKey ?? [], now: deps.now())
                let requestId = deps.makeRequestId()
                deps.notify(
                    .syncConfiguration(
                        chargePointId: chargePoint.id, requestId: requestId, keys: answer.configurationKey ?? [],
                        unknown: (answer.unknownKey ?? []).map(\.value), now: deps.now()))
                return try APIResponse.json(
                    SyncConfigurationResult(success: true, requestId: requestId), status: .accepted)
            },
            APIRoute(
                .post, "\(base)/reset-security-profile", "resetSecurityProfile",
                "Forget the charge point's security profile (back end only)", tag: "Security actions", success: 202,
                failures: [404], response: nil
            ) { call in
                var chargePoint = try await ChargePointRoutes.find(call, store)
                chargePoint.securityProfile = 0
                chargePoint.updatedAt = deps.now().date
                try await store.update(chargePoint)
                return APIResponse.empty(.accepted)
            },
            APIRoute(
                .post, "\(base)/change-owner", "changeOwner", "Change the owner (back end only)",
                tag: "Charge point actions", success: 202, failures: [404, 422],
                bodySchema: ActionBodySchemas.changeOwner, response: nil
            ) { call in
                _ = try await ChargePointRoutes.find(call, store)
                let body = try call.decode(ChangeOwnerBody.self, emptyAs: ChangeOwnerBody())
                if let userId = body.userId, userId < 1 {
                    throw APIFailure.invalid("userId", "The selected userId is invalid.")
                }
                // The embedded back end has no users: ownership is validated and acknowledged only.
                return APIResponse.empty(.accepted)
            },
            APIRoute(
                .post, "\(base)/disconnect", "disconnectChargePoint", "Close the charge point's OCPP connection",
                tag: "Charge point actions", success: 202, failures: [404, 409, 422],
                bodySchema: ActionBodySchemas.disconnect, response: ActionResult.openAPISchema
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let body = try call.decode(DisconnectBody.self)
                guard !body.reason.isEmpty, body.reason.count <= 255 else {
                    throw APIFailure.invalid("reason", "The reason must be 1 to 255 characters.")
                }
                guard let closer = deps.commands as? any ChargePointDisconnecting else {
                    throw APIFailure(
                        status: .conflict, body: APIError(message: "This back end cannot close OCPP connections."))
                }
                guard await closer.disconnect(chargePointId: chargePoint.ocppIdentity, reason: body.reason) else {
                    throw APIFailure(
                        status: .conflict,
                        body: APIError(message: "Charge point \(chargePoint.ocppIdentity) is not connected."))
                }
                return try ActionCommand.accepted()
            },
        ]
    }

    /// `{name}` as a connector id: 0 (whole charge point) or one of its EVSEs' networkIds, else 404.
    /// Keeps the profile a charger accepted (the `chargingProfile` include) and announces it
    /// (`chargingProfile.applied`): the session is the one its transactionId names, else the
    /// EVSE's active one for a TxProfile.
    static func applied(
        _ profile: ChargingProfile, connectorId: Int, chargePoint: ChargePointRecord, _ deps: APIDependencies
    ) async throws {
        let store = deps.store
        let chargePointId = chargePoint.id ?? 0
        let now = deps.now()
        let shown = AppliedChargingProfile(profile: profile)
        try await store.recordAppliedChargingProfile(
            shown, chargePointId: chargePointId, connectorId: connectorId, now: now)
        let evse = connectorId == 0 ? nil : try await store.evse(chargePointId: chargePointId, networkId: connectorId)
        var session: SessionRecord?
        if let transactionId = profile.transactionId {
            session = try await store.session(chargePointId: chargePointId, transactionId: transactionId)
        } else if profile.chargingProfilePurpose == .txProfile, let evseId = evse?.id {
            session = try await store.activeSession(evseId: evseId)
        }
        deps.notify(
            .chargingProfileApplied(
                chargePointId: chargePointId, evseId: evse?.id, sessionId: session?.id, profile: shown, at: now))
    }

    static func connector(_ call: APICall, _ name: String, of chargePoint: ChargePointRecord, _ store: Store)
        async throws -> Int
    {
        if call.parameters[name] == "0" { return 0 }
        return try await ActionCommand.evse(call, name, of: chargePoint, store).networkId
    }

    /// `Y-m-d H:i:s` (taken as UTC, [INF]) to an OCPP timestamp.
    static func timestamp(_ value: LocalDateTime, field: String) throws(APIFailure) -> OCPPTimestamp {
        let iso = value.text.replacingOccurrences(of: " ", with: "T") + "Z"
        guard let timestamp = OCPPTimestamp(rfc3339: iso) else {
            throw .invalid(field, "The \(field) must be Y-m-d H:i:s.")
        }
        return timestamp
    }

    /// TriggerMessage for the OCPP 1.6 core triggers, ExtendedTriggerMessage (security extension)
    /// for LogStatusNotification and SignChargingStationCertificate; the 2.0.1-only ones are a 406.
    static func trigger(
        _ type: TriggerMessageType, connectorId: Int?, chargePoint: ChargePointRecord, _ deps: APIDependencies
    ) async throws -> Response {
        let core: MessageTrigger?
        var extended: ExtendedMessageTrigger?
        switch type {
        case .bootNotification: core = .bootNotification
        case .diagnosticsStatusNotification: core = .diagnosticsStatusNotification
        case .firmwareStatusNotification: core = .firmwareStatusNotification
        case .heartbeat: core = .heartbeat
        case .meterValues: core = .meterValues
        case .statusNotification: core = .statusNotification
        case .logStatusNotification:
            core = nil
            extended = .logStatusNotification
        case .signChargingStationCertificate:
            core = nil
            extended = .signChargePointCertificate
        case .signV2GCertificate, .publishFirmwareStatusNotification, .signCombinedCertificate, .transactionEvent:
            throw APIFailure.notAcceptable("\(type.rawValue) cannot be triggered over OCPP 1.6.")
        case .unknown(let raw):
            throw APIFailure.invalid("type", "The selected type \(raw) is invalid.")
        }
        let status: TriggerMessageStatus
        let action: String
        if let core {
            action = TriggerMessageRequest.action
            status = try await ActionCommand.send(
                TriggerMessageRequest(requestedMessage: core, connectorId: connectorId), to: chargePoint, deps
            ).status
        } else if let extended {
            action = ExtendedTriggerMessageRequest.action
            status = try await ActionCommand.send(
                ExtendedTriggerMessageRequest(requestedMessage: extended, connectorId: connectorId), to: chargePoint,
                deps
            ).status
        } else {
            preconditionFailure("trigger: neither a core nor an extended trigger for \(type.rawValue)")
        }
        guard status == .accepted else {
            throw ActionCommand.rejected(chargePoint, action: action, status: status.rawValue)
        }
        return APIResponse.empty(.accepted)
    }
}
