import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

/// Composite schedules (OCPP 1.6 sections 3.13.2, 3.13.3, 5.7) checked against hand-computed
/// schedules: stacking, purposes, recurrence across midnight and a week boundary, Relative schedules,
/// A↔W conversion, and the instantaneous limit at boundaries. Times are fixed instants: no clock.
@Suite struct SmartChargingCompositeScheduleTests {
    typealias F = SmartChargingFixtures

    /// `(startPeriod, limit)` pairs of a schedule, for compact expectations.
    static func pairs(_ schedule: ChargingSchedule) -> [Pair] {
        schedule.chargingSchedulePeriod.map { Pair($0.startPeriod, $0.limit.value) }
    }

    struct Pair: Equatable, CustomStringConvertible {
        var start: Int
        var limit: Double
        init(_ start: Int, _ limit: Double) {
            self.start = start
            self.limit = limit
        }
        var description: String { "\(start):\(limit)" }
    }

    static func composite(
        _ store: ChargingProfileStore,
        connectorId: Int = 1,
        duration: Int,
        unit: ChargingRateUnit? = .a,
        now: OCPPTimestamp = F.t0,
        transactionStart: OCPPTimestamp? = nil,
        maximum: ChargingLimit = F.ac32,
        connectorPhases: Int = 3
    ) -> ChargingSchedule {
        store.composite(
            connectorId: connectorId, duration: duration, unit: unit, now: now, transactionStart: transactionStart,
            maximum: maximum, connectorPhases: connectorPhases
        )
    }

    // MARK: Stacking and purposes

    @Test func higherStackLevelWinsWhileValid() {
        let store = F.store([
            (0, F.profile(id: 1, stackLevel: 0, periods: [F.period(0, 16)])),
            (
                1,
                F.profile(
                    id: 2, stackLevel: 1, validFrom: F.at(F.t0, seconds: 3600), validTo: F.at(F.t0, seconds: 7200),
                    periods: [F.period(0, 10)]
                )
            ),
        ])
        let schedule = Self.composite(store, duration: 10800)
        #expect(Self.pairs(schedule) == [Pair(0, 16), Pair(3600, 10), Pair(7200, 16)])
        #expect(schedule.duration == 10800)
        #expect(schedule.startSchedule == F.t0)
        #expect(schedule.chargingRateUnit == .a)
        // Connector 2 sees only the profile set on connector 0.
        #expect(Self.pairs(Self.composite(store, connectorId: 2, duration: 10800)) == [Pair(0, 16)])
    }

    @Test func aHigherLevelWhoseScheduleEndedFallsBackToTheLowerOne() {
        let store = F.store([
            (1, F.profile(id: 1, stackLevel: 0, periods: [F.period(0, 16)])),
            (1, F.profile(id: 2, stackLevel: 1, duration: 1800, periods: [F.period(0, 10)])),
        ])
        #expect(Self.pairs(Self.composite(store, duration: 3600)) == [Pair(0, 10), Pair(1800, 16)])
    }

    @Test func connectorProfileBeatsConnectorZeroAtTheSameLevel() {
        let store = F.store([
            (1, F.profile(id: 1, stackLevel: 3, periods: [F.period(0, 12)])),
            (0, F.profile(id: 2, stackLevel: 3, periods: [F.period(0, 20)])),
        ])
        #expect(Self.pairs(Self.composite(store, duration: 60)) == [Pair(0, 12)])
        #expect(Self.pairs(Self.composite(store, connectorId: 2, duration: 60)) == [Pair(0, 20)])
    }

    @Test func txProfileOverridesTxDefaultWhateverTheLevels() {
        let store = F.store(
            [
                (0, F.profile(id: 1, stackLevel: 5, periods: [F.period(0, 10)])),
                (1, F.profile(id: 2, purpose: .txProfile, stackLevel: 0, periods: [F.period(0, 20)])),
            ],
            transactions: [1: (7, F.t0)]
        )
        #expect(Self.pairs(Self.composite(store, duration: 600)) == [Pair(0, 20)])
        #expect(Self.pairs(Self.composite(store, connectorId: 2, duration: 600)) == [Pair(0, 10)])
    }

