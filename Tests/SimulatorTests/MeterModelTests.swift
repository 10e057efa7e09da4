import Simulator
import Testing

/// Connector meters fed from profiles, and the charge point's main meter as their sum.
@Suite struct MeterModelTests {
    let start = ContinuousClock.now

    @Test func mainMeterSumsTheConnectors() {
        let rating = ConnectorRating(currentType: .ac, maxCurrentA: 32, phases: 3, maxPowerKW: 22)
        var model = MeterModel(ratings: [1: rating, 2: rating], registersWh: [2: 1000], now: start)
        let ev = EVModel(
            name: "car",
            batteryCapacityKWh: 80,
            startSoCPercent: 10,
            maxACPowerKW: 11,
            acPhases: 3,
            maxDCPowerKW: 100
        )
        model.connectors[1]?.plugIn(ev, at: start)
        model.connectors[1]?.setOfferingEnergy(true, at: start)
        model.connectors[2]?.plugIn(ev, at: start)
        model.connectors[2]?.setOfferingEnergy(true, at: start)
        model.connectors[2]?.setLimit(.amperes(16, numberPhases: 1), at: start)
        #expect(model.totalPowerW == 11_000 + 3680)
        model.advance(to: start + .seconds(3600))
        #expect(abs(model.totalRegisterWh - (1000 + 11_000 + 3680)) < 1e-6)
    }

    @Test func anACOnlyCarOnADCConnectorDeclines() {
        let rating = ConnectorRating(currentType: .dc, maxCurrentA: 200, phases: 1, maxPowerKW: 50)
        var meter = ConnectorMeter(rating: rating, now: start)
        let hybrid = EVModel(
            name: "hybrid",
            batteryCapacityKWh: 14,
            startSoCPercent: 10,
            maxACPowerKW: 3.7,
            acPhases: 1,
            maxDCPowerKW: 0
        )
        meter.plugIn(hybrid, at: start)
        meter.setOfferingEnergy(true, at: start)
        #expect(meter.status == .evDeclines)
        #expect(meter.timeUntilEVFull() == nil)
        meter.advance(to: start + .seconds(600))
        #expect(meter.registerWh == 0)
    }

    @Test func an800VoltCarGetsTheFullHPCPowerAndA400VoltCarIsCurrentLimited() {
        let rating = ConnectorRating(currentType: .dc, maxCurrentA: 500, phases: 1, maxPowerKW: 350)
        func power(_ voltage: ClosedRange<Double>) -> Double {
            var meter = ConnectorMeter(rating: rating, now: start)
            let ev = EVModel(
                name: "car",
                batteryCapacityKWh: 90,
                startSoCPercent: 10,
                maxACPowerKW: 11,
                acPhases: 3,
                maxDCPowerKW: 400,
                dcVoltageRangeV: voltage
            )
            meter.plugIn(ev, at: start)
            meter.setOfferingEnergy(true, at: start)
            return meter.powerW
        }
        #expect(abs(power(700...850) - 350_000) < 1e-6)
        #expect(abs(power(350...450) - 500 * 360) < 1e-6)
    }

    @Test func everyShippedProfileChargesADrawnEVWithinItsRating() throws {
        let folder = ProfileLoaderTests.profilesFolder
        var generator = SeededRandomNumberGenerator(seed: 5)
        for name in ProfileLoaderTests.shippedProfiles {
            let profile = try ProfileLoader().load(contentsOf: folder.appendingPathComponent(name))
            for connector in profile.connectors {
                for _ in 0..<20 {
                    let ev = try #require(profile.randomEV(using: &generator))
                    var meter = ConnectorMeter(rating: connector.rating, now: start)
                    meter.plugIn(ev, at: start)
                    meter.setOfferingEnergy(true, at: start)
                    var last = meter.registerWh
                    for minute in 1...90 {
                        meter.advance(to: start + .seconds(minute * 60))
                        #expect(meter.powerW <= connector.maxPowerKW * 1000 + 1e-6, "\(name) \(ev.name)")
                        #expect(meter.registerWh >= last)
                        last = meter.registerWh
                    }
                }
            }
        }
    }
}
