import ArgumentParser
import Simulator

/// The usage rules for the load a command asks of a fleet, shared by `chargesim fleet` and the
/// `chargesim bench` commands so each option is checked, and explained, the same way everywhere.
enum FleetLoadRules {
    /// The load options both benchmarks take.
    static func checkBench(ramp: Double, chargingShare: Double, meterInterval: Int, duration: Double, threads: Int)
        throws
    {
        if !(ramp > 0) { throw ValidationError("--ramp must be a positive number of connections per second.") }
        try checkChargingShare(chargingShare)
        if meterInterval < 1 { throw ValidationError("--meter-interval must be at least 1 second.") }
        if !(duration > 0) { throw ValidationError("--duration must be positive.") }
        if threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
    }

    static func checkChargingShare(_ share: Double) throws {
        if !(0...1).contains(share) {
            throw ValidationError("--charging-share must be between 0 and 1, got \(share).")
        }
    }

    /// `--timer-slack`: `auto` (the slack follows the load) or a fixed number of milliseconds.
    static func timerSlack(_ text: String) throws -> TimerSlack {
        if text == "auto" { return .adaptive }
        guard let milliseconds = Int(text) else {
            throw ValidationError("--timer-slack must be 'auto' or a number of milliseconds, got '\(text)'.")
        }
        if !(0...1000).contains(milliseconds) {
            throw ValidationError("--timer-slack must be between 0 and 1000 ms, got \(milliseconds).")
        }
        return .fixed(.milliseconds(milliseconds))
    }
}
