import ArgumentParser

/// `chargesim fleet`: virtual charge points against a central system of your choice.
struct FleetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet",
        abstract: "Connect a fleet of virtual charge points to an OCPP 1.6J central system."
    )

    func run() throws {
        throw NotBuiltYet.exit("fleet", needs: "the virtual charge point and the fleet runner (issue 5)")
    }
}
