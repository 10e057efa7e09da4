import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

/// Memory per idle charger: `chargesim fleet` with 200 and then 2,000 booted, idle chargers
/// against a loopback central system; the growth of the subprocess's resident set (VmRSS in
/// /proc/<pid>/status) divided by the extra chargers. A measurement, not a gate: it runs when
/// `CHARGESIM_FLEET_MEMORY` is set, and prints the figure.
@Suite(.serialized) struct FleetMemoryTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CHARGESIM_FLEET_MEMORY"] != nil))
    func residentMemoryPerIdleCharger() async throws {
        let small = try await residentKilobytes(chargers: 200)
        let large = try await residentKilobytes(chargers: 2000)
        let perCharger = Double(large - small) / 1800
        print("fleet RSS: 200 chargers \(small) KiB, 2000 chargers \(large) KiB, \(perCharger) KiB per idle charger")
        #expect(perCharger > 0)
    }

    private func residentKilobytes(chargers: Int) async throws -> Int {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let central = try await LoopbackCentralSystem.start()
        let profile = try folder.write(
            "wallbox.yaml", try String(contentsOfFile: "profiles/ac-wallbox-7kw.yaml", encoding: .utf8))
        let fleet = try RunningCommand(
            "chargesim",
            [
                "fleet", "--csms", central.url, "--profile", "\(profile.path):\(chargers)", "--ramp", "1000",
                "--threads", "2",
            ],
            directory: folder.url)
        try await LiveTimeout.run("\(chargers) boots", seconds: 120) {
            while !fleet.standardError.contains("connected \(chargers)/\(chargers) booted \(chargers) ") {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        let ticksBefore = cpuTicks(fleet.processIdentifier)
        try await Task.sleep(for: .seconds(2))
        let idleTicks = cpuTicks(fleet.processIdentifier) - ticksBefore
        print("fleet of \(chargers) idle chargers: \(idleTicks) CPU ticks (1/100 s) in 2 s")
        let status = try String(contentsOfFile: "/proc/\(fleet.processIdentifier)/status", encoding: .utf8)
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        fleet.send(SIGTERM)
        _ = await fleet.waitForExit(seconds: 30)
        await central.stop()
        return kilobytes
    }

    /// utime + stime of `pid`, in clock ticks (/proc/<pid>/stat fields 14 and 15).
    private func cpuTicks(_ pid: Int32) -> Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: field 3 (state) is fields[0], so 14 and 15 are [11] and [12].
        guard fields.count > 12 else { return 0 }
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }
}
