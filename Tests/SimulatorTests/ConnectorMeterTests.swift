import Simulator
import Testing

/// The meter integrates power exactly, never runs backwards, and reports the statuses the
/// charger turns into `SuspendedEV` and `SuspendedEVSE`. Time is plain instant arithmetic: no sleeps.
@Suite struct ConnectorMeterTests {
    typealias Meter = ConnectorMeter<ContinuousClock.Instant>
    let start = ContinuousClock.now

    static let ac22 = ConnectorRating(currentType: .ac, maxCurrentA: 32, phases: 3, maxPowerKW: 22)
    static let dc150 = ConnectorRating(currentType: .dc, maxCurrentA: 500, phases: 1, maxPowerKW: 150)

    static func car(
        startSoC: Double = 20,
        target: Double = 100,
        acKW: Double = 11,
        acPhases: Int = 3,
        dcKW: Double = 150,
        capacityKWh: Double = 100,
        efficiency: Double = 1
    ) -> EVModel {
        EVModel(
            name: "test car",
            batteryCapacityKWh: capacityKWh,
            startSoCPercent: startSoC,
            targetSoCPercent: target,
            maxACPowerKW: acKW,
            acPhases: acPhases,
            maxDCPowerKW: dcKW,
            dcTaper: .typical,
            efficiency: efficiency
        )
    }

    func charging(_ rating: ConnectorRating, _ ev: EVModel) -> Meter {
        var meter = Meter(rating: rating, now: start)
        meter.plugIn(ev, at: start)
        meter.setOfferingEnergy(true, at: start)
        return meter
    }

    /// A reading with a fixed seed, for tests whose values do not depend on the jitter.
    func reading(of meter: Meter) -> MeterReading {
        var generator = SeededRandomNumberGenerator(seed: 1)
        return meter.reading(using: &generator)
    }

    @Test func elevenKilowattsForHalfAnHourIs5500Wh() {
        var meter = charging(Self.ac22, Self.car())
        #expect(meter.powerW == 11_000)
        meter.advance(to: start + .seconds(1800))
        #expect(meter.registerWh == 5500)
        #expect(reading(of: meter).energyActiveImportRegisterWh == 5500)
    }

    @Test func manySmallStepsGiveTheSameEnergyAsOne() {
        var once = charging(Self.dc150, Self.car(startSoC: 40, capacityKWh: 60, efficiency: 0.9))
        var often = once
        once.advance(to: start + .seconds(1500))
        for second in stride(from: 7, through: 1500, by: 7) { often.advance(to: start + .seconds(second)) }
        often.advance(to: start + .seconds(1500))
        #expect(abs(once.registerWh - often.registerWh) < 1e-6)
        #expect(abs((once.ev?.socPercent ?? 0) - (often.ev?.socPercent ?? 0)) < 1e-9)
    }

    @Test func registerNeverDecreasesEvenWhenTimeGoesBackwards() {
        var meter = charging(Self.ac22, Self.car())
        var last = meter.registerWh
        let offsets: [Int] = [60, 30, 600, 599, 1200, 0, 1800]
        for (index, offset) in offsets.enumerated() {
            meter.advance(to: start + .seconds(offset))
            if index == 3 { meter.setLimit(.watts(0), at: start + .seconds(offset)) }
            if index == 4 { meter.setLimit(nil, at: start + .seconds(offset)) }
            #expect(meter.registerWh >= last)
            last = meter.registerWh
        }
    }

    @Test func aLimitChangedMidwayAppliesFromTheMomentOfTheChange() {
        var meter = charging(Self.ac22, Self.car())
        meter.setLimit(.watts(3680), at: start + .seconds(600))
        meter.advance(to: start + .seconds(1800))
        // 11 kW for 10 min, then 3.68 kW for 20 min.
        #expect(abs(meter.registerWh - 3060) < 1e-9)
        #expect(meter.powerW == 3680)
    }

