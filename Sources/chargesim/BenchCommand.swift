import ArgumentParser

/// `chargesim bench`: scale benchmarks that print figures and ratios.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run the scale benchmarks and print figures.",
        subcommands: [BenchFleetCommand.self, BenchScaleCommand.self]
    )
}
