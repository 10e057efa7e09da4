import Foundation
import NIOHTTP1

/// The actions of reference §5, one typed method each. `{evse}` in a charge-point action is the
/// EVSE's `networkId` (the OCPP connector id); in an `evse/...` action it is the EVSE's system id.
/// A charger that rejects, is offline or does not answer gives HTTP 406
/// (``PublicAPIClientError/status`` 406, the reason in ``PublicAPIClientError/message``).
extension PublicAPIClient {
    static func chargePointAction(_ id: Int, _ action: String, version: String = "v1.0") -> String {
        "actions/charge-point/\(version)/\(id)/\(action)"
    }

    // MARK: Sessions

    /// `POST actions/charge-point/v1.0/{cp}/start/{evseNetworkId}` (RemoteStartTransaction).
    /// `sessionId` is set when the charger started within the server's short wait.
    public func startSession(chargePointId: Int, evseNetworkId: Int, _ body: StartSessionBody = StartSessionBody())
        async throws(PublicAPIClientError) -> StartSessionResult
    {
        try await send(
            .POST, Self.chargePointAction(chargePointId, "start/\(evseNetworkId)"), json: body,
            as: StartSessionResult.self)
    }

    /// `POST actions/charge-point/v1.0/{cp}/start`: the charger picks the EVSE.
    public func startSession(chargePointId: Int, _ body: StartSessionBody = StartSessionBody())
        async throws(PublicAPIClientError) -> StartSessionResult
    {
        try await send(.POST, Self.chargePointAction(chargePointId, "start"), json: body, as: StartSessionResult.self)
    }

    /// `POST actions/evse/v1.0/{evseId}/start` (EVSE system id).
    public func startSession(evseId: Int, _ body: StartSessionBody = StartSessionBody())
        async throws(PublicAPIClientError) -> StartSessionResult
    {
        try await send(.POST, "actions/evse/v1.0/\(evseId)/start", json: body, as: StartSessionResult.self)
    }

    /// `POST actions/charge-point/v1.0/{cp}/stop/{session}` (RemoteStopTransaction); `force`
    /// ends the session whatever the charger answers.
    public func stopSession(chargePointId: Int, sessionId: String, force: Bool? = nil)
        async throws(PublicAPIClientError)
    {
        try await action(
            Self.chargePointAction(chargePointId, "stop/\(Self.segment(sessionId))"), StopSessionBody(force: force))
    }

    // MARK: Charge point commands

    /// `POST .../reset/{hard|soft}` (Reset).
    public func reset(chargePointId: Int, _ kind: ResetKind) async throws(PublicAPIClientError) {
        try await action(Self.chargePointAction(chargePointId, "reset/\(kind.rawValue)"))
    }

    /// `POST .../unlock/{evseNetworkId}` (UnlockConnector).
    public func unlock(chargePointId: Int, evseNetworkId: Int) async throws(PublicAPIClientError) {
        try await action(Self.chargePointAction(chargePointId, "unlock/\(evseNetworkId)"))
    }

    /// `POST .../change-availability` (ChangeAvailability). Returns `true` when it applied now
    /// (202), `false` when the charger scheduled it after running transactions (204).
    @discardableResult
    public func changeAvailability(chargePointId: Int, _ body: ChangeAvailabilityBody)
        async throws(PublicAPIClientError) -> Bool
    {
        let path = Self.chargePointAction(chargePointId, "change-availability")
        let reply = try await send(.POST, path, body: try encode(body, method: .POST, path: path))
        return reply.status != 204
    }

    /// `POST .../set-charging-profile/{evseNetworkId}` (SetChargingProfile; 0 = the whole
    /// charge point). Returns the installed profile's id.
    @discardableResult
    public func setChargingProfile(chargePointId: Int, evseNetworkId: Int, _ body: SetChargingProfileBody)
        async throws(PublicAPIClientError) -> ChargingProfileReference
    {
        try await send(
            .POST, Self.chargePointAction(chargePointId, "set-charging-profile/\(evseNetworkId)"), json: body,
            as: DataEnvelope<ChargingProfileReference>.self
        ).data
    }

    /// `POST .../clear-charging-profile` (ClearChargingProfile).
    public func clearChargingProfile(chargePointId: Int, _ body: ClearChargingProfileBody = ClearChargingProfileBody())
        async throws(PublicAPIClientError)
    {
        try await action(Self.chargePointAction(chargePointId, "clear-charging-profile"), body)
    }

    /// `POST .../trigger-message` (TriggerMessage / ExtendedTriggerMessage).
    public func triggerMessage(chargePointId: Int, _ type: TriggerMessageType) async throws(PublicAPIClientError) {
        try await action(Self.chargePointAction(chargePointId, "trigger-message"), TriggerMessageBody(type: type))
    }

    /// `POST actions/evse/v1.0/{evseId}/trigger-message` (one EVSE, by system id).
    public func triggerMessage(evseId: Int, _ type: TriggerMessageType) async throws(PublicAPIClientError) {
        try await action("actions/evse/v1.0/\(evseId)/trigger-message", TriggerMessageBody(type: type))
    }

    /// `POST .../get-diagnostics` (GetDiagnostics).
    public func getDiagnostics(chargePointId: Int, _ body: GetDiagnosticsBody) async throws(PublicAPIClientError)
        -> GetDiagnosticsResult
    {
        try await send(
            .POST, Self.chargePointAction(chargePointId, "get-diagnostics"), json: body, as: GetDiagnosticsResult.self)
    }

