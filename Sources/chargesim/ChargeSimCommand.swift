import ArgumentParser

/// The `chargesim` command line: one command type per subcommand.
@main
struct ChargeSimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chargesim",
        abstract: "Virtual OCPP 1.6J charge points, an embedded central system and an AMPECO Public API bridge.",
        version: "0.1.0",
        subcommands: [
            DemoCommand.self,
            FleetCommand.self,
            CSMSCommand.self,
            APICommand.self,
            ScenarioCommand.self,
            ProfilesCommand.self,
            BenchCommand.self,
        ]
    )
}