    @Test(arguments: [
        (ChargingLimit.amperes(16), 3, 11_040.0),
        (ChargingLimit.amperes(16, numberPhases: 1), 3, 3680),
        (ChargingLimit.amperes(10, numberPhases: 3), 1, 2300),
        (ChargingLimit.watts(7360), 3, 7360),
        (ChargingLimit.watts(7360, numberPhases: 1), 3, 7360),
        (ChargingLimit.amperes(32), 1, 7360),
    ])
    func limitsInAmperesOrWattsRespectPhases(limit: ChargingLimit, evPhases: Int, expectedW: Double) {
        var meter = charging(Self.ac22, Self.car(acKW: 22, acPhases: evPhases))
        meter.setLimit(limit, at: start)
        #expect(abs(meter.powerW - expectedW) < 1e-9)
    }

    @Test func acPowerIsFlatWhileDCTapersWithStateOfCharge() {
        let ac = charging(Self.ac22, Self.car(startSoC: 95))
        #expect(ac.powerW == 11_000)
        let dcLow = charging(Self.dc150, Self.car(startSoC: 20))
        #expect(dcLow.powerW == 150_000)
        let dcHigh = charging(Self.dc150, Self.car(startSoC: 80))
        #expect(abs(dcHigh.powerW - 67_500) < 1e-6)
        let dcFullish = charging(Self.dc150, Self.car(startSoC: 90))
        #expect(dcFullish.powerW < dcHigh.powerW)
    }

    @Test func dcCurrentLimitCapsPowerAtLowBatteryVoltage() {
        // 200 A at 350...450 V: 70 kW at 0 %, 80 kW at 50 %.
        let rating = ConnectorRating(currentType: .dc, maxCurrentA: 200, phases: 1, maxPowerKW: 150)
        let empty = charging(rating, Self.car(startSoC: 0))
        #expect(abs(empty.powerW - 70_000) < 1e-6)
        let half = charging(rating, Self.car(startSoC: 50))
        #expect(abs(half.powerW - 80_000) < 1e-6)
    }

    @Test func closedFormTaperMatchesFineNumericalIntegration() {
        let ev = Self.car(startSoC: 30, capacityKWh: 77, efficiency: 0.93)
        var meter = charging(Self.dc150, ev)
        meter.advance(to: start + .seconds(1800))
        // Euler with 10 ms steps over the same 30 minutes, through the public power query.
        var probe = charging(Self.dc150, ev)
        var energyWs = 0.0
        var soc = 30.0
        let step = 0.01
        for _ in 0..<180_000 {
            probe = charging(Self.dc150, Self.car(startSoC: soc, capacityKWh: 77, efficiency: 0.93))
            let power = probe.powerW
            energyWs += power * step
            soc += power * step * 0.93 * 100 / (77_000 * 3600)
        }
        #expect(abs(meter.registerWh - energyWs / 3600) / (energyWs / 3600) < 1e-4)
        #expect(abs((meter.ev?.socPercent ?? 0) - soc) < 0.01)
    }

    @Test func evFullDropsPowerToZeroAtThePredictedInstant() throws {
        var meter = charging(Self.ac22, Self.car(startSoC: 70, target: 80, capacityKWh: 55))
        // 10 % of 55 kWh = 5.5 kWh at 11 kW = 30 min.
        let eta = try #require(meter.timeUntilEVFull())
        #expect(eta == .seconds(1800))
        #expect(meter.advance(to: start + .seconds(1799)) == .charging)
        #expect(meter.advance(to: start + .seconds(1800)) == .evFull)
        #expect(meter.powerW == 0)
        meter.advance(to: start + .seconds(3600))
        #expect(abs(meter.registerWh - 5500) < 1e-6)
        #expect(meter.ev?.socPercent == 80)
    }

    @Test func evFullPredictionHoldsThroughTheDCTaper() throws {
        var meter = charging(Self.dc150, Self.car(startSoC: 10, capacityKWh: 60))
        let eta = try #require(meter.timeUntilEVFull())
        #expect(meter.advance(to: start + eta - .milliseconds(10)) == .charging)
        #expect(meter.advance(to: start + eta) == .evFull)
    }

