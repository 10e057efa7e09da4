import Foundation
import OCPP16
import Simulator
import Testing

/// The SetChargingProfile, ClearChargingProfile and TxProfile-lifetime rules of OCPP 1.6 sections
/// 3.13, 5.5, 5.16 and 9.4, one table row per rule.
@Suite struct SmartChargingStoreTests {
    typealias F = SmartChargingFixtures

    struct InstallCase: CustomTestStringConvertible, Sendable {
        var name: String
        var connectorId: Int
        var profile: ChargingProfile
        var transactionOn1: Int? = 7
        var limits: SmartChargingLimits = F.limits
        var expected: ChargingProfileStatus
        var testDescription: String { name }
    }

    static let installCases: [InstallCase] = [
        InstallCase(
            name: "ChargePointMaxProfile on connector 0",
            connectorId: 0, profile: F.profile(id: 1, purpose: .chargePointMaxProfile), expected: .accepted
        ),
        InstallCase(
            name: "ChargePointMaxProfile on a connector",
            connectorId: 1, profile: F.profile(id: 1, purpose: .chargePointMaxProfile), expected: .rejected
        ),
        InstallCase(
            name: "Relative ChargePointMaxProfile",
            connectorId: 0, profile: F.profile(id: 1, purpose: .chargePointMaxProfile, kind: .relative, start: nil),
            expected: .rejected
        ),
        InstallCase(
            name: "TxDefaultProfile on connector 0", connectorId: 0, profile: F.profile(id: 1), expected: .accepted),
        InstallCase(
            name: "TxDefaultProfile on connector 2", connectorId: 2, profile: F.profile(id: 1), expected: .accepted),
        InstallCase(name: "unknown connector", connectorId: 3, profile: F.profile(id: 1), expected: .rejected),
        InstallCase(name: "negative connector", connectorId: -1, profile: F.profile(id: 1), expected: .rejected),
        InstallCase(
            name: "TxProfile with the running transaction",
            connectorId: 1, profile: F.profile(id: 1, purpose: .txProfile, transactionId: 7), expected: .accepted
        ),
        InstallCase(
            name: "TxProfile without transactionId on a charging connector",
            connectorId: 1, profile: F.profile(id: 1, purpose: .txProfile), expected: .accepted
        ),
        InstallCase(
            name: "TxProfile naming another transaction",
            connectorId: 1, profile: F.profile(id: 1, purpose: .txProfile, transactionId: 8), expected: .rejected
        ),
        InstallCase(
            name: "TxProfile with no transaction",
            connectorId: 1, profile: F.profile(id: 1, purpose: .txProfile), transactionOn1: nil, expected: .rejected
        ),
        InstallCase(
            name: "TxProfile on a connector without a transaction",
            connectorId: 2, profile: F.profile(id: 1, purpose: .txProfile), expected: .rejected
        ),
        InstallCase(
            name: "TxProfile on connector 0",
            connectorId: 0, profile: F.profile(id: 1, purpose: .txProfile), expected: .rejected
        ),
        InstallCase(
            name: "stack level at ChargeProfileMaxStackLevel",
            connectorId: 1, profile: F.profile(id: 1, stackLevel: 8), expected: .accepted
        ),
        InstallCase(
            name: "stack level above ChargeProfileMaxStackLevel",
            connectorId: 1, profile: F.profile(id: 1, stackLevel: 9), expected: .rejected
        ),
        InstallCase(
            name: "negative stack level", connectorId: 1, profile: F.profile(id: 1, stackLevel: -1), expected: .rejected
        ),
        InstallCase(
            name: "W when only Current is allowed",
            connectorId: 1, profile: F.profile(id: 1, unit: .w, periods: [F.period(0, 11000)]),
            limits: SmartChargingLimits(
                chargeProfileMaxStackLevel: 8, chargingScheduleAllowedChargingRateUnit: ["Current"],
                chargingScheduleMaxPeriods: 24, maxChargingProfilesInstalled: 10
            ),
            expected: .rejected
        ),
        InstallCase(
            name: "periods at ChargingScheduleMaxPeriods",
            connectorId: 1, profile: F.profile(id: 1, periods: (0..<24).map { F.period($0 * 60, 10) }),
            expected: .accepted
        ),
        InstallCase(
            name: "periods above ChargingScheduleMaxPeriods",
            connectorId: 1, profile: F.profile(id: 1, periods: (0..<25).map { F.period($0 * 60, 10) }),
            expected: .rejected
        ),
        InstallCase(name: "no periods", connectorId: 1, profile: F.profile(id: 1, periods: []), expected: .rejected),
        InstallCase(
            name: "first period not at 0",
            connectorId: 1, profile: F.profile(id: 1, periods: [F.period(60, 10)]), expected: .rejected
        ),
        InstallCase(
            name: "periods not increasing",
            connectorId: 1, profile: F.profile(id: 1, periods: [F.period(0, 10), F.period(600, 8), F.period(600, 6)]),
            expected: .rejected
        ),
        InstallCase(
            name: "negative limit",
            connectorId: 1, profile: F.profile(id: 1, periods: [F.period(0, DecimalTenths(tenths: -10))]),
            expected: .rejected
        ),
        InstallCase(
            name: "four phases",
            connectorId: 1, profile: F.profile(id: 1, periods: [F.period(0, 10, phases: 4)]), expected: .rejected
        ),
        InstallCase(
            name: "startPeriod beyond Int32.max seconds",
            connectorId: 1, profile: F.profile(id: 1, periods: [F.period(0, 10), F.period(Int(Int32.max) + 1, 8)]),
            expected: .rejected
        ),
        InstallCase(
            name: "negative duration", connectorId: 1, profile: F.profile(id: 1, duration: -1), expected: .rejected),
        InstallCase(
            name: "duration beyond Int32.max seconds",
            connectorId: 1, profile: F.profile(id: 1, duration: Int.max), expected: .rejected
        ),
        InstallCase(
            name: "Recurring without startSchedule",
            connectorId: 1, profile: F.profile(id: 1, kind: .recurring, recurrency: .daily, start: nil),
            expected: .rejected
        ),
        InstallCase(
            name: "Recurring without recurrencyKind",
            connectorId: 1, profile: F.profile(id: 1, kind: .recurring), expected: .rejected
        ),
        InstallCase(
            name: "Recurring Weekly",
            connectorId: 1, profile: F.profile(id: 1, kind: .recurring, recurrency: .weekly), expected: .accepted
        ),
        InstallCase(
            name: "Relative without startSchedule",
            connectorId: 1, profile: F.profile(id: 1, kind: .relative, start: nil), expected: .accepted
        ),
        InstallCase(
            name: "validTo already past",
            connectorId: 1, profile: F.profile(id: 1, validTo: F.t0), expected: .rejected
        ),
        InstallCase(
            name: "validTo before validFrom",
            connectorId: 1,
            profile: F.profile(id: 1, validFrom: F.at(F.t0, seconds: 7200), validTo: F.at(F.t0, seconds: 3600)),
            expected: .rejected
        ),
        InstallCase(
            name: "validFrom in the future",
            connectorId: 1,
            profile: F.profile(id: 1, validFrom: F.at(F.t0, seconds: 3600), validTo: F.at(F.t0, seconds: 7200)),
            expected: .accepted
        ),
    ]

