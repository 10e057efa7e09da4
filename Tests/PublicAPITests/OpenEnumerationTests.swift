import Foundation
import PublicAPI
import Testing

@Suite("Open enumerations (§2.7)")
struct OpenEnumerationTests {
    /// Every known value survives a JSON round trip as itself, and an unseen one as `unknown`.
    private func checkRoundTrips<E: OpenEnumeration>(_ type: E.Type) throws {
        #expect(!E.knownCases.isEmpty)
        #expect(Set(E.knownCases.map(\.rawValue)).count == E.knownCases.count, "duplicate raw values in \(E.self)")
        for value in E.knownCases {
            let json = try PublicAPIJSON.makeEncoder().encode([value])
            #expect(try PublicAPIJSON.makeDecoder().decode([E].self, from: json) == [value])
            #expect(E(rawValue: value.rawValue) == value)
            #expect(value.isKnown)
        }
        let future = E(rawValue: "added-in-a-later-release")
        #expect(future == .init(rawValue: "added-in-a-later-release"))
        #expect(!future.isKnown)
        #expect(future.rawValue == "added-in-a-later-release")
    }

    @Test("every enum of the models round-trips its known values and keeps unknown ones")
    func allEnums() throws {
        let types: [any OpenEnumeration.Type] = [
            AdminStatus.self, AuthorizationMethod.self, AuthorizationSource.self, AuthorizationDecision.self,
            Availability.self, BillingStatus.self, CertificateType.self, ChargePointCapability.self,
            ChargePointHardwareStatus.self, ChargePointType.self, ProfileKind.self,
            ProfilePurpose.self, RateUnit.self, CommunicationMode.self, ConnectedPhase.self,
            ConnectorFormat.self, ConnectorType.self, CurrentType.self, DataTransferOutcome.self,
            DownloadURLProtocol.self, EVSEHardwareStatus.self, IdTagStatus.self, IdTagType.self, InvoiceClientType.self,
            InvoiceType.self, KafkaCompressionCodec.self, KafkaSecurityProtocol.self, LegacyNetworkStatus.self,
            MaxVoltage.self, NetworkProtocol.self, NetworkStatus.self, NetworkType.self, NotificationChannel.self,
            NotificationEvent.self, PartnerAccessType.self, PaymentMethodType.self, PaymentStatus.self,
            PaymentType.self, PhaseRotation.self, PhaseSupply.self, PriceComponentType.self, PriceUnit.self,
            PurchaseResourceType.self, ProfileRecurrency.self, ReservationState.self, ResetKind.self,
            SecurityProfileStatus.self, SessionReason.self, SessionStatus.self, StartSessionErrorCode.self,
            TariffType.self, TransactionBillingType.self, TransactionStatus.self, TriggerMessageType.self,
            VehicleType.self,
        ]
        #expect(types.count == 55)
        for type in types {
            try checkRoundTrips(type)
        }
    }

    @Test("EVSE hardwareStatus has exactly the ten values of §3.1")
    func hardwareStatusValues() {
        #expect(
            EVSEHardwareStatus.knownCases.map(\.rawValue) == [
                "available", "preparing", "charging", "suspendedEVSE", "suspendedEV", "finishing", "reserved",
                "unavailable", "faulted", "occupied",
            ])
    }

    @Test("an unknown hardwareStatus from a real tenant decodes instead of failing, and is written back verbatim")
    func unknownInResource() throws {
        let json = """
            {"id": 8, "networkId": "2", "physicalReference": "P", "currentType": "ac", "status": "enabled",
            "hardwareStatus": "blocked", "roamingOperatorId": null, "createdAt": "2024-01-01T12:00:00Z",
            "lastUpdatedAt": "2024-01-01T12:00:00Z", "someFutureField": 1}
            """
        let evse = try PublicAPIJSON.makeDecoder().decode(EVSE.self, from: Data(json.utf8))
        #expect(evse.hardwareStatus == .unknown("blocked"))
        let written = try PublicAPIJSON.makeEncoder().encode(evse)
        let object = try JSONSerialization.jsonObject(with: written) as? [String: Any]
        #expect(object?["hardwareStatus"] as? String == "blocked")
    }

    @Test("session status \"unknown\" is a known value, distinct from an unknown value")
    func sessionStatusUnknown() {
        #expect(SessionStatus(rawValue: "unknown") == .unknownStatus)
        #expect(SessionStatus(rawValue: "paused") == .unknown("paused"))
        #expect(SessionStatus.unknownStatus.rawValue == "unknown")
    }

    @Test("reset type ignores case (§6.2); transaction status reads the filter's \"reserved\" as reversed (§4.14)")
    func spellings() {
        #expect(ResetKind(rawValue: "Hard") == .hard)
        #expect(ResetKind(rawValue: "SOFT") == .soft)
        #expect(TransactionStatus(rawValue: "reserved") == .reversed)
        #expect(TransactionStatus.reversed.rawValue == "reversed")
    }

    @Test("OCPP reasons lower-cased are session reasons (§4.6)")
    func ocppReasons() {
        for reason in ["EmergencyStop", "EVDisconnected", "HardReset", "DeAuthorized", "UnlockCommand"] {
            #expect(SessionReason(rawValue: reason.lowercased()).isKnown, "\(reason)")
        }
    }
}
