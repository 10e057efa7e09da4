import ArgumentParser
import Logging

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

    /// Installs the log handler before any command runs, then parses and runs the command.
    static func main() async {
        LoggingSystem.bootstrap(ServerStopLogFilter.init(label:))
        await main(nil)
    }
}
