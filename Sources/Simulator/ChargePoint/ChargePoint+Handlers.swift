import OCPP16

// The CALLs the central system sends (OCPP 1.6 §5), one handler each. A handler answers at
// once; what follows from it (a StatusNotification, a StartTransaction, a triggered message)
// is queued and goes out after the answer, and a Reset is carried out after the answer.
extension ChargePoint {
    static func makeRegistry(features: Set<FeatureProfile>) -> ActionRegistry<ChargePoint> {
        var registry = ActionRegistry<ChargePoint>()
        registry.register(ChangeAvailabilityRequest.self) { request, machine in machine.changeAvailability(request) }
        registry.register(ChangeConfigurationRequest.self) { request, machine in
            machine.changeConfiguration(request)
        }
        registry.register(ClearCacheRequest.self) { _, machine in machine.authorization.clearCache() }
        registry.register(DataTransferRequest.self) { request, machine in
            let known = machine.profile.behaviour.dataTransferVendorIds.contains(request.vendorId.value)
            return DataTransferResponse(status: known ? .accepted : .unknownVendorId)
        }
        registry.register(GetConfigurationRequest.self) { request, machine in
            machine.configuration.get(request)
        }
        registry.register(RemoteStartTransactionRequest.self) { request, machine in machine.remoteStart(request) }
        registry.register(RemoteStopTransactionRequest.self) { request, machine in
            guard
                let connectorId = machine.connectors.firstIndex(where: {
                    $0.transaction?.transactionId == request.transactionId
                })
            else { return RemoteStopTransactionResponse(status: .rejected) }
            machine.stopTransaction(connectorId: connectorId, reason: .remote, idTag: nil)
            return RemoteStopTransactionResponse(status: .accepted)
        }
        registry.register(ResetRequest.self) { request, machine in
            machine.pendingReset = request.type
            return ResetResponse(status: .accepted)
        }
        registry.register(UnlockConnectorRequest.self) { request, machine in machine.unlock(request) }
        if features.contains(.smartCharging) {
            registry.register(SetChargingProfileRequest.self) { request, machine in machine.setChargingProfile(request)
            }
            registry.register(ClearChargingProfileRequest.self) { request, machine in
                machine.clearChargingProfile(request)
            }
            registry.register(GetCompositeScheduleRequest.self) { request, machine in
                machine.compositeSchedule(request)
            }
        }
        if features.contains(.firmwareManagement) {
            registry.register(UpdateFirmwareRequest.self) { request, machine in machine.updateFirmware(request) }
            registry.register(SignedUpdateFirmwareRequest.self) { request, machine in
                machine.signedUpdateFirmware(request)
            }
            registry.register(GetDiagnosticsRequest.self) { request, machine in machine.getDiagnostics(request) }
        }
        if features.contains(.remoteTrigger) {
            registry.register(TriggerMessageRequest.self) { request, machine in machine.trigger(request) }
        }
        if features.contains(.localAuthListManagement) {
            registry.register(SendLocalListRequest.self) { request, machine in
                machine.authorization.apply(request, policy: machine.configuration.authorizationPolicy)
            }
            registry.register(GetLocalListVersionRequest.self) { _, machine in
                GetLocalListVersionResponse(
                    listVersion: machine.authorization.localListVersion(
                        policy: machine.configuration.authorizationPolicy))
            }
        }
        registerSecurityExtension(&registry)
        if features.contains(.reservation) {
            registry.register(ReserveNowRequest.self) { request, machine in machine.reserve(request) }
            registry.register(CancelReservationRequest.self) { request, machine in
                machine.reservations.cancel(request).response
            }
        }
        return registry
    }

    /// §5.2: connector 0 means the whole charger; a connector with a session changes once it
    /// ends (Scheduled).
    mutating func changeAvailability(_ request: ChangeAvailabilityRequest) -> ChangeAvailabilityResponse {
        guard connectors.indices.contains(request.connectorId) else {
            return ChangeAvailabilityResponse(status: .rejected)
        }
        let targets = request.connectorId == 0 ? Array(connectors.indices.dropFirst()) : [request.connectorId]
        var scheduled = false
        for id in targets {
            switch connectors[id].session {
            case .transaction, .preparing:
                if connectors[id].operative != (request.type == .operative) {
                    connectors[id].scheduledAvailability = request.type
                    scheduled = true
                } else {
                    connectors[id].scheduledAvailability = nil
                }
            case .finishing, nil:
                connectors[id].operative = request.type == .operative
                connectors[id].scheduledAvailability = nil
            }
        }
        if request.connectorId == 0 {
            // The charger as a whole changes once its last busy connector has.
            if scheduled {
                connectors[0].scheduledAvailability = request.type
            } else {
                connectors[0].operative = request.type == .operative
                connectors[0].scheduledAvailability = nil
            }
        }
        return ChangeAvailabilityResponse(status: scheduled ? .scheduled : .accepted)
    }

    mutating func changeConfiguration(_ request: ChangeConfigurationRequest) -> ChangeConfigurationResponse {
        let previousProfile = configuration.securityProfile
        let (response, change) = configuration.change(request)
        // Effects apply at once (issue 5: "effects applied live").
        switch change {
        case .heartbeatInterval:
            if boot == .accepted { nextHeartbeatAt = nextHeartbeat(after: now) }
        case .meterValueSampleInterval(let interval):
            let next = interval > .zero ? now + interval : nil
            for id in connectors.indices where connectors[id].transactionIds != nil {
                connectors[id].nextSampleAt = next
            }
        case .clockAlignedDataInterval:
            scheduleAlignedSample(after: now)
        case .securityProfile(let profile):
            securityProfileChanged(from: previousProfile, to: profile)
            if let change { output.append(.reconfigureConnection(change)) }
        case .authorizationKey:
            recordSecurityEvent(.reconfigurationOfSecurityParameters, techInfo: "AuthorizationKey set")
            if let change { output.append(.reconfigureConnection(change)) }
        case .webSocketPingInterval:
            if let change { output.append(.reconfigureConnection(change)) }
        case .authorizationCacheEnabled, .localAuthListEnabled, .stored, nil:
            // Read on next use.
            break
        }
        return response
    }

