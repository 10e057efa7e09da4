import OCPP16
import Testing

@Suite struct FeatureProfileTests {
    @Test func everyActionBelongsToOneProfile() throws {
        var counts: [OCPPFeatureProfile: Int] = [:]
        for type in OCPPMessageCatalog.requests {
            let profile = try #require(OCPPMessageCatalog.profile(ofAction: type.action))
            counts[profile, default: 0] += 1
        }
        #expect(
            counts == [
                .core: 16, .firmwareManagement: 4, .localAuthListManagement: 2, .reservation: 2, .smartCharging: 3,
                .remoteTrigger: 1, .security: 11,
            ]
        )
        #expect(OCPPMessageCatalog.profile(ofAction: "SetChargingProfile") == .smartCharging)
        #expect(OCPPMessageCatalog.profile(ofAction: "Teleport") == nil)
        #expect(OCPPFeatureProfile.localAuthListManagement.rawValue == "LocalAuthListManagement")
    }
}
