import Foundation
import PublicAPI
import Testing

@Suite("Create and update bodies")
struct WriteBodyTests {
    @Test("charge point v2.0 create (§4.1)")
    func chargePoint() throws {
        let body = try roundTrip(
            """
            {"name": "Depot 1", "type": "private", "status": "enabled", "locationId": 4,
            "network": {"id": "CS-0001", "protocol": "ocpp 1.6", "password": "s3cret"},
            "communicationMode": "direct_ocpp", "security": {"desiredProfile": 1}, "tags": ["a", "b"]}
            """, as: ChargePointWrite.self)
        #expect(body.network?.id == "CS-0001")
        #expect(body.security?.desiredProfile == 1)
    }

    @Test("EVSE and connector create (§4.4, §4.5)")
    func evseAndConnector() throws {
        let evse = try roundTrip(
            """
            {"chargePointId": 3, "networkId": "1", "physicalReference": "CS-0001-1", "currentType": "ac", "status": "enabled",
            "powerOptions": {"maxPower": 11000, "phases": "three_phase"}}
            """, as: EVSEWrite.self)
        #expect(evse.powerOptions?.phases == .threePhase)
        let connector = try roundTrip(
            #"{"type": "ccs2", "format": "cable", "status": "enabled"}"#, as: ConnectorWrite.self)
        #expect(connector.type == .ccs2)
    }

    @Test("location create with nothing required (§4.9)")
    func location() throws {
        #expect(try roundTrip("{}", as: LocationWrite.self) == LocationWrite())
        let body = try roundTrip(
            #"{"name": [{"locale": "en", "translation": "Depot"}], "geoposition": {"latitude": 1.5, "longitude": -2}}"#,
            as: LocationWrite.self)
        #expect(body.geoposition == Geoposition(latitude: 1.5, longitude: -2))
    }

    @Test("a tariff create body is the read shape (§4.14)")
    func tariff() throws {
        let body = try roundTrip(
            #"{"name": "Free", "type": "free"}"#, as: Tariff.self)
        #expect(body.type == .free)
        #expect(body.id == nil)
    }
}
