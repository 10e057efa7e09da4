import Foundation
import TestSupport
import Testing

/// `chargesim fleet` as a user runs it: usage errors say what to fix (exit 64), a fleet comes
/// up against a loopback central system, prints its progress and stops cleanly on SIGTERM.
@Suite(.serialized) struct FleetCommandTests {
    let runner = CommandRunner()

    static let usage =
        "Usage: chargesim fleet [<options>] --csms <csms>\n  See 'chargesim fleet --help' for more information.\n"

    @Test(arguments: [
        (["--csms", "http://x", "--profile", "p.yaml"], "--csms must be a ws:// or wss:// URL, got 'http://x'."),
        (
            ["--csms", "ws://127.0.0.1:1"],
            "Name at least one --profile FILE[:COUNT], e.g. --profile profiles/ac-wallbox-7kw.yaml:10."
        ),
        (
            ["--csms", "ws://127.0.0.1:1", "--profile", "/nonexistent.yaml"],
            "--profile /nonexistent.yaml: no such readable file."
        ),
        (
            ["--csms", "ws://127.0.0.1:1", "--profile", "/nonexistent.yaml:0"],
            "--profile /nonexistent.yaml: the count must be at least 1."
        ),
        (
            ["--csms", "ws://127.0.0.1:1", "--profile", "/dev/null", "--cert", "/dev/null"],
            "--cert and --key go together: give both or neither."
        ),
        (
            ["--csms", "ws://127.0.0.1:1", "--profile", "/dev/null", "--ca-file", "/dev/null"],
            "--ca-file, --cert and --insecure need a wss:// --csms or --secure-csms URL."
        ),
        (
            ["--csms", "ws://127.0.0.1:1", "--profile", "/dev/null", "--ramp", "0"],
            "--ramp must be a positive number of connections per second."
        ),
        (
            ["--csms", "ws://127.0.0.1:1", "--profile", "/dev/null", "--id-prefix", "a/b"],
            "--id-prefix must not contain '/', '?' or '#': the id is the URL's last segment."
        ),
        (
            ["--csms", "ws://127.0.0.1:1", "--profile", "/dev/null", "--threads", "0"],
            "--threads must be at least 1, got 0."
        ),
    ])
    func usageErrorsSayWhatToFix(arguments: [String], message: String) async throws {
        let outcome = try await runner.run("chargesim", ["fleet"] + arguments)
        #expect(outcome == .init(exitCode: 64, standardOutput: "", standardError: "Error: \(message)\n" + Self.usage))
    }

    @Test func aBadProfileNamesTheFileAndExits65() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("bad.yaml", "identity: {}\n")
        let outcome = try await runner.run(
            "chargesim", ["fleet", "--csms", "ws://127.0.0.1:1", "--profile", file.path])
        #expect(outcome.exitCode == 65)
        #expect(outcome.standardError.hasPrefix(file.path + ":"))
    }

    @Test func aFleetComesUpShowsProgressAndStopsOnSIGTERM() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let central = try await LoopbackCentralSystem.start()
        let profile = try folder.write(
            "wallbox.yaml",
            try String(contentsOfFile: "profiles/ac-wallbox-7kw.yaml", encoding: .utf8))
        let fleet = try RunningCommand(
            "chargesim",
            [
                "fleet", "--csms", central.url + "/ocpp/", "--profile", profile.path + ":3", "--id-prefix", "CMD-",
                "--ramp", "50",
            ],
            directory: folder.url)
        try await central.wait(for: "three boots", seconds: 20) { central in
            ["CMD-1", "CMD-2", "CMD-3"].allSatisfy { !central.calls(from: $0, "BootNotification").isEmpty }
        }
        try await LiveTimeout.run("the progress line", seconds: 10) {
            while !fleet.standardError.contains("connected 3/3 booted 3 charging 0 faulted 0\n") {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        fleet.send(SIGTERM)
        #expect(await fleet.waitForExit() == 0)
        #expect(fleet.standardError.contains("stopping 3 chargers (stop-transactions)...\n"))
        #expect(fleet.standardError.hasSuffix("stopped: connected 0/0 booted 0 charging 0 faulted 0\n"))
        #expect(fleet.standardOutput == "")
        try await central.wait(for: "the connections to close") { $0.connectedChargePoints.isEmpty }
        await central.stop()
    }

    @Test func trafficAndChaosFilesDriveSessions() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let central = try await LoopbackCentralSystem.start()
        let profile = try folder.write(
            "wallbox.yaml", try String(contentsOfFile: "profiles/ac-wallbox-7kw.yaml", encoding: .utf8))
        let traffic = try folder.write(
            "traffic.yaml",
            // No arrivals in the first four simulated hours (four seconds at 3600×): the surge at 2 s
            // finds every connector free even when the chargers are slow to boot.
            "startTime: \"00:00\"\narrivalsPerHour: [0, 0, 0, 0" + String(repeating: ", 60", count: 20)
                + "]\ndwellMinutes: { mean: 30 }\nidTags: [CLI-CARD]\n")
        let chaos = try folder.write("chaos.yaml", "surges:\n  - { atSeconds: 2, chargers: 1 }\n")
        let fleet = try RunningCommand(
            "chargesim",
            [
                "fleet", "--csms", central.url, "--profile", profile.path + ":2", "--id-prefix", "TR-",
                "--traffic", traffic.path, "--time-scale", "3600", "--chaos", chaos.path, "--seed", "9",
            ],
            directory: folder.url)
        try await central.wait(for: "a traffic session and a surge session", seconds: 60) { central in
            let starts = ["TR-1", "TR-2"].flatMap { central.calls(from: $0, "StartTransaction") }.map(\.description)
            return starts.contains { $0.contains("\"CLI-CARD\"") } && starts.contains { $0.contains("\"SURGE1\"") }
        }
        #expect(fleet.standardError.contains("chaos: surge of 1: 1 chargers started a session"))
        fleet.send(SIGTERM)
        #expect(await fleet.waitForExit() == 0)
        await central.stop()
    }
}
