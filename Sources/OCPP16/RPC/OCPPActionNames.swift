/// The action names OCPP 1.6 defines: edition 2 (all six feature profiles) plus the 1.6 security
/// extension, 39 in all, one per request schema in `shared/ocpp16/schemas/`.
///
/// This is the one place the RPC layer learns which actions exist; an action outside it is
/// answered `NotImplemented`, an action in it that the receiver does not handle `NotSupported`
/// (OCPP-J 1.6 table 7). When the message catalogue lands, this set becomes
/// `Set(OCPPMessageCatalog.requests.map { $0.action })`.
public enum OCPPActionNames {
    /// Every OCPP 1.6 action name, exactly as it appears in a CALL.
    public static let all: Set<String> = [
        // Core
        "Authorize", "BootNotification", "ChangeAvailability", "ChangeConfiguration", "ClearCache",
        "DataTransfer", "GetConfiguration", "Heartbeat", "MeterValues", "RemoteStartTransaction",
        "RemoteStopTransaction", "Reset", "StartTransaction", "StatusNotification", "StopTransaction",
        "UnlockConnector",
        // Firmware Management
        "DiagnosticsStatusNotification", "FirmwareStatusNotification", "GetDiagnostics", "UpdateFirmware",
        // Local Auth List Management
        "GetLocalListVersion", "SendLocalList",
        // Reservation
        "CancelReservation", "ReserveNow",
        // Smart Charging
        "ClearChargingProfile", "GetCompositeSchedule", "SetChargingProfile",
        // Remote Trigger
        "TriggerMessage",
        // Security extension
        "CertificateSigned", "DeleteCertificate", "ExtendedTriggerMessage", "GetInstalledCertificateIds",
        "GetLog", "InstallCertificate", "LogStatusNotification", "SecurityEventNotification",
        "SignCertificate", "SignedFirmwareStatusNotification", "SignedUpdateFirmware",
    ]
}
