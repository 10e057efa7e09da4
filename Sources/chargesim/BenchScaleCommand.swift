import ArgumentParser
import Foundation

/// `chargesim bench scale`: the long steady state at full scale (issue 11). The fleet is cut into
/// `--shards` processes (`chargesim fleet --shard K/N`), each with its own embedded central
/// system, because one process may hold at most `ulimit -Hn` connections; the orchestration is
/// `Benchmarks/scale-bench.py`.
struct BenchScaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "Run a sharded fleet at full scale through a long steady state and count every disconnect.",
        discussion: """
            Run it from the repository with a release build: swift build -c release --scratch-path \
            .build-release, then .build-release/release/chargesim bench scale --chargers 50000 --shards 3.

            Each shard is one chargesim fleet process (--shard K/N) and one chargesim csms process: \
            every connection is an open file on both sides, and one process may hold at most \
            `ulimit -Hn` of them. Keep chargers / shards below that limit. The fleet counts every \
            connection it loses; the run exits with status 1 if any is lost in the steady state or \
            any answered MeterValues is missing from a central system's SQLite file.
            """
    )

    @Option(help: "Chargers of the whole fleet.")
    var chargers: Int = 50000

    @Option(help: "Fleet processes, each with its own central system.")
    var shards: Int = 3

    @Option(help: "New connections per second, all shards together.")
    var ramp: Double = 2000

    @Option(help: "Share of the chargers that charge (0 to 1).")
    var chargingShare: Double = 0.2

    @Option(help: "Seconds between MeterValues of a charging charger.")
    var meterInterval: Int = 10

    @Option(help: "Seconds after all chargers are up before measuring.")
    var warmup: Double = 15

    @Option(help: "Measured steady state, seconds.")
    var duration: Double = 300

    @Option(help: "Event loop threads of each fleet process.")
    var threads: Int = 1

    @Option(help: "Passed to every chargesim fleet --source-address.")
    var sourceAddress: String?

    @Option(help: "The benchmark script.")
    var script: String = "Benchmarks/scale-bench.py"

    func validate() throws {
        if chargers < 1 { throw ValidationError("--chargers must be at least 1, got \(chargers).") }
        if shards < 1 || shards > chargers {
            throw ValidationError("--shards must be between 1 and --chargers, got \(shards).")
        }
        try FleetLoadRules.checkBench(
            ramp: ramp, chargingShare: chargingShare, meterInterval: meterInterval, duration: duration,
            threads: threads)
        if !(warmup >= 0) { throw ValidationError("--warmup must be zero or more seconds.") }
    }

    func run() throws {
        var arguments = [
            "--chargers", String(chargers), "--shards", String(shards), "--ramp", String(ramp),
            "--charging-share", String(chargingShare), "--meter-interval", String(meterInterval),
            "--warmup", String(warmup), "--duration", String(duration), "--threads", String(threads),
        ]
        if let sourceAddress { arguments += ["--source-address", sourceAddress] }
        try BenchScript(path: script, command: "bench scale").run(arguments)
    }
}
