import ArgumentParser

/// `chargesim scenario`: test scenarios in YAML for suites not written in Swift.
struct ScenarioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario", abstract: "Run YAML test scenarios against chargers and the Public API.",
        subcommands: [ScenarioRunCommand.self])
}
