import ArgumentParser

/// `chargesim profiles`: the charger models in `profiles/`.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List and check charger profiles (profiles/*.yaml).",
        subcommands: [ProfilesListCommand.self, ProfilesValidateCommand.self]
    )
}
