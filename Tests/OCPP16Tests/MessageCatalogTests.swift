import OCPP16
import Testing

@Suite struct MessageCatalogTests {
    /// OCPP 1.6 section 4 and the security extension: the operations initiated by the charge point.
    static let chargePointInitiated: Set<String> = [
        "Authorize", "BootNotification", "DataTransfer", "DiagnosticsStatusNotification",
        "FirmwareStatusNotification", "Heartbeat", "MeterValues", "StartTransaction", "StatusNotification",
        "StopTransaction", "LogStatusNotification", "SecurityEventNotification", "SignCertificate",
        "SignedFirmwareStatusNotification",
    ]

    @Test func initiatorsFollowTheSpecification() {
        for type in OCPPMessageCatalog.requests {
            let expected: OCPPInitiator =
                Self.chargePointInitiated.contains(type.action) ? .chargePoint : .centralSystem
            #expect(type.initiator == expected, "\(type.action)")
        }
        #expect(OCPPMessageCatalog.requests.filter { $0.initiator == .chargePoint }.count == 14)
        #expect(OCPPMessageCatalog.requests.filter { $0.initiator == .centralSystem }.count == 25)
    }

    @Test func typesAnswerWithTheirConfirmation() {
        #expect(BootNotificationRequest.action == "BootNotification")
        #expect(BootNotificationRequest.Response.self == BootNotificationResponse.self)
        #expect(SignedUpdateFirmwareRequest.initiator == .centralSystem)
    }
}
