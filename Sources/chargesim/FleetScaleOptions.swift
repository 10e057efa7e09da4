import ArgumentParser
import Foundation
import NIOCore
import OCPP16
import Simulator
import WebSocket

/// The `chargesim fleet` options for large fleets and load tests (issue 11): sharding, source
/// addresses, a charging share with its meter interval, and a stats file for benchmarks.
struct FleetScaleOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Run shard K of N (0 <= K < N): the chargers whose index i has (i - 1) % N == K.",
            discussion: "N processes with the same options and shards 0/N ... N-1/N run the fleet once.",
            valueName: "K/N"))
    var shard: String?

    @Option(
        help: ArgumentHelp(
            "Local addresses to connect from, comma-separated (e.g. 127.0.0.2,127.0.0.3), taken in turn.",
            discussion: "Each address has ~28k ephemeral ports to one endpoint; use several past that.",
            valueName: "A[,B,...]"))
    var sourceAddress: String?

    @Option(help: "Share of the chargers (0 to 1) that start charging once booted (EV plugged, tag presented).")
    var chargingShare: Double = 0

    @Option(help: "Override every profile's MeterValueSampleInterval, in seconds.")
    var meterInterval: Int?

    @Option(help: "Write counts, calls and round-trip histograms as JSON to this file every second.")
    var statsFile: String?

    @Option(
        help: ArgumentHelp(
            "How late, in milliseconds, a charger's timer may fire so that timers due close together share one "
                + "wake-up (0: each on time; auto: by load).",
            discussion: "MeterValues, heartbeats and pings then go out up to this late; their timestamps are "
                + "read when sent. Fewer wake-ups cost less CPU per call with thousands of chargers, and make "
                + "the round trip longer. auto: on time while the fleet fires under 1,400 timers a second, "
                + "25 ms from 1,800 a second (see timersFired in --stats-file).",
            valueName: "auto|ms"))
    var timerSlack: String = "auto"

    @OptionGroup var deflate: DeflateOptions

    func validate() throws {
        if let shard, FleetShard(shard) == nil {
            throw ValidationError("--shard must be K/N with 0 <= K < N, e.g. 0/4; got '\(shard)'.")
        }
        _ = try sourceAddresses()
        try FleetLoadRules.checkChargingShare(chargingShare)
        _ = try FleetLoadRules.timerSlack(timerSlack)
        if let meterInterval, meterInterval < 1 {
            throw ValidationError("--meter-interval must be at least 1 second, got \(meterInterval).")
        }
    }

    var fleetShard: FleetShard { shard.flatMap(FleetShard.init) ?? .whole }

    /// The parsed `--source-address` list (port 0).
    func sourceAddresses() throws -> [SocketAddress] {
        guard let sourceAddress else { return [] }
        return try sourceAddress.split(separator: ",").map { part in
            let text = part.trimmingCharacters(in: .whitespaces)
            do {
                return try SocketAddress(ipAddress: text, port: 0)
            } catch {
                throw ValidationError("--source-address: '\(text)' is not an IP address.")
            }
        }
    }

    /// The profile with the `--meter-interval` override.
    func apply(to profile: ChargerProfile) -> ChargerProfile {
        var profile = profile
        if let meterInterval { profile.configuration["MeterValueSampleInterval"] = String(meterInterval) }
        return profile
    }
}
