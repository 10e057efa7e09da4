import OCPP16
import PublicAPI
import Testing

/// CentralSystem maps API bodies to OCPP messages in files that import both modules; the `OCPP16`
/// enum shadows its module name, so an OCPP type cannot be qualified. This file compiles only
/// while the API types that mirror OCPP concepts keep names of their own.
@Suite("PublicAPI and OCPP16 names do not collide")
struct ModuleNamesTests {
    @Test("OCPP and API types of the same concept are told apart without qualification")
    func distinctNames() {
        let ocpp: [String] = [
            AuthorizationStatus.accepted.rawValue, AvailabilityType.inoperative.rawValue,
            ChargePointStatus.suspendedEVSE.rawValue, ChargingProfileKind.absolute.rawValue,
            ChargingProfilePurpose.txProfile.rawValue, ChargingRateUnit.w.rawValue, RecurrencyKind.daily.rawValue,
            DataTransferStatus.accepted.rawValue, ReservationStatus.accepted.rawValue, ResetType.hard.rawValue,
        ]
        let api: [String] = [
            AuthorizationDecision.accepted.rawValue, Availability.inoperative.rawValue,
            EVSEHardwareStatus.suspendedEVSE.rawValue, ProfileKind.absolute.rawValue, ProfilePurpose.txProfile.rawValue,
            RateUnit.watts.rawValue, ProfileRecurrency.daily.rawValue, DataTransferOutcome.accepted.rawValue,
            ReservationState.active.rawValue, ResetKind.hard.rawValue,
        ]
        #expect(
            ocpp == [
                "Accepted", "Inoperative", "SuspendedEVSE", "Absolute", "TxProfile", "W", "Daily", "Accepted",
                "Accepted", "Hard",
            ])
        #expect(
            api == [
                "accepted", "Inoperative", "suspendedEVSE", "Absolute", "TxProfile", "W", "Daily", "Accepted",
                "active", "hard",
            ])
    }
}
