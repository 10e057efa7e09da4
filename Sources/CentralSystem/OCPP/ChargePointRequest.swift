import OCPP16

/// A CALL the central system answers (OCPP 1.6 edition 2 chapter 4, "Operations initiated by
/// Charge Point", plus the charger-initiated messages of the 1.6 security extension), decoded.
public enum ChargePointRequest: Sendable, Equatable {
    /// Authorize.req (§4.1).
    case authorize(AuthorizeRequest)
    /// BootNotification.req (§4.2).
    case bootNotification(BootNotificationRequest)
    /// DataTransfer.req (§4.3).
    case dataTransfer(DataTransferRequest)
    /// DiagnosticsStatusNotification.req (§4.4).
    case diagnosticsStatusNotification(DiagnosticsStatusNotificationRequest)
    /// FirmwareStatusNotification.req (§4.5).
    case firmwareStatusNotification(FirmwareStatusNotificationRequest)
    /// Heartbeat.req (§4.6).
    case heartbeat(HeartbeatRequest)
    /// MeterValues.req (§4.7).
    case meterValues(MeterValuesRequest)
    /// StartTransaction.req (§4.8).
    case startTransaction(StartTransactionRequest)
    /// StatusNotification.req (§4.9).
    case statusNotification(StatusNotificationRequest)
    /// StopTransaction.req (§4.10).
    case stopTransaction(StopTransactionRequest)
    /// LogStatusNotification.req (security extension, use case N01).
    case logStatusNotification(LogStatusNotificationRequest)
    /// SecurityEventNotification.req (security extension, use case A04).
    case securityEventNotification(SecurityEventNotificationRequest)
    /// SignCertificate.req (security extension, use cases A02/A03).
    case signCertificate(SignCertificateRequest)
    /// SignedFirmwareStatusNotification.req (security extension, use case L01).
    case signedFirmwareStatusNotification(SignedFirmwareStatusNotificationRequest)

    /// The actions the central system handles; every other OCPP action is `NotSupported`.
    public static let actions: Set<String> = [
        AuthorizeRequest.action, BootNotificationRequest.action, DataTransferRequest.action,
        DiagnosticsStatusNotificationRequest.action, FirmwareStatusNotificationRequest.action,
        HeartbeatRequest.action, MeterValuesRequest.action, StartTransactionRequest.action,
        StatusNotificationRequest.action, StopTransactionRequest.action, LogStatusNotificationRequest.action,
        SecurityEventNotificationRequest.action, SignCertificateRequest.action,
        SignedFirmwareStatusNotificationRequest.action,
    ]

    /// Decodes a delivered CALL; a payload that breaks its schema becomes the CALLERROR of
    /// OCPP-J 1.6 section 4.2.3 (``CallError/init(decodingFailure:)``).
    public static func decode(_ call: InboundCall) -> Result<ChargePointRequest, CallError> {
        do throws(CallError) {
            let payload = call.payload
            switch call.action {
            case AuthorizeRequest.action: return .success(.authorize(try payload.decode(AuthorizeRequest.self)))
            case BootNotificationRequest.action:
                return .success(.bootNotification(try payload.decode(BootNotificationRequest.self)))
            case DataTransferRequest.action:
                return .success(.dataTransfer(try payload.decode(DataTransferRequest.self)))
            case DiagnosticsStatusNotificationRequest.action:
                return .success(
                    .diagnosticsStatusNotification(try payload.decode(DiagnosticsStatusNotificationRequest.self)))
            case FirmwareStatusNotificationRequest.action:
                return .success(
                    .firmwareStatusNotification(try payload.decode(FirmwareStatusNotificationRequest.self)))
            // The three requests of the steady state try the direct decoder first (issue 11); it
            // declines anything unusual, which Codable then decodes or answers with its CALLERROR.
            case HeartbeatRequest.action:
                if let direct = DirectRequestDecoder.heartbeat(payload) { return .success(.heartbeat(direct)) }
                return .success(.heartbeat(try payload.decode(HeartbeatRequest.self)))
            case MeterValuesRequest.action:
                if let direct = DirectRequestDecoder.meterValues(payload) { return .success(.meterValues(direct)) }
                return .success(.meterValues(try payload.decode(MeterValuesRequest.self)))
            case StartTransactionRequest.action:
                return .success(.startTransaction(try payload.decode(StartTransactionRequest.self)))
            case StatusNotificationRequest.action:
                if let direct = DirectRequestDecoder.statusNotification(payload) {
                    return .success(.statusNotification(direct))
                }
                return .success(.statusNotification(try payload.decode(StatusNotificationRequest.self)))
            case StopTransactionRequest.action:
                return .success(.stopTransaction(try payload.decode(StopTransactionRequest.self)))
            case LogStatusNotificationRequest.action:
                return .success(.logStatusNotification(try payload.decode(LogStatusNotificationRequest.self)))
            case SecurityEventNotificationRequest.action:
                return .success(
                    .securityEventNotification(try payload.decode(SecurityEventNotificationRequest.self)))
            case SignCertificateRequest.action:
                return .success(.signCertificate(try payload.decode(SignCertificateRequest.self)))
            case SignedFirmwareStatusNotificationRequest.action:
                return .success(
                    .signedFirmwareStatusNotification(
                        try payload.decode(SignedFirmwareStatusNotificationRequest.self)))
            default:
                // Action names are open strings from the wire; the endpoint only delivers `actions`.
                return .failure(
                    ActionSupport(action: call.action, handled: actions).callError(for: call.action)
                        ?? CallError(.internalError, "no decoder for \(call.action)"))
            }
        } catch {
            return .failure(error)
        }
    }
}