    /// §5.11: Accepted when the connector can start for the tag; the EV plugs in after the
    /// profile's delay, or the connector gives up after ConnectionTimeOut.
    mutating func remoteStart(_ request: RemoteStartTransactionRequest) -> RemoteStartTransactionResponse {
        let idTag = request.idTag.value
        let candidates = request.connectorId.map { [$0] } ?? Array(connectors.indices.dropFirst())
        let chosen = candidates.first { id in
            guard isUsable(id), case .allowed = reservationCheck(idTag, connectorId: id) else { return false }
            switch connectors[id].session {
            case nil, .finishing: return true
            case .preparing(let preparation): return preparation.authorization == .none
            case .transaction: return false
            }
        }
        guard let connectorId = chosen,
            case .allowed(let reservationId) = reservationCheck(idTag, connectorId: connectorId)
        else { return RemoteStartTransactionResponse(status: .rejected) }
        // §5.11: the profile must be a TxProfile (without SmartCharging it is not looked at).
        let chargingProfile = supportsSmartCharging ? request.chargingProfile : nil
        if let chargingProfile, !acceptsRemoteStartProfile(chargingProfile, connectorId: connectorId) {
            return RemoteStartTransactionResponse(status: .rejected)
        }
        let plugged = isPlugged(connectorId)
        let delay = Duration.milliseconds(Int64(profile.behaviour.autoPlugDelaySeconds * 1000))
        connectors[connectorId].session = .preparing(
            ConnectorState.Preparation(
                idTag: idTag, parentIdTag: nil, authorization: .none, remote: true, reservationId: reservationId,
                connectionDeadline: nil, autoPlugAt: plugged ? nil : now + delay, chargingProfile: chargingProfile))
        if configuration.authorizeRemoteTxRequests {
            authorize(idTag, connectorId: connectorId)
        } else {
            authorizationAccepted(connectorId: connectorId, parentIdTag: nil)
        }
        if !plugged, let preparation = connectors[connectorId].preparation, preparation.autoPlugAt == nil {
            connectors[connectorId].session = .preparing(with(preparation) { $0.autoPlugAt = now + delay })
        }
        return RemoteStartTransactionResponse(status: .accepted)
    }

    /// §5.18: a transaction on the connector stops with UnlockCommand.
    mutating func unlock(_ request: UnlockConnectorRequest) -> UnlockConnectorResponse {
        let id = request.connectorId
        guard id > 0, connectors.indices.contains(id) else { return UnlockConnectorResponse(status: .notSupported) }
        if connectors[id].fault?.errorCode == .connectorLockFailure {
            return UnlockConnectorResponse(status: .unlockFailed)
        }
        if connectors[id].transaction != nil {
            stopTransaction(connectorId: id, reason: .unlockCommand, idTag: nil)
        } else if case .finishing = connectors[id].session, !isPlugged(id) {
            // A cable left locked after the EV unplugged (UnlockConnectorOnEVSideDisconnect false).
            connectors[id].session = nil
            applyScheduledAvailability(id)
        }
        return UnlockConnectorResponse(status: .unlocked)
    }

    /// §5.17: the answer goes first, then the requested message.
    mutating func trigger(_ request: TriggerMessageRequest) -> TriggerMessageResponse {
        if let id = request.connectorId, !connectors.indices.contains(id) {
            return TriggerMessageResponse(status: .rejected)
        }
        let targets = request.connectorId.map { [$0] } ?? Array(connectors.indices)
        switch request.requestedMessage {
        case .bootNotification:
            enqueueBootNotification()
        case .heartbeat:
            enqueue(HeartbeatRequest(), purpose: .heartbeat, beforeAcceptance: true)
        case .statusNotification:
            for id in targets {
                connectors[id].lastSent = connectors[id].observed
                enqueue(
                    statusNotification(id), purpose: .status(connectorId: id, report: connectors[id].observed),
                    beforeAcceptance: true)
            }
        case .meterValues:
            for id in targets where id > 0 {
                sampleOutsideTransaction(connectorId: id, context: .trigger, beforeAcceptance: true)
            }
        case .diagnosticsStatusNotification:
            guard profile.featureProfiles.contains(.firmwareManagement) else {
                return TriggerMessageResponse(status: .notImplemented)
            }
            enqueue(
                DiagnosticsStatusNotificationRequest(status: diagnosticsStatus), purpose: .report,
                beforeAcceptance: true)
        case .firmwareStatusNotification:
            guard profile.featureProfiles.contains(.firmwareManagement) else {
                return TriggerMessageResponse(status: .notImplemented)
            }
            enqueue(
                FirmwareStatusNotificationRequest(status: firmwareStatus), purpose: .report, beforeAcceptance: true)
        }
        return TriggerMessageResponse(status: .accepted)
    }

    /// §5.13: the reservation book decides; connector 0 only when ReserveConnectorZeroSupported.
    mutating func reserve(_ request: ReserveNowRequest) -> ReserveNowResponse {
        let statuses = connectors.indices.map { derivedReport($0).status }
        return reservations.reserve(request, connectorStatus: { statuses[$0] }, now: now).response
    }
}
