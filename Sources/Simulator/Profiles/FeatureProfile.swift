/// An OCPP 1.6 feature profile a charger supports (OCPP 1.6 §3.1), as listed in the
/// `SupportedFeatureProfiles` configuration key.
public enum FeatureProfile: String, Sendable, Equatable, Codable, CaseIterable, ProfileValue {
    /// Basic charge point functionality; every charger has it.
    case core = "Core"
    /// Firmware update and diagnostics upload.
    case firmwareManagement = "FirmwareManagement"
    /// The local authorization list.
    case localAuthListManagement = "LocalAuthListManagement"
    /// Reservations.
    case reservation = "Reservation"
    /// Smart charging profiles.
    case smartCharging = "SmartCharging"
    /// TriggerMessage.
    case remoteTrigger = "RemoteTrigger"
}
