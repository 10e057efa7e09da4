/// The security events a charge point reports in SecurityEventNotification.req (Improved security
/// for OCPP 1.6-J, appendix "Security events"). The raw value is the `type` sent on the wire.
public enum SecurityEventType: String, Sendable, Hashable, CaseIterable {
    /// The charge point firmware was updated.
    case firmwareUpdated = "FirmwareUpdated"
    /// The authentication credentials from the charge point were rejected by the central system.
    case failedToAuthenticateAtCentralSystem = "FailedToAuthenticateAtCentralSystem"
    /// The central system's credentials were rejected by the charge point.
    case centralSystemFailedToAuthenticate = "CentralSystemFailedToAuthenticate"
    /// The system time of the charge point was changed.
    case settingSystemTime = "SettingSystemTime"
    /// The charge point started (after power up or a reboot).
    case startupOfTheDevice = "StartupOfTheDevice"
    /// The charge point was reset or rebooted.
    case resetOrReboot = "ResetOrReboot"
    /// The security log was cleared.
    case securityLogWasCleared = "SecurityLogWasCleared"
    /// Security parameters (keys, profile, credentials) were changed.
    case reconfigurationOfSecurityParameters = "ReconfigurationOfSecurityParameters"
    /// The charge point is running out of memory or storage.
    case memoryExhaustion = "MemoryExhaustion"
    /// The charge point received messages that are not valid OCPP.
    case invalidMessages = "InvalidMessages"
    /// The charge point received a replayed message.
    case attemptedReplayAttacks = "AttemptedReplayAttacks"
    /// The enclosure's tamper detection fired.
    case tamperDetectionActivated = "TamperDetectionActivated"
    /// A firmware image's signature did not verify.
    case invalidFirmwareSignature = "InvalidFirmwareSignature"
    /// A firmware signing certificate did not verify.
    case invalidFirmwareSigningCertificate = "InvalidFirmwareSigningCertificate"
    /// The central system's TLS certificate did not verify.
    case invalidCentralSystemCertificate = "InvalidCentralSystemCertificate"
    /// A certificate received in CertificateSigned.req did not verify.
    case invalidChargePointCertificate = "InvalidChargePointCertificate"
    /// The TLS version offered is not allowed.
    case invalidTLSVersion = "InvalidTLSVersion"
    /// The TLS cipher suite offered is not allowed.
    case invalidTLSCipherSuite = "InvalidTLSCipherSuite"

    /// Whether the extension's table marks the event critical: a critical event SHALL be sent in
    /// SecurityEventNotification.req (queued while offline); every event goes to the security log.
    public var isCritical: Bool {
        switch self {
        case .firmwareUpdated, .settingSystemTime, .startupOfTheDevice, .resetOrReboot, .securityLogWasCleared,
            .memoryExhaustion, .tamperDetectionActivated:
            return true
        case .failedToAuthenticateAtCentralSystem, .centralSystemFailedToAuthenticate,
            .reconfigurationOfSecurityParameters, .invalidMessages, .attemptedReplayAttacks,
            .invalidFirmwareSignature, .invalidFirmwareSigningCertificate, .invalidCentralSystemCertificate,
            .invalidChargePointCertificate, .invalidTLSVersion, .invalidTLSCipherSuite:
            return false
        }
    }
}
