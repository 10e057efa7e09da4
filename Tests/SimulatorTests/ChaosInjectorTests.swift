import OCPP16
import Simulator
import TestSupport
import Testing

/// The chaos injector alone, on a manual clock: answers delayed, dropped or spoiled, the
/// charger's own CALLs untouched, cuts waiting for a quiet moment, half-open stalls, faults
/// that clear, and reproducible random chaos.
@Suite struct ChaosInjectorTests {
    static let start = OCPPTimestamp(millisecondsSince1970: 1_764_000_000_000)
    static let answer = Array(#"[3,"csms-1",{"status":"Accepted"}]"#.utf8)
    static let call = Array(#"[2,"7","MeterValues",{"connectorId":1,"meterValue":[]}]"#.utf8)

    static func injector(_ profile: ChaosProfile? = nil, seed: UInt64 = 1) -> ChaosInjector {
        ChaosInjector(profile: profile, connectorIds: [1, 2], random: SeededGenerator(seed: seed), now: start)
    }

    @Test func aSlowAnswerGoesOutAfterItsDelayAndCallsPassUntouched() {
        var chaos = Self.injector()
        #expect(chaos.inject(.answers(.slow(delay: .seconds(3)), count: 1), now: Self.start, quiet: true) == [])
        #expect(chaos.outgoing(Self.call, now: Self.start) == .write(Self.call))
        #expect(chaos.outgoing(Self.answer, now: Self.start) == .withheld)
        #expect(chaos.nextDeadline == Self.start + .seconds(3))
        #expect(chaos.timerFired(now: Self.start + .seconds(2), quiet: true) == [])
        #expect(chaos.timerFired(now: Self.start + .seconds(3), quiet: true) == [.write(Self.answer)])
        // Only one answer was to be slow.
        #expect(chaos.outgoing(Self.answer, now: Self.start) == .write(Self.answer))
    }

    @Test func missingCallErrorAndMalformedAnswers() throws {
        var chaos = Self.injector()
        _ = chaos.inject(.answers(.missing, count: 1), now: Self.start, quiet: true)
        _ = chaos.inject(.answers(.callError, count: 1), now: Self.start, quiet: true)
        _ = chaos.inject(.answers(.malformed, count: 1), now: Self.start, quiet: true)
        #expect(chaos.outgoing(Self.answer, now: Self.start) == .withheld)
        guard case .write(let error) = chaos.outgoing(Self.answer, now: Self.start) else {
            Issue.record("the CALLERROR was not written")
            return
        }
        guard case .callError(let messageId, let callError) = try RPCFrame.parse(error) else {
            Issue.record("not a CALLERROR: \(String(decoding: error, as: UTF8.self))")
            return
        }
        #expect(messageId == "csms-1")
        #expect(callError.code == .internalError)
        guard case .write(let malformed) = chaos.outgoing(Self.answer, now: Self.start) else {
            Issue.record("the malformed frame was not written")
            return
        }
        #expect((try? RPCFrame.parse(malformed)) == nil)
        #expect(chaos.outgoing(Self.answer, now: Self.start) == .write(Self.answer))
        #expect(chaos.nextDeadline == nil)
    }

    @Test func aCutWaitsForAQuietMoment() {
        var chaos = Self.injector()
        #expect(chaos.inject(.connectionDrop(reconnectAfter: .seconds(2)), now: Self.start, quiet: false) == [])
        let retry = Self.start + .milliseconds(50)
        #expect(chaos.nextDeadline == retry)
        #expect(chaos.timerFired(now: retry, quiet: false) == [])
        #expect(
            chaos.timerFired(now: retry + .milliseconds(50), quiet: true) == [
                .dropConnection(reconnectAfter: .seconds(2))
            ])
        #expect(chaos.nextDeadline == nil)
    }

    @Test func aHalfOpenSocketWithholdsEverythingThenDrops() {
        var chaos = Self.injector()
        let effects = chaos.inject(
            .halfOpen(duration: .seconds(5), reconnectAfter: .seconds(1)), now: Self.start, quiet: true)
        #expect(effects == [.stopReading])
        #expect(chaos.outgoing(Self.call, now: Self.start + .seconds(1)) == .withheld)
        #expect(chaos.outgoing(Self.answer, now: Self.start + .seconds(1)) == .withheld)
        #expect(chaos.nextDeadline == Self.start + .seconds(5))
        #expect(
            chaos.timerFired(now: Self.start + .seconds(5), quiet: false) == [
                .dropConnection(reconnectAfter: .seconds(1))
            ])
        #expect(chaos.outgoing(Self.call, now: Self.start + .seconds(6)) == .write(Self.call))
    }

    @Test func faultsClearAfterTheirDuration() {
        var chaos = Self.injector()
        let fault = ChaosFault.connectorFault(
            connectorId: 2, errorCode: .groundFailure, vendorErrorCode: "GF-7", duration: .seconds(30))
        #expect(
            chaos.inject(fault, now: Self.start, quiet: false)
                == [.setFault(connectorId: 2, errorCode: .groundFailure, vendorErrorCode: "GF-7")])
        #expect(
            chaos.inject(.evSuspended(connectorId: 1, duration: .seconds(10)), now: Self.start, quiet: false)
                == [.suspendEV(connectorId: 1, true)])
        #expect(chaos.timerFired(now: Self.start + .seconds(10), quiet: true) == [.suspendEV(connectorId: 1, false)])
        #expect(
            chaos.timerFired(now: Self.start + .seconds(30), quiet: true)
                == [.clearFault(connectorId: 2, errorCode: .groundFailure)])
    }

    @Test func randomChaosIsReproducible() {
        var profile = ChaosProfile()
        profile.connectorFaultsPerHour = 20
        profile.connectionDropsPerHour = 20
        profile.malformedFramesPerHour = 20
        profile.connectorFaultCodes = [.highTemperature, .overVoltage]
        func run(seed: UInt64) -> [[ChaosEffect]] {
            var chaos = Self.injector(profile, seed: seed)
            var effects: [[ChaosEffect]] = []
            while let due = chaos.nextDeadline, due < Self.start + .seconds(3600) {
                effects.append(chaos.timerFired(now: due, quiet: true))
            }
            return effects
        }
        let first = run(seed: 5)
        #expect(first.joined().count > 20)
        #expect(first == run(seed: 5))
        #expect(first != run(seed: 6))
        let kinds = Set(
            first.joined().map { effect -> String in
                switch effect {
                case .setFault: "fault"
                case .clearFault: "clear"
                case .dropConnection: "drop"
                case .write: "malformed"
                case .suspendEV, .stopReading, .reboot: "other"
                }
            })
        #expect(kinds == ["fault", "clear", "drop", "malformed"])
    }
}
