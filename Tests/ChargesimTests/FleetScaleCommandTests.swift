import Foundation
import OCPP16
import TestSupport
import Testing

/// The scale options of `chargesim fleet`, `chargesim bench fleet` and `chargesim bench scale` as
/// a user runs them: usage errors say what to fix, two shard processes together run every charger
/// exactly once, and the benchmarks print their tables.
@Suite(.serialized) struct FleetScaleCommandTests {
    let runner = CommandRunner()

    @Test(arguments: [
        (["--shard", "2/2"], "--shard must be K/N with 0 <= K < N, e.g. 0/4; got '2/2'."),
        (["--shard", "x"], "--shard must be K/N with 0 <= K < N, e.g. 0/4; got 'x'."),
        (["--source-address", "127.0.0.2,nope"], "--source-address: 'nope' is not an IP address."),
        (["--charging-share", "1.5"], "--charging-share must be between 0 and 1, got 1.5."),
        (["--meter-interval", "0"], "--meter-interval must be at least 1 second, got 0."),
        (["--timer-slack", "1001"], "--timer-slack must be between 0 and 1000 ms, got 1001."),
        (["--timer-slack", "fast"], "--timer-slack must be 'auto' or a number of milliseconds, got 'fast'."),
        (["--deflate-window-bits", "8"], "--deflate-window-bits must be between 9 and 15, got 8."),
        (["--deflate-mem-level", "10"], "--deflate-mem-level must be between 1 and 9, got 10."),
    ])
    func usageErrorsSayWhatToFix(arguments: [String], message: String) async throws {
        let outcome = try await runner.run(
            "chargesim", ["fleet", "--csms", "ws://127.0.0.1:1", "--profile", "/dev/null"] + arguments)
        #expect(outcome.exitCode == 64)
        #expect(outcome.standardError.hasPrefix("Error: \(message)\n"))
    }

    @Test func twoShardsRunEveryChargerOnce() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let central = try await LoopbackCentralSystem.start()
        let profile = try folder.write(
            "wallbox.yaml", try String(contentsOfFile: "profiles/ac-wallbox-7kw.yaml", encoding: .utf8))
        let shards = try (0..<2).map { shard in
            try RunningCommand(
                "chargesim",
                [
                    "fleet", "--csms", central.url, "--profile", profile.path + ":5", "--id-prefix", "SH-",
                    "--shard", "\(shard)/2", "--source-address", "127.0.0.\(shard + 2)",
                ],
                directory: folder.url)
        }
        let ids = (1...5).map { "SH-\($0)" }
        try await central.wait(for: "five boots", seconds: 30) { central in
            ids.allSatisfy { !central.calls(from: $0, BootNotificationRequest.action).isEmpty }
        }
        #expect(ids.map { central.calls(from: $0, BootNotificationRequest.action).count } == [1, 1, 1, 1, 1])
        #expect(ids.map(central.remoteIPAddress) == ["127.0.0.2", "127.0.0.3", "127.0.0.2", "127.0.0.3", "127.0.0.2"])
        try await LiveTimeout.run("both progress lines", seconds: 10) {
            while !(shards[0].standardError.contains("connected 3/3 booted 3 ")
                && shards[1].standardError.contains("connected 2/2 booted 2 "))
            {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        for shard in shards {
            shard.send(SIGTERM)
            #expect(await shard.waitForExit(seconds: 30) == 0)
        }
        await central.stop()
    }

    @Test func statsFileHoldsTheCountsAndRoundTripsAsJSON() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let central = try await LoopbackCentralSystem.start()
        let profile = try folder.write(
            "wallbox.yaml", try String(contentsOfFile: "profiles/ac-wallbox-7kw.yaml", encoding: .utf8))
        let stats = folder.url.appendingPathComponent("stats.json")
        let fleet = try RunningCommand(
            "chargesim",
            [
                "fleet", "--csms", central.url, "--profile", profile.path + ":2", "--id-prefix", "ST-",
                "--charging-share", "1", "--meter-interval", "1", "--stats-file", stats.path,
            ],
            directory: folder.url)
        @Sendable func read() -> [String: Any]? {
            guard let data = try? Data(contentsOf: stats) else { return nil }
            return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        }
        try await LiveTimeout.run("a stats file with answered MeterValues", seconds: 30) {
            while (read()?["meterValuesRoundTripMicros"] as? [[UInt64]])?.isEmpty != false {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        // Replaced atomically, and the counts only grow: the next read holds them too.
        let object = try #require(read())
        #expect(
            Set(object.keys) == [
                "booted", "callsSent", "charging", "connected", "connectionsLost", "connectionsOpened", "faulted",
                "meterValuesRoundTripMicros", "meterValuesSent", "roundTripMicros", "time", "timerSlackBusyLoops",
                "timerSlackSwitches", "timerWakeUps", "timersFired", "total",
            ])
        #expect(object["total"] as? Int == 2)
        // Two chargers' timers (boot, MeterValues every second): quiet, each on time.
        #expect((object["timersFired"] as? Int ?? 0) >= 1)
        #expect((object["timerWakeUps"] as? Int ?? 0) >= 1)
        #expect(object["timerSlackBusyLoops"] as? Int == 0)
        #expect(object["timerSlackSwitches"] as? Int == 0)
        #expect(object["booted"] as? Int == 2)
        #expect(object["connectionsOpened"] as? Int == 2)
        #expect(object["faulted"] as? Int == 0)
        #expect((object["meterValuesSent"] as? Int ?? 0) >= 1)
        #expect((object["callsSent"] as? Int ?? 0) > (object["meterValuesSent"] as? Int ?? 0))
        let answered = (object["meterValuesRoundTripMicros"] as? [[UInt64]] ?? []).reduce(0) { $0 + $1[1] }
        #expect(answered >= 1)
        #expect(((object["roundTripMicros"] as? [[UInt64]]) ?? []).allSatisfy { $0.count == 2 })
        let time = object["time"] as? Double ?? 0
        #expect(abs(time - Date().timeIntervalSince1970) < 60)
        fleet.send(SIGTERM)
        #expect(await fleet.waitForExit(seconds: 30) == 0)
        await central.stop()
    }

    @Test func benchWithoutItsScriptSaysWhereToRunIt() async throws {
        let outcome = try await runner.run("chargesim", ["bench", "fleet", "--script", "/nonexistent/fleet-bench.py"])
        #expect(
            outcome
                == .init(
                    exitCode: 66, standardOutput: "",
                    standardError: "chargesim bench fleet: no /nonexistent/fleet-bench.py here; run it from the "
                        + "ChargeSim repository or pass --script.\n"))
    }

