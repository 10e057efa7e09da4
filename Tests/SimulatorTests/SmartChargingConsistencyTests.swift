import OCPP16
import Simulator
import TestSupport
import Testing

/// The three views of one profile stack agree: for seeded random stacks, the composite schedule's
/// periods are what `limit(at:)` gives at each period start and 1 ms before the next, and
/// `nextChange(after:)` from each period start is the next period's start.
@Suite struct SmartChargingConsistencyTests {
    typealias F = SmartChargingFixtures

    /// No profile limit reaches this, so it marks "no profile" in the composite.
    static let unlimited = 1000.0

    static func randomStore(seed: UInt64) -> ChargingProfileStore {
        var random = SeededGenerator(seed: seed)
        var store = ChargingProfileStore()
        func minutes(_ range: ClosedRange<Int>) -> Int64 { Int64(Int.random(in: range, using: &random)) * 60 }
        for id in 1...Int.random(in: 1...5, using: &random) {
            let purpose: ChargingProfilePurpose =
                Bool.random(using: &random) ? .txDefaultProfile : .chargePointMaxProfile
            let recurring = Int.random(in: 0..<3, using: &random) == 0
            var periods: [ChargingSchedulePeriod] = []
            var start = 0
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                periods.append(F.period(start, DecimalTenths(tenths: Int.random(in: 0...640, using: &random))))
                start += Int.random(in: 1...240, using: &random) * 60
            }
            let validFrom = Bool.random(using: &random) ? F.at(F.t0, seconds: minutes(-600...1800)) : nil
            let validTo = Bool.random(using: &random) ? F.at(F.t0, seconds: minutes(1900...3000)) : nil
            let profile = F.profile(
                id: id,
                purpose: purpose,
                stackLevel: Int.random(in: 0...3, using: &random),
                kind: recurring ? .recurring : .absolute,
                recurrency: recurring ? .daily : nil,
                validFrom: validFrom,
                validTo: validTo,
                start: F.at(F.t0, seconds: minutes(-1440...1440)),
                duration: Bool.random(using: &random) ? Int(minutes(1...1200)) : nil,
                periods: periods
            )
            let connectorId = purpose == .chargePointMaxProfile ? 0 : Int.random(in: 0...1, using: &random)
            _ = store.install(
                SetChargingProfileRequest(connectorId: connectorId, csChargingProfiles: profile),
                connectorCount: 1, activeTransaction: { _ in nil }, limits: F.limits, now: F.t0
            )
        }
        return store
    }

    @Test(arguments: 1...60 as ClosedRange<UInt64>)
    func compositeLimitAndNextChangeAgree(seed: UInt64) {
        let store = Self.randomStore(seed: seed)
        let duration = 2 * 86_400
        let schedule = store.composite(
            connectorId: 1, duration: duration, unit: .a, now: F.t0, transactionStart: nil,
            maximum: .amperes(Self.unlimited)
        )
        func limit(_ seconds: Int64, _ milliseconds: Int64 = 0) -> Double {
            store.limit(
                connectorId: 1, at: F.at(F.t0, seconds: seconds, milliseconds: milliseconds), transactionStart: nil
            )?.value ?? Self.unlimited
        }
        let periods = schedule.chargingSchedulePeriod
        #expect(periods.first?.startPeriod == 0)
        for (index, period) in periods.enumerated() {
            let start = Int64(period.startPeriod)
            #expect(limit(start) == period.limit.value, "seed \(seed) period \(index)")
            let next = index + 1 < periods.count ? Int64(periods[index + 1].startPeriod) : nil
            if let next {
                #expect(limit(next, -1) == period.limit.value, "seed \(seed) before period \(index + 1)")
            }
            let change = store.nextChange(connectorId: 1, after: F.at(F.t0, seconds: start), transactionStart: nil)
            if let next {
                #expect(change == F.at(F.t0, seconds: next), "seed \(seed) next change after period \(index)")
            } else {
                #expect(change.map { $0 >= F.at(F.t0, seconds: Int64(duration)) } ?? true, "seed \(seed) last")
            }
        }
    }
}