    @Test(arguments: installCases)
    func install(_ row: InstallCase) {
        var store = ChargingProfileStore()
        let transactionOn1 = row.transactionOn1
        let status = store.install(
            SetChargingProfileRequest(connectorId: row.connectorId, csChargingProfiles: row.profile),
            connectorCount: 2,
            activeTransaction: { connectorId in
                guard connectorId == 1, let transactionOn1 else { return nil }
                return (transactionOn1, F.t0)
            },
            limits: row.limits,
            now: F.t0
        )
        #expect(status == row.expected)
        #expect(store.profiles.count == (row.expected == .accepted ? 1 : 0))
    }

    @Test func txProfileIsStampedWithTheRunningTransaction() {
        let store = F.store([(1, F.profile(id: 1, purpose: .txProfile))], transactions: [1: (42, F.t0)])
        #expect(store.profiles.map(\.profile.transactionId) == [42])
        #expect(store.profiles.map(\.installedAt) == [F.t0])
    }

    @Test func remoteStartProfileIsInstalledForItsTransaction() {
        var store = ChargingProfileStore()
        func install(_ profile: ChargingProfile) -> ChargingProfileStatus {
            store.installTransactionProfile(
                profile, connectorId: 2, connectorCount: 2, transactionId: 99, startedAt: F.t0, limits: F.limits,
                now: F.t0
            )
        }
        #expect(install(F.profile(id: 1)) == .rejected)
        #expect(install(F.profile(id: 2, purpose: .txProfile, kind: .relative, start: nil)) == .accepted)
        #expect(store.profiles.map(\.connectorId) == [2])
        #expect(store.profiles.map(\.profile.transactionId) == [99])
    }