    @Test func chargePointMaxCapsTheTransactionLimit() {
        let store = F.store(
            [
                (0, F.profile(id: 1, purpose: .chargePointMaxProfile, periods: [F.period(0, 40), F.period(1800, 12)])),
                (1, F.profile(id: 2, purpose: .txProfile, periods: [F.period(0, 16)])),
            ],
            transactions: [1: (7, F.t0)]
        )
        #expect(Self.pairs(Self.composite(store, duration: 3600)) == [Pair(0, 16), Pair(1800, 12)])
        // Connector 0 is the ChargePointMaxProfile itself (capped only by the grid connection's 63 A).
        #expect(
            Self.pairs(Self.composite(store, connectorId: 0, duration: 3600, maximum: .amperes(63)))
                == [Pair(0, 40), Pair(1800, 12)]
        )
        #expect(store.limit(connectorId: 0, at: F.t0, transactionStart: nil) == .amperes(40))
        #expect(store.limit(connectorId: 1, at: F.at(F.t0, seconds: 1800), transactionStart: F.t0) == .amperes(12))
    }

    @Test func chargePointMaxInWattsCapsAnAmpereProfile() {
        let store = F.store(
            [
                (0, F.profile(id: 1, purpose: .chargePointMaxProfile, unit: .w, periods: [F.period(0, 7360)])),
                (1, F.profile(id: 2, purpose: .txProfile, periods: [F.period(0, 16)])),
            ],
            transactions: [1: (7, F.t0)]
        )
        // 16 A × 3 × 230 V = 11 040 W > 7 360 W; 7 360 W / 690 V = 10.67 A, rounded down.
        #expect(Self.pairs(Self.composite(store, duration: 60, unit: .a)) == [Pair(0, 10.6)])
        #expect(Self.pairs(Self.composite(store, duration: 60, unit: .w)) == [Pair(0, 7360)])
        #expect(store.limit(connectorId: 1, at: F.t0, transactionStart: F.t0) == .watts(7360))
    }

    @Test func theConnectorsOwnMaximumCapsAndFillsGaps() {
        let store = F.store([
            (1, F.profile(id: 1, start: F.at(F.t0, seconds: 600), duration: 600, periods: [F.period(0, 40)]))
        ])
        #expect(Self.pairs(Self.composite(store, duration: 1800, maximum: .amperes(25))) == [Pair(0, 25)])
        #expect(
            Self.pairs(Self.composite(store, duration: 1800, maximum: .amperes(50)))
                == [Pair(0, 50), Pair(600, 40), Pair(1200, 50)]
        )
        #expect(store.limit(connectorId: 1, at: F.t0, transactionStart: nil) == nil)
    }

    // MARK: Kinds

    /// Every day from `start` (a 22:00): 6 A for four hours, then 16 A until 22:00 again.
    static func nightly(from start: OCPPTimestamp) -> ChargingProfileStore {
        F.store([
            (
                1,
                F.profile(
                    id: 1, kind: .recurring, recurrency: .daily, start: start,
                    periods: [F.period(0, 6), F.period(14400, 16)]
                )
            )
        ])
    }

    @Test func dailyRecurrenceAcrossMidnight() {
        let store = Self.nightly(from: F.timestamp("2026-11-24T22:00:00Z"))
        let now = F.timestamp("2026-11-25T21:00:00Z")
        #expect(
            Self.pairs(Self.composite(store, duration: 6 * 3600, now: now))
                == [Pair(0, 16), Pair(3600, 6), Pair(18000, 16)]
        )
        #expect(
            store.limit(connectorId: 1, at: F.timestamp("2026-11-26T01:59:59.999Z"), transactionStart: nil)
                == .amperes(6)
        )
        #expect(
            store.limit(connectorId: 1, at: F.timestamp("2026-11-26T02:00:00Z"), transactionStart: nil) == .amperes(16)
        )
    }

    @Test func aRecurrenceBeginsAtItsStartSchedule() {
        let store = Self.nightly(from: F.timestamp("2026-11-26T22:00:00Z"))
        let now = F.timestamp("2026-11-25T21:00:00Z")
        #expect(Self.pairs(Self.composite(store, duration: 26 * 3600, now: now)) == [Pair(0, 32), Pair(90000, 6)])
        #expect(
            store.nextChange(connectorId: 1, after: now, transactionStart: nil) == F.timestamp("2026-11-26T22:00:00Z"))
    }

    @Test func dailyRecurrenceWithADurationLeavesTheRestOfTheDayFree() {
        // 22:00 to 06:00 at 6 A, nothing by day.
        let store = F.store([
            (
                1,
                F.profile(
                    id: 1, kind: .recurring, recurrency: .daily, start: F.timestamp("2026-11-20T22:00:00Z"),
                    duration: 8 * 3600, periods: [F.period(0, 6)]
                )
            )
        ])
        let now = F.timestamp("2026-11-25T21:00:00Z")
        #expect(
            Self.pairs(Self.composite(store, duration: 12 * 3600, now: now))
                == [Pair(0, 32), Pair(3600, 6), Pair(32400, 32)]
        )
    }

    @Test func weeklyRecurrenceAcrossTheWeekBoundary() {
        // Mondays (from 2026-11-23T00:00Z) 10 A all day over a 20 A default.
        let store = F.store([
            (1, F.profile(id: 1, stackLevel: 0, periods: [F.period(0, 20)])),
            (
                1,
                F.profile(
                    id: 2, stackLevel: 1, kind: .recurring, recurrency: .weekly,
                    start: F.timestamp("2026-11-23T00:00:00Z"), duration: 86400, periods: [F.period(0, 10)]
                )
            ),
        ])
        let sundayNight = F.timestamp("2026-11-29T23:00:00Z")
        #expect(
            Self.pairs(Self.composite(store, duration: 93600, now: sundayNight))
                == [Pair(0, 20), Pair(3600, 10), Pair(90000, 20)]
        )
        #expect(
            store.limit(connectorId: 1, at: F.timestamp("2026-11-30T23:59:59.999Z"), transactionStart: nil)
                == .amperes(10)
        )
        #expect(
            store.limit(connectorId: 1, at: F.timestamp("2026-12-01T00:00:00Z"), transactionStart: nil) == .amperes(20)
        )
    }

    @Test func relativeScheduleRunsFromTheTransactionStart() {
        let started = F.at(F.t0, seconds: -300)
        let store = F.store(
            [
                (
                    1,
                    F.profile(
                        id: 1, purpose: .txProfile, kind: .relative, start: nil,
                        periods: [F.period(0, 6), F.period(600, 16)])
                )
            ],
            transactions: [1: (7, started)]
        )
        #expect(
            Self.pairs(Self.composite(store, duration: 900, transactionStart: started)) == [Pair(0, 6), Pair(300, 16)]
        )
        #expect(
            store.limit(connectorId: 1, at: F.at(F.t0, seconds: 299, milliseconds: 999), transactionStart: started)
                == .amperes(6)
        )
        #expect(store.limit(connectorId: 1, at: F.at(F.t0, seconds: 300), transactionStart: started) == .amperes(16))
    }

    @Test func absoluteWithoutStartScheduleRunsFromTheStartOfCharging() {
        let started = F.at(F.t0, seconds: -300)
        let store = F.store(
            [(1, F.profile(id: 1, purpose: .txProfile, start: nil, periods: [F.period(0, 6), F.period(600, 16)]))],
            transactions: [1: (7, started)]
        )
        #expect(
            Self.pairs(Self.composite(store, duration: 900, transactionStart: started)) == [Pair(0, 6), Pair(300, 16)]
        )
        #expect(store.nextChange(connectorId: 1, after: F.t0, transactionStart: started) == F.at(F.t0, seconds: 300))
    }

    @Test func relativeDefaultWithoutATransactionReadsAsIfOneStartedNow() {
        let store = F.store([
            (1, F.profile(id: 1, kind: .relative, start: nil, periods: [F.period(0, 6), F.period(600, 16)]))
        ])
        #expect(Self.pairs(Self.composite(store, duration: 900)) == [Pair(0, 6), Pair(600, 16)])
        #expect(store.limit(connectorId: 1, at: F.at(F.t0, seconds: 5000), transactionStart: nil) == .amperes(6))
    }

    // MARK: Units

    @Test func amperesToWattsWithThreeAndOnePhases() {
        let store = F.store(
            [(1, F.profile(id: 1, purpose: .txProfile, periods: [F.period(0, 16), F.period(600, 16, phases: 1)]))],
            transactions: [1: (7, F.t0)]
        )
        let schedule = Self.composite(store, duration: 1200, unit: .w, maximum: .amperes(63))
        #expect(Self.pairs(schedule) == [Pair(0, 11040), Pair(600, 3680)])
        #expect(schedule.chargingSchedulePeriod.map(\.numberPhases) == [nil, 1])
        #expect(schedule.chargingRateUnit == .w)
        // A single-phase connector: 16 A × 1 × 230 V.
        #expect(
            Self.pairs(Self.composite(store, duration: 600, unit: .w, maximum: .amperes(63), connectorPhases: 1))
                == [Pair(0, 3680)]
        )
    }

    @Test func wattsToAmperesWithThreeAndOnePhases() {
        let store = F.store([
            (1, F.profile(id: 1, unit: .w, periods: [F.period(0, 11000), F.period(600, 7360, phases: 1)]))
        ])
        // 11 000 / 690 = 15.94 → 15.9; 7 360 / 230 = 32.
        #expect(
            Self.pairs(Self.composite(store, duration: 1200, unit: .a, maximum: .amperes(63)))
                == [Pair(0, 15.9), Pair(600, 32)]
        )
        // No unit asked: the unit of the limit in force now.
        #expect(Self.composite(store, duration: 1200, unit: nil, maximum: .amperes(63)).chargingRateUnit == .w)
    }

    @Test func minChargingRateIsReportedInTheRequestedUnit() {
        let store = F.store(
            [(1, F.profile(id: 1, purpose: .txProfile, minChargingRate: 6, periods: [F.period(0, 16)]))],
            transactions: [1: (7, F.t0)]
        )
        #expect(Self.composite(store, duration: 60, unit: .a).minChargingRate == 6)
        #expect(Self.composite(store, duration: 60, unit: .w).minChargingRate == 4140)
        #expect(Self.composite(F.store([]), duration: 60).minChargingRate == nil)
    }

    // MARK: Periods

    @Test func zeroLimitPeriodsStay() {
        let store = F.store([(1, F.profile(id: 1, periods: [F.period(0, 0), F.period(600, 16)]))])
        #expect(Self.pairs(Self.composite(store, duration: 1200)) == [Pair(0, 0), Pair(600, 16)])
        #expect(store.limit(connectorId: 1, at: F.t0, transactionStart: nil) == .amperes(0))
    }

    @Test func equalAdjacentPeriodsMerge() {
        let store = F.store([
            (1, F.profile(id: 1, periods: [F.period(0, 10), F.period(600, 10), F.period(1200, 12)])),
            (1, F.profile(id: 2, stackLevel: 1, validFrom: F.at(F.t0, seconds: 1800), periods: [F.period(0, 12)])),
        ])
        #expect(Self.pairs(Self.composite(store, duration: 3600)) == [Pair(0, 10), Pair(1200, 12)])
    }

    @Test func aBoundaryInsideASecondStartsAtThatWholeSecond() {
        let store = F.store([(1, F.profile(id: 1, periods: [F.period(0, 16), F.period(600, 8)]))])
        let now = F.at(F.t0, seconds: 0, milliseconds: 500)
        #expect(Self.pairs(Self.composite(store, duration: 1200, now: now)) == [Pair(0, 16), Pair(599, 8)])
    }

    @Test func theScheduleEndsWithTheRequestedDuration() {
        let store = F.store([(1, F.profile(id: 1, periods: [F.period(0, 16), F.period(600, 8)]))])
        // The boundary at 600 s lies exactly at the end: not part of the answer.
        #expect(Self.pairs(Self.composite(store, duration: 600)) == [Pair(0, 16)])
        #expect(Self.pairs(Self.composite(store, duration: 0)) == [Pair(0, 16)])
        #expect(Self.composite(store, duration: -5).duration == 0)
        #expect(Self.composite(store, duration: Int.max).duration == ChargingProfileStore.maxCompositeDuration)
    }

    // MARK: The instantaneous limit and the next change

    @Test func limitAtPeriodBoundariesAndExpiry() {
        let store = F.store([
            (1, F.profile(id: 1, validTo: F.at(F.t0, seconds: 1200), periods: [F.period(0, 16), F.period(600, 8)])),
            (1, F.profile(id: 2, stackLevel: 1, validFrom: F.at(F.t0, seconds: 1800), periods: [F.period(0, 10)])),
        ])
        func limit(_ seconds: Int64, _ milliseconds: Int64) -> ChargingLimit? {
            store.limit(
                connectorId: 1, at: F.at(F.t0, seconds: seconds, milliseconds: milliseconds), transactionStart: nil)
        }
        #expect(limit(0, -1) == nil)
        #expect(limit(0, 0) == .amperes(16))
        #expect(limit(599, 999) == .amperes(16))
        #expect(limit(600, 0) == .amperes(8))
        #expect(limit(600, 1) == .amperes(8))
        #expect(limit(1199, 999) == .amperes(8))
        #expect(limit(1200, 0) == nil)
        #expect(limit(1799, 999) == nil)
        #expect(limit(1800, 0) == .amperes(10))
        #expect(limit(1800, 1) == .amperes(10))
    }

    @Test func limitKeepsThePeriodsPhases() {
        let store = F.store([(1, F.profile(id: 1, unit: .w, periods: [F.period(0, 3680, phases: 1)]))])
        #expect(store.limit(connectorId: 1, at: F.t0, transactionStart: nil) == .watts(3680, numberPhases: 1))
    }

    @Test func nextChangeIsTheNextBoundaryWhereTheLimitChanges() {
        let store = F.store([
            (
                1,
                F.profile(
                    id: 1, validTo: F.at(F.t0, seconds: 1800),
                    periods: [F.period(0, 16), F.period(600, 8), F.period(1200, 8)]
                )
            )
        ])
        func next(after seconds: Int64, _ milliseconds: Int64 = 0) -> OCPPTimestamp? {
            store.nextChange(
                connectorId: 1, after: F.at(F.t0, seconds: seconds, milliseconds: milliseconds), transactionStart: nil)
        }
        #expect(next(after: 0, -1) == F.t0)
        #expect(next(after: 0) == F.at(F.t0, seconds: 600))
        #expect(next(after: 599, 999) == F.at(F.t0, seconds: 600))
        // 1 200 s starts another 8 A period: no change until the profile expires.
        #expect(next(after: 600) == F.at(F.t0, seconds: 1800))
        #expect(next(after: 1800) == nil)
        #expect(store.nextChange(connectorId: 2, after: F.t0, transactionStart: nil) == nil)
    }

    @Test func nextChangeOverAllConnectorsIsTheEarliest() {
        let store = F.store([
            (0, F.profile(id: 1, purpose: .chargePointMaxProfile, periods: [F.period(0, 40), F.period(3600, 30)])),
            (2, F.profile(id: 2, periods: [F.period(0, 16), F.period(1800, 8)])),
        ])
        #expect(
            store.nextChange(after: F.t0, connectorCount: 2, transactionStart: { _ in nil })
                == F.at(F.t0, seconds: 1800)
        )
        #expect(
            store.nextChange(after: F.at(F.t0, seconds: 1800), connectorCount: 2, transactionStart: { _ in nil })
                == F.at(F.t0, seconds: 3600)
        )
        #expect(
            store.nextChange(after: F.t0, connectorCount: 1, transactionStart: { _ in nil })
                == F.at(F.t0, seconds: 3600))
    }

    @Test func nextChangeFollowsADailyRecurrence() {
        let store = Self.nightly(from: F.timestamp("2026-11-24T22:00:00Z"))
        func next(_ now: String) -> OCPPTimestamp? {
            store.nextChange(connectorId: 1, after: F.timestamp(now), transactionStart: nil)
        }
        #expect(next("2026-11-25T21:00:00Z") == F.timestamp("2026-11-25T22:00:00Z"))
        #expect(next("2026-11-25T22:00:00Z") == F.timestamp("2026-11-26T02:00:00Z"))
        #expect(next("2026-11-26T02:00:00Z") == F.timestamp("2026-11-26T22:00:00Z"))
    }

    @Test func nextChangeFindsARecurrenceThatBeginsLater() {
        let begins = F.timestamp("2026-12-25T22:00:00Z")
        let store = F.store([
            (
                1,
                F.profile(
                    id: 1, kind: .recurring, recurrency: .daily, start: begins, duration: 4 * 3600,
                    periods: [F.period(0, 6)]
                )
            ),
            (
                1,
                F.profile(
                    id: 2, stackLevel: 1, kind: .recurring, recurrency: .weekly,
                    validFrom: F.timestamp("2027-01-10T00:00:00Z"), start: F.t0, periods: [F.period(0, 8)]
                )
            ),
        ])
        #expect(store.nextChange(connectorId: 1, after: F.t0, transactionStart: nil) == begins)
        // From 2027-01-10 the weekly 8 A covers the whole week over the nightly 6 A: its 02:00 end
        // no longer changes anything.
        #expect(
            store.nextChange(connectorId: 1, after: F.timestamp("2027-01-09T23:00:00Z"), transactionStart: nil)
                == F.timestamp("2027-01-10T00:00:00Z")
        )
        #expect(
            store.nextChange(connectorId: 1, after: F.timestamp("2027-01-10T00:00:00Z"), transactionStart: nil) == nil
        )
    }

    @Test func nextChangeFindsAFarExpiryBehindARepeatingSchedule() {
        let expiry = F.timestamp("2026-12-25T10:00:00Z")
        let store = F.store([
            (0, F.profile(id: 1, purpose: .chargePointMaxProfile, validTo: expiry, periods: [F.period(0, 8)])),
            (
                1,
                F.profile(
                    id: 2, kind: .recurring, recurrency: .daily, start: F.timestamp("2026-11-24T22:00:00Z"),
                    periods: [F.period(0, 10), F.period(3600, 12)]
                )
            ),
        ])
        #expect(store.nextChange(connectorId: 1, after: F.t0, transactionStart: nil) == expiry)
    }

    @Test func nextChangeOfARelativeProfileFollowsTheTransaction() {
        let started = F.at(F.t0, seconds: -300)
        let store = F.store(
            [
                (
                    1,
                    F.profile(
                        id: 1, purpose: .txProfile, kind: .relative, start: nil,
                        periods: [F.period(0, 6), F.period(600, 16)])
                )
            ],
            transactions: [1: (7, started)]
        )
        #expect(store.nextChange(connectorId: 1, after: F.t0, transactionStart: started) == F.at(F.t0, seconds: 300))
        #expect(store.nextChange(connectorId: 1, after: F.at(F.t0, seconds: 300), transactionStart: started) == nil)
    }

    // MARK: GetCompositeSchedule

    @Test func getCompositeScheduleAnswersMatchTheSchema() throws {
        let store = F.store(
            [
                (0, F.profile(id: 1, purpose: .chargePointMaxProfile, unit: .w, periods: [F.period(0, 22080)])),
                (
                    0,
                    F.profile(
                        id: 2, kind: .recurring, recurrency: .daily, periods: [F.period(0, 10), F.period(3600, 6.5)])
                ),
                (1, F.profile(id: 3, purpose: .txProfile, minChargingRate: 6, periods: [F.period(0, 16, phases: 1)])),
            ],
            transactions: [1: (7, F.t0)]
        )
        let validator = try JSONSchemaValidator(schema: OCPPSchemaFiles.schema("GetCompositeScheduleResponse"))
        let requests: [GetCompositeScheduleRequest] = [
            .init(connectorId: 0, duration: 86400),
            .init(connectorId: 1, duration: 7200, chargingRateUnit: .w),
            .init(connectorId: 2, duration: 7200, chargingRateUnit: .a),
            .init(connectorId: 3, duration: 60),
            .init(connectorId: -1, duration: 60),
            .init(connectorId: 1, duration: -1),
            .init(connectorId: 1, duration: ChargingProfileStore.maxCompositeDuration + 1),
        ]
        var statuses: [GetCompositeScheduleStatus] = []
        for request in requests {
            let response = store.getCompositeSchedule(
                request, connectorCount: 2, now: F.t0,
                transactionStart: { $0 == 1 ? F.t0 : nil },
                maximum: { $0 == 0 ? .amperes(63) : F.ac32 }
            )
            statuses.append(response.status)
            let json = try JSONEncoder().encode(response)
            #expect(try validator.validate(json: json) == [], "\(String(decoding: json, as: UTF8.self))")
        }
        #expect(statuses == [.accepted, .accepted, .accepted, .rejected, .rejected, .rejected, .rejected])
    }

    @Test func getCompositeScheduleCarriesTheConnectorAndStart() {
        let store = F.store([(1, F.profile(id: 1, periods: [F.period(0, 16)]))])
        let response = store.getCompositeSchedule(
            GetCompositeScheduleRequest(connectorId: 1, duration: 3600), connectorCount: 2, now: F.t0,
            transactionStart: { _ in nil }, maximum: { _ in F.ac32 }
        )
        #expect(
            response
                == GetCompositeScheduleResponse(
                    status: .accepted, connectorId: 1, scheduleStart: F.t0,
                    chargingSchedule: ChargingSchedule(
                        duration: 3600, startSchedule: F.t0, chargingRateUnit: .a,
                        chargingSchedulePeriod: [F.period(0, 16)]
                    )
                )
        )
    }
}
