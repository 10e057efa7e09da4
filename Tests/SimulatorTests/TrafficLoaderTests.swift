import Foundation
import Simulator
import Testing

/// The example traffic and chaos files load; bad ones report every problem with its line.
@Suite struct TrafficLoaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: ["afternoon.yaml", "fast-food-dc.yaml"])
    func exampleTrafficFilesLoad(_ name: String) throws {
        let url = Self.repository.appendingPathComponent("profiles/traffic/" + name)
        let traffic = try TrafficLoader().load(contentsOf: url)
        #expect(traffic.arrivalsPerHour.count == 24)
        #expect(traffic.remoteStartShare > 0)
    }

    @Test func theExampleChaosFileLoads() throws {
        let url = Self.repository.appendingPathComponent("profiles/chaos/flaky-network.yaml")
        let chaos = try ChaosLoader().load(contentsOf: url)
        #expect(chaos.connectorFaultCodes == [.groundFailure, .highTemperature, .powerSwitchFailure])
        #expect(chaos.blackouts.count == 1)
        #expect(chaos.surges == [ChaosProfile.Surge(atSeconds: 120, chargers: 10)])
    }

    @Test func badTrafficReportsEachProblemWithItsLine() {
        let yaml = """
            arrivalsPerHour: [1, 2, 3]
            startTime: "25:00"
            dwellMinutes: { distribution: uniform, mean: 30 }
            remoteStartShare: 1.5
            idTag: [A]
            """
        #expect {
            _ = try TrafficLoader().load(yaml: yaml, file: "bad.yaml")
        } throws: { error in
            guard let error = error as? ProfileLoadError else { return false }
            return error.lines == [
                "bad.yaml:2: startTime: must be a time of day HH:MM, got \"25:00\"",
                "bad.yaml:5: idTag: unknown key; expected one of arrivalsPerHour, startTime, dwellMinutes, "
                    + "idleAfterFullMinutes, remoteStartShare, startTimeoutMinutes, idTags, evMix",
            ]
        }
    }

    @Test func badChaosNamesTheErrorCodes() {
        #expect {
            _ = try ChaosLoader().load(yaml: "connectorFaultCodes: [Smoke]\nslowAnswerShare: 2", file: "c.yaml")
        } throws: { error in
            guard let error = error as? ProfileLoadError else { return false }
            return error.lines.count == 1 && error.lines[0].hasPrefix("c.yaml:1: connectorFaultCodes: \"Smoke\" is not")
        }
    }
}
