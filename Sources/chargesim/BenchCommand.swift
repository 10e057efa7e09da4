import ArgumentParser

/// `chargesim bench`: scale benchmarks that print figures and ratios.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run the scale benchmarks and print figures."
    )

    func run() throws {
        throw NotBuiltYet.exit("bench", needs: "the fleet and the embedded central system (issues 5, 8, 11)")
    }
}