    @Test func samePurposeAndStackLevelOnTheSameConnectorReplaces() {
        var store = F.store([(1, F.profile(id: 1, stackLevel: 2)), (2, F.profile(id: 2, stackLevel: 2))])
        let status = store.install(
            SetChargingProfileRequest(connectorId: 1, csChargingProfiles: F.profile(id: 3, stackLevel: 2)),
            connectorCount: 2, activeTransaction: { _ in nil }, limits: F.limits, now: F.t0
        )
        #expect(status == .accepted)
        #expect(store.profiles.map(\.profile.chargingProfileId) == [2, 3])
    }

    @Test func sameStackLevelOfAnotherPurposeIsKept() {
        let store = F.store(
            [
                (0, F.profile(id: 1, purpose: .chargePointMaxProfile, stackLevel: 2)),
                (0, F.profile(id: 2, stackLevel: 2)),
            ]
        )
        #expect(store.profiles.map(\.profile.chargingProfileId) == [1, 2])
    }

    @Test func sameIdReplacesWhateverItWas() {
        let store = F.store([
            (1, F.profile(id: 5, stackLevel: 1)), (0, F.profile(id: 5, purpose: .chargePointMaxProfile)),
        ])
        #expect(store.profiles.count == 1)
        #expect(store.profiles.first?.connectorId == 0)
        #expect(store.profiles.first?.profile.chargingProfilePurpose == .chargePointMaxProfile)
    }

    @Test func maxChargingProfilesInstalledRejectsANewOneButAllowsAReplacement() {
        let limits = SmartChargingLimits(
            maxStackLevel: 8, allowedChargingRateUnits: [.a], maxSchedulePeriods: 5, maxProfilesInstalled: 2
        )
        var store = ChargingProfileStore()
        func install(_ connectorId: Int, _ profile: ChargingProfile) -> ChargingProfileStatus {
            store.install(
                SetChargingProfileRequest(connectorId: connectorId, csChargingProfiles: profile),
                connectorCount: 2, activeTransaction: { _ in nil }, limits: limits, now: F.t0
            )
        }
        #expect(install(1, F.profile(id: 1, stackLevel: 0)) == .accepted)
        #expect(install(1, F.profile(id: 2, stackLevel: 1)) == .accepted)
        #expect(install(1, F.profile(id: 3, stackLevel: 2)) == .rejected)
        #expect(install(1, F.profile(id: 4, stackLevel: 1)) == .accepted)
        #expect(install(2, F.profile(id: 1)) == .accepted)
        #expect(store.profiles.map(\.profile.chargingProfileId) == [4, 1])
    }

    @Test func allowedUnitsComeFromTheConfigurationList() {
        let limits = SmartChargingLimits(
            chargeProfileMaxStackLevel: 3, chargingScheduleAllowedChargingRateUnit: ["Current", " Power", "Volts"],
            chargingScheduleMaxPeriods: 6, maxChargingProfilesInstalled: 4
        )
        #expect(limits.allowedChargingRateUnits == [.a, .w])
        #expect(limits.maxStackLevel == 3 && limits.maxSchedulePeriods == 6 && limits.maxProfilesInstalled == 4)
    }