    /// The bound a charger uses to skip the exact integration is never later than the exact time:
    /// at the rated power when nothing else caps it, below it through a taper, a slower EV or a limit.
    @Test func theShortestTimeToFullNeverExceedsTheExactOne() throws {
        // 10 % of 55 kWh = 5.5 kWh: at the 22 kW rating 15 min, the EV's 11 kW take 30 min.
        let ac = charging(Self.ac22, Self.car(startSoC: 70, target: 80, capacityKWh: 55))
        let acBound = try #require(ac.shortestTimeUntilEVFull())
        #expect((Duration.milliseconds(899_999)...Duration.seconds(900)).contains(acBound))
        #expect(try #require(ac.timeUntilEVFull()) == .seconds(1800))
        var cases = [
            charging(Self.dc150, Self.car(startSoC: 10, capacityKWh: 60)),
            charging(Self.ac22, Self.car(acKW: 22, efficiency: 0.9)),
        ]
        cases[1].setLimit(.amperes(10), at: start)
        cases.append(charging(Self.ac22, Self.car(startSoC: 100)))
        for meter in cases {
            let bound = try #require(meter.shortestTimeUntilEVFull())
            let exact = try #require(meter.timeUntilEVFull())
            #expect(bound <= exact)
        }
        // Nothing plugged in: no bound (the exact time is nil too).
        #expect(Meter(rating: Self.ac22, now: start).shortestTimeUntilEVFull() == nil)
    }

    @Test func aZeroLimitSuspendsAndLiftingItResumes() {
        var meter = charging(Self.ac22, Self.car())
        meter.setLimit(.amperes(0), at: start)
        #expect(meter.status == .suspendedByLimit)
        #expect(meter.powerW == 0)
        #expect(meter.offeredPowerW == 0)
        #expect(meter.timeUntilEVFull() == nil)
        meter.advance(to: start + .seconds(3600))
        #expect(meter.registerWh == 0)
        meter.setLimit(.amperes(6), at: start + .seconds(3600))
        #expect(meter.status == .charging)
        #expect(abs(meter.powerW - 4140) < 1e-9)
    }

    @Test func statusFollowsPlugAndTransaction() {
        var meter = Meter(rating: Self.ac22, now: start)
        #expect(meter.status == .noEV)
        meter.plugIn(Self.car(), at: start)
        #expect(meter.status == .notOffering)
        meter.advance(to: start + .seconds(60))
        #expect(meter.registerWh == 0)
        meter.setOfferingEnergy(true, at: start + .seconds(60))
        #expect(meter.status == .charging)
        meter.unplug(at: start + .seconds(420))
        #expect(meter.status == .noEV)
        #expect(abs(meter.registerWh - 11_000.0 * 360 / 3600) < 1e-9)
    }

    @Test func acReadingSplitsCurrentOverThePhasesInUse() {
        let meter = charging(Self.ac22, Self.car(acKW: 7.36, acPhases: 1))
        var generator = SeededRandomNumberGenerator(seed: 7)
        let reading = meter.reading(using: &generator)
        #expect(reading.voltageV.count == 3)
        #expect(reading.voltageV.allSatisfy { abs($0 - 230) <= 2.3 })
        #expect(abs(reading.currentImportA[0] - 7360 / reading.voltageV[0]) < 1e-9)
        #expect(reading.currentImportA[1] == 0 && reading.currentImportA[2] == 0)
        #expect(reading.socPercent == nil)
        #expect(reading.frequencyHz.map { abs($0 - 50) <= 0.02 } == true)
        var again = SeededRandomNumberGenerator(seed: 7)
        #expect(meter.reading(using: &again) == reading)
    }

    @Test func threePhaseReadingCarriesPowerOnEachPhase() {
        let meter = charging(Self.ac22, Self.car())
        let reading = reading(of: meter)
        let total = zip(reading.voltageV, reading.currentImportA).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(total - 11_000) < 1e-6)
        #expect(reading.powerOfferedW == 22_000)
    }

    @Test func dcReadingHasBatteryVoltageCurrentAndSoC() {
        let meter = charging(Self.dc150, Self.car(startSoC: 50))
        let reading = reading(of: meter)
        #expect(reading.voltageV == [400])
        #expect(reading.currentImportA == [150_000.0 / 400])
        #expect(reading.socPercent == 50)
        #expect(reading.frequencyHz == nil)
    }
}
