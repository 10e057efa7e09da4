import ArgumentParser
import Foundation

/// `chargesim bench fleet`: our fleet against the Python `ocpp` peer fleet, the same central
/// system and parameters, one table with the ratios. The orchestration is
/// `Benchmarks/fleet-bench.py` (stdlib Python, it drives this binary and the peer's venv); this
/// command finds it from the current folder, passes it its own path and the options, and exits
/// with its status.
struct BenchFleetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet",
        abstract: "Benchmark our fleet against the Python ocpp peer fleet and print a table.",
        discussion: """
            Run it from the repository (it needs Benchmarks/fleet-bench.py and profiles/) with a \
            release build: swift build -c release --scratch-path .build-release, then \
            .build-release/release/chargesim bench fleet --chargers 2000.

            The peer runs tuned like our fleet (no compression offered, pings every 60 s), with the \
            websockets library's defaults as users build it (permessage-deflate offered, pings every \
            20 s; the central system is then started with --deflate and accepts it, our fleet still \
            offers none), or both (--peer-mode); each gets its own column and ratio.

            Keep-up: after the charging phase the fleet stops (ours leaves its transactions open) and \
            the MeterValues it sent and had answered are compared with what the central system \
            stored: the MeterValues applied to each of its sessions plus the samples that matched no \
            session (clock-aligned readings of idle connectors); "lost: N" counts answered ones not stored.
            """
    )

    @Option(help: "Chargers of our fleet.")
    var chargers: Int = 2000

    @Option(help: "Chargers of the peer fleet (default: --chargers).")
    var peerChargers: Int?

    @Option(help: "New connections per second.")
    var ramp: Double = 500

    @Option(help: "Share of the chargers that charge (0 to 1).")
    var chargingShare: Double = 0.2

    @Option(help: "Seconds between MeterValues of a charging charger.")
    var meterInterval: Int = 10

    @Option(help: "Measured steady state, seconds.")
    var duration: Double = 60

    @Option(help: "Seconds after all chargers are up before measuring.")
    var warmup: Double = 15

    @Option(help: "Event loop threads of our fleet.")
    var threads: Int = 1

    @Option(help: "Passed to chargesim fleet --source-address.")
    var sourceAddress: String?

    @Option(help: "Passed to our chargesim fleet --timer-slack ('auto' or ms; default: the fleet's, auto).")
    var timerSlack: String?

    @Flag(help: "Run our fleet only.")
    var skipPeer = false

    @Option(
        help: ArgumentHelp(
            "The peer's connections: tuned, defaults or both.",
            discussion:
                "tuned: like our fleet (no compression, pings every 60 s); defaults: websockets' defaults "
                + "(permessage-deflate offered, pings every 20 s), the central system accepting deflate."))
    var peerMode: BenchPeerMode = .both

    @Flag(help: "Skip the idle phase (RSS per idle charger, Public API start-session latency).")
    var skipIdle = false

    @Flag(help: "Run the idle phase only (no charging phase).")
    var idleOnly = false

    @Option(help: "Seconds the idle fleet settles after every charger booted, before its RSS is read.")
    var settle: Double = 5

    @Option(help: "Idle phase: start-session actions of each kind (on an EVSE, and without one); 0 for none.")
    var apiActions: Int = 200

    @Option(help: "Start-session actions per second (the API allows 600 a minute per token).")
    var apiRate: Double = 20

    @Option(
        help: ArgumentHelp(
            "Saturation phase: chargers of each fleet, all charging; 0 for none.",
            discussion:
                "Every charger sends MeterValues every --saturation-interval seconds; the table gives "
                + "MeterValues/s answered per fleet core used. The peer falls behind from 2,000 on; "
                + "4,000 brings our fleet nearer the rate its core sustains."))
    var saturationChargers: Int = 4000

    @Option(help: "Saturation phase: seconds between MeterValues.")
    var saturationInterval: Int = 1

    @Option(
        help: ArgumentHelp(
            "Saturation phase: rounds of our fleet then the peer's (1 to 3).",
            discussion:
                "The figures pool the rounds: the per-core figure rests on a few CPU seconds, and taking "
                + "turns keeps a drift of the machine from landing on one side only."))
    var saturationRounds: Int = 2

    /// permessage-deflate on the central system and our fleet (the peer stays without).
    @OptionGroup var deflate: DeflateOptions

    @Option(help: "The benchmark script.")
    var script: String = "Benchmarks/fleet-bench.py"

    func validate() throws {
        if chargers < 1 { throw ValidationError("--chargers must be at least 1, got \(chargers).") }
        if let peerChargers, peerChargers < 1 {
            throw ValidationError("--peer-chargers must be at least 1, got \(peerChargers).")
        }
        try FleetLoadRules.checkBench(
            ramp: ramp, chargingShare: chargingShare, meterInterval: meterInterval, duration: duration,
            threads: threads)
        if let timerSlack { _ = try FleetLoadRules.timerSlack(timerSlack) }
        if skipIdle && idleOnly { throw ValidationError("--skip-idle and --idle-only leave nothing to measure.") }
        if !(settle >= 0) { throw ValidationError("--settle must be zero or more seconds.") }
        if apiActions < 0 { throw ValidationError("--api-actions must be 0 or more, got \(apiActions).") }
        if !(apiRate > 0) { throw ValidationError("--api-rate must be a positive number of actions per second.") }
        if saturationChargers < 0 {
            throw ValidationError("--saturation-chargers must be 0 or more, got \(saturationChargers).")
        }
        if saturationInterval < 1 { throw ValidationError("--saturation-interval must be at least 1 second.") }
        if !(1...3).contains(saturationRounds) {
            throw ValidationError("--saturation-rounds must be 1 to 3, got \(saturationRounds).")
        }
    }

    func run() throws {
        var arguments = [
            "--chargers", String(chargers), "--ramp", String(ramp),
            "--charging-share", String(chargingShare), "--meter-interval", String(meterInterval),
            "--duration", String(duration), "--warmup", String(warmup), "--threads", String(threads),
            "--settle", String(settle), "--api-actions", String(apiActions), "--api-rate", String(apiRate),
            "--saturation-chargers", String(saturationChargers), "--saturation-interval", String(saturationInterval),
            "--saturation-rounds", String(saturationRounds),
        ]
        if let peerChargers { arguments += ["--peer-chargers", String(peerChargers)] }
        if let sourceAddress { arguments += ["--source-address", sourceAddress] }
        if let timerSlack { arguments += ["--timer-slack", timerSlack] }
        if skipPeer { arguments.append("--skip-peer") }
        arguments += ["--peer-mode", peerMode.rawValue]
        if skipIdle { arguments.append("--skip-idle") }
        if idleOnly { arguments.append("--idle-only") }
        arguments += deflate.arguments
        try BenchScript(path: script, command: "bench fleet").run(arguments)
    }
}