    @Test func limitsComeFromTheShippedChargerProfiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("profiles")
        let charger = try ProfileLoader().load(contentsOf: folder.appendingPathComponent("ac-post-22kw.yaml"))
        #expect(
            SmartChargingLimits(configuration: charger.configuration)
                == SmartChargingLimits(
                    maxStackLevel: 10, allowedChargingRateUnits: [.a, .w], maxSchedulePeriods: 48,
                    maxProfilesInstalled: 20
                )
        )
        var configuration = charger.configuration
        configuration["ChargingScheduleMaxPeriods"] = "many"
        #expect(SmartChargingLimits(configuration: configuration) == nil)
        configuration["ChargingScheduleMaxPeriods"] = nil
        #expect(SmartChargingLimits(configuration: configuration) == nil)
    }

    @Test func storeSurvivesARestart() throws {
        let store = F.store(
            [(0, F.profile(id: 1, purpose: .chargePointMaxProfile)), (1, F.profile(id: 2, purpose: .txProfile))],
            transactions: [1: (7, F.t0)]
        )
        let data = try JSONEncoder().encode(store)
        #expect(try JSONDecoder().decode(ChargingProfileStore.self, from: data) == store)
    }

    @Test func transactionEndRemovesOnlyThatConnectorsTxProfiles() {
        var store = F.store(
            [
                (1, F.profile(id: 1, purpose: .txProfile)), (2, F.profile(id: 2, purpose: .txProfile)),
                (1, F.profile(id: 3)), (0, F.profile(id: 4, purpose: .chargePointMaxProfile)),
            ],
            transactions: [1: (7, F.t0), 2: (8, F.t0)]
        )
        store.transactionEnded(connectorId: 1)
        #expect(store.profiles.map(\.profile.chargingProfileId) == [2, 3, 4])
    }

    struct ClearCase: CustomTestStringConvertible, Sendable {
        var name: String
        var request: ClearChargingProfileRequest
        var expected: ClearChargingProfileStatus
        var remaining: [Int]
        var testDescription: String { name }
    }

    /// Installed: 1 = CPMax on 0 (level 0), 2 = TxDefault on 0 (level 1), 3 = TxDefault on 1 (level 1),
    /// 4 = TxProfile on 1 (level 2), 5 = TxDefault on 2 (level 2).
    static let clearCases: [ClearCase] = [
        ClearCase(name: "by id", request: .init(id: 3), expected: .accepted, remaining: [1, 2, 4, 5]),
        ClearCase(name: "unknown id", request: .init(id: 9), expected: .unknown, remaining: [1, 2, 3, 4, 5]),
        ClearCase(
            name: "id wins over the other fields", request: .init(id: 3, connectorId: 2, stackLevel: 7),
            expected: .accepted, remaining: [1, 2, 4, 5]
        ),
        ClearCase(name: "by connector 1", request: .init(connectorId: 1), expected: .accepted, remaining: [1, 2, 5]),
        ClearCase(name: "by connector 0", request: .init(connectorId: 0), expected: .accepted, remaining: [3, 4, 5]),
        ClearCase(
            name: "by purpose", request: .init(chargingProfilePurpose: .txDefaultProfile), expected: .accepted,
            remaining: [1, 4]
        ),
        ClearCase(name: "by stack level", request: .init(stackLevel: 2), expected: .accepted, remaining: [1, 2, 3]),
        ClearCase(
            name: "by connector, purpose and stack level",
            request: .init(connectorId: 1, chargingProfilePurpose: .txDefaultProfile, stackLevel: 1),
            expected: .accepted, remaining: [1, 2, 4, 5]
        ),
        ClearCase(
            name: "filters that match nothing", request: .init(connectorId: 2, chargingProfilePurpose: .txProfile),
            expected: .unknown, remaining: [1, 2, 3, 4, 5]
        ),
        ClearCase(name: "no field clears all", request: .init(), expected: .accepted, remaining: []),
    ]

    @Test(arguments: clearCases)
    func clear(_ row: ClearCase) {
        var store = F.store(
            [
                (0, F.profile(id: 1, purpose: .chargePointMaxProfile)), (0, F.profile(id: 2, stackLevel: 1)),
                (1, F.profile(id: 3, stackLevel: 1)), (1, F.profile(id: 4, purpose: .txProfile, stackLevel: 2)),
                (2, F.profile(id: 5, stackLevel: 2)),
            ],
            transactions: [1: (7, F.t0)]
        )
        #expect(store.clear(row.request) == row.expected)
        #expect(store.profiles.map(\.profile.chargingProfileId) == row.remaining)
    }

    @Test func clearOnAnEmptyStoreIsUnknown() {
        var store = ChargingProfileStore()
        #expect(store.clear(ClearChargingProfileRequest()) == .unknown)
    }
}