    @Test func benchFleetPrintsItsTable() async throws {
        let outcome = try await runner.run(
            "chargesim",
            [
                "bench", "fleet", "--chargers", "6", "--ramp", "50", "--charging-share", "0.5", "--meter-interval",
                "1", "--warmup", "1", "--duration", "3", "--skip-peer", "--settle", "1", "--api-actions", "3",
                "--saturation-chargers", "4", "--saturation-rounds", "2", "--timer-slack", "0",
            ])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("fleet benchmark: ours 6 chargers, peer -; ramp 50/s, 50% charging") == true)
        #expect(lines.contains("| chargers connected (lowest in window) | 6 (6) | - |  |"))
        #expect(lines.contains("| idle phase: chargers connected | 6 | - |  |"))
        // Three start-session actions of each kind, on distinct idle chargers, all accepted.
        #expect(lines.contains("| API start/{evse} (waits for the session): answers | 3× 202 | - |  |"), "\(lines)")
        #expect(lines.contains("| API start (no EVSE, RemoteStart answer): answers | 3× 202 | - |  |"), "\(lines)")
        let perCharger = try #require(
            lines.first { $0.hasPrefix("| idle RSS per charger, baseline subtracted, KiB | ") })
        #expect(cell(perCharger, 1) != nil, "\(perCharger)")
        let meterValues = try #require(lines.first { $0.hasPrefix("| MeterValues/s answered | ") })
        let rate = cell(meterValues, 1) ?? 0
        // Three chargers, one MeterValues a second each.
        #expect(rate > 1 && rate < 4.5, "\(meterValues)")
        // Every answered MeterValues is in the central system's SQLite file: applied to its session
        // (counted per transaction) or kept without one (an idle connector's clock-aligned reading).
        let keepUp = try #require(lines.first { $0.hasPrefix("| MeterValues sent / answered / stored (per session") })
        let keepUpCell = keepUp.split(separator: "|")[1]
        let counts = keepUpCell.split(separator: ";")[0].split(separator: "/").compactMap {
            Int($0.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber })
        }
        #expect(keepUpCell.hasSuffix("lost: 0 "), "\(keepUp)")
        #expect(counts.count == 3 && counts[1] > 0 && counts[2] >= counts[1] && counts[2] <= counts[0], "\(keepUp)")
        // The saturation phase: four chargers, all charging, one MeterValues a second each.
        #expect(lines.contains("| saturation phase (all charging): chargers connected | 4 | - |  |"), "\(lines)")
        let saturated = try #require(lines.first { $0.hasPrefix("| saturation phase: MeterValues/s answered | ") })
        let saturatedRate = cell(saturated, 1) ?? 0
        #expect(saturatedRate > 2 && saturatedRate < 6, "\(saturated)")
        let perCore = try #require(lines.first { $0.hasPrefix("| saturation phase: MeterValues/s per fleet core | ") })
        // Four chargers may use less CPU in the window than one clock tick (10 ms): then "-".
        #expect(cell(perCore, 1).map { $0 > saturatedRate } ?? perCore.contains("| - |"), "\(perCore)")
        // Two rounds (ours, then the peer's, which is skipped here), each with its own figure.
        let perRound = try #require(
            lines.first { $0.hasPrefix("| saturation phase: MeterValues/s per fleet core, each round | ") })
        #expect(perRound.split(separator: "|")[1].split(separator: ",").count == 2, "\(perRound)")
        #expect(lines.contains("| saturation phase: MeterValues lost | 0 | - |  |"), "\(lines)")
    }

    @Test func benchScaleRunsShardsEachWithItsCentralSystemAndCountsDisconnects() async throws {
        let outcome = try await runner.run(
            "chargesim",
            [
                "bench", "scale", "--chargers", "8", "--shards", "2", "--ramp", "50", "--charging-share", "0.5",
                "--meter-interval", "1", "--warmup", "1", "--duration", "3",
            ])
        #expect(outcome.exitCode == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("scale run: 8 chargers in 2 shard(s), 50% charging") == true, "\(lines)")
        #expect(lines.contains("| chargers (shards × central systems) | 8 (2 × 1) |"), "\(lines)")
        #expect(lines.contains("| connected at the end / lowest in the window | 8 / 8 |"), "\(lines)")
        #expect(lines.contains("| connections lost in the window | 0 |"), "\(lines)")
        #expect(lines.contains("| connections opened / lost, whole run | 8 / 0 |"), "\(lines)")
        let meterValues = try #require(lines.first { $0.hasPrefix("| MeterValues/s answered | ") })
        // Four chargers charging over the two shards, one MeterValues a second each.
        let rate = cell(meterValues, 1) ?? 0
        #expect(rate > 2 && rate < 6, "\(meterValues)")
        let keepUp = try #require(lines.first { $0.hasPrefix("| MeterValues sent / answered / stored, lost | ") })
        #expect(keepUp.hasSuffix(", lost 0 |"), "\(keepUp)")
    }

    @Test func benchFleetRefusesATimerSlackTheFleetWouldRefuse() async throws {
        let outcome = try await runner.run("chargesim", ["bench", "fleet", "--timer-slack", "1001"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.standardError.contains("--timer-slack must be between 0 and 1000 ms, got 1001."))
    }

    @Test func benchFleetRefusesSaturationRoundsOutsideOneToThree() async throws {
        let outcome = try await runner.run("chargesim", ["bench", "fleet", "--saturation-rounds", "4"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.standardError.contains("--saturation-rounds must be 1 to 3, got 4."))
    }

    @Test func benchScaleRefusesMoreShardsThanChargers() async throws {
        let outcome = try await runner.run("chargesim", ["bench", "scale", "--chargers", "2", "--shards", "3"])
        #expect(outcome.exitCode == 64)
        #expect(outcome.standardError.contains("--shards must be between 1 and --chargers, got 3."))
    }

    /// The number in column `index` (0 = the metric's name) of a table row.
    private func cell(_ row: String, _ index: Int) -> Double? {
        let cells = row.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
        guard cells.count > index else { return nil }
        return Double(cells[cells.startIndex + index].trimmingCharacters(in: .whitespaces))
    }
}