    /// `POST .../get-security-log` (GetLog, 201 `{data}`).
    public func getSecurityLog(chargePointId: Int, _ body: GetSecurityLogBody) async throws(PublicAPIClientError)
        -> SecurityLogUpload
    {
        try await send(
            .POST, Self.chargePointAction(chargePointId, "get-security-log"), json: body,
            as: DataEnvelope<SecurityLogUpload>.self
        ).data
    }

    /// `POST .../send-data-transfer` (DataTransfer, 200 unwrapped).
    public func sendDataTransfer(chargePointId: Int, _ body: SendDataTransferBody)
        async throws(PublicAPIClientError) -> SendDataTransferResult
    {
        try await send(
            .POST, Self.chargePointAction(chargePointId, "send-data-transfer"), json: body,
            as: SendDataTransferResult.self)
    }

    /// `POST .../sync-configuration` (GetConfiguration into the back end's cache).
    public func syncConfiguration(chargePointId: Int, keys: [String]? = nil) async throws(PublicAPIClientError)
        -> SyncConfigurationResult
    {
        try await send(
            .POST, Self.chargePointAction(chargePointId, "sync-configuration"), json: SyncConfigurationBody(keys: keys),
            as: SyncConfigurationResult.self)
    }

    /// `POST actions/charge-point/v2.0/{cp}/set-configuration` (ChangeConfiguration).
    public func setConfiguration(chargePointId: Int, _ body: SetConfigurationBody) async throws(PublicAPIClientError) {
        try await action(Self.chargePointAction(chargePointId, "set-configuration", version: "v2.0"), body)
    }

    /// `POST actions/charge-point/v2.0/{cp}/update-firmware` (UpdateFirmware / SignedUpdateFirmware).
    public func updateFirmware(chargePointId: Int, _ body: UpdateFirmwareBody) async throws(PublicAPIClientError) {
        try await action(Self.chargePointAction(chargePointId, "update-firmware", version: "v2.0"), body)
    }

    /// `POST actions/charge-point/v2.0/{cp}/install-certificate` (InstallCertificate).
    public func installCertificate(chargePointId: Int, _ body: CertificateBody) async throws(PublicAPIClientError) {
        try await action(Self.chargePointAction(chargePointId, "install-certificate", version: "v2.0"), body)
    }

    /// `POST actions/charge-point/v2.0/{cp}/delete-certificate` (DeleteCertificate).
    public func deleteCertificate(chargePointId: Int, _ body: CertificateBody) async throws(PublicAPIClientError) {
        try await action(Self.chargePointAction(chargePointId, "delete-certificate", version: "v2.0"), body)
    }

    /// `POST actions/charge-point/v2.0/{cp}/sync-certificates` (GetInstalledCertificateIds).
    public func syncCertificates(chargePointId: Int, _ body: SyncCertificatesBody = SyncCertificatesBody())
        async throws(PublicAPIClientError)
    {
        try await action(Self.chargePointAction(chargePointId, "sync-certificates", version: "v2.0"), body)
    }

    /// `POST actions/charge-point/v2.0/{cp}/set-security-profile`.
    public func setSecurityProfile(chargePointId: Int, _ body: SetSecurityProfileBody)
        async throws(PublicAPIClientError) -> SetSecurityProfileResult
    {
        try await send(
            .POST, Self.chargePointAction(chargePointId, "set-security-profile", version: "v2.0"), json: body,
            as: SetSecurityProfileResult.self)
    }

    /// `POST .../reset-security-profile` (back end only).
    public func resetSecurityProfile(chargePointId: Int) async throws(PublicAPIClientError) {
        try await action(Self.chargePointAction(chargePointId, "reset-security-profile"))
    }

    /// `POST .../change-owner` (back end only).
    public func changeOwner(chargePointId: Int, _ body: ChangeOwnerBody = ChangeOwnerBody())
        async throws(PublicAPIClientError)
    {
        try await action(Self.chargePointAction(chargePointId, "change-owner"), body)
    }

    /// `POST .../disconnect`: the back end closes the charger's OCPP connection.
    public func disconnect(chargePointId: Int, reason: String) async throws(PublicAPIClientError) {
        try await action(Self.chargePointAction(chargePointId, "disconnect"), DisconnectBody(reason: reason))
    }

    // MARK: Reservations

    /// `POST actions/charge-point/v1.0/{cp}/reserve/{evseNetworkId}` (ReserveNow).
    public func reserve(chargePointId: Int, evseNetworkId: Int, _ body: ReserveBody)
        async throws(PublicAPIClientError) -> ReserveResult
    {
        try await send(
            .POST, Self.chargePointAction(chargePointId, "reserve/\(evseNetworkId)"), json: body,
            as: ReserveResult.self)
    }

    /// `POST actions/reservation/v1.0/{id}/cancel` (CancelReservation).
    public func cancelReservation(_ id: Int, _ body: CancelReservationBody = CancelReservationBody())
        async throws(PublicAPIClientError)
    {
        try await action("actions/reservation/v1.0/\(id)/cancel", body)
    }

    // MARK: -

    /// POSTs an action whose success body carries nothing the caller needs.
    func action(_ path: String) async throws(PublicAPIClientError) {
        _ = try await send(.POST, path)
    }

    func action<Body: Encodable>(_ path: String, _ body: Body) async throws(PublicAPIClientError) {
        _ = try await send(.POST, path, body: try encode(body, method: .POST, path: path))
    }
}
