import ArgumentParser
import Foundation
import Simulator

/// `chargesim profiles validate`: checks profiles and prints every problem with its line.
struct ProfilesValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check charger profiles and print every problem as FILE:LINE: field: problem.",
        discussion: "Prints \"FILE: ok\" for a good profile. Exits 65 (EX_DATAERR) when any file has a problem."
    )

    @Argument(help: "The profile files to check.")
    var files: [String] = []

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one profile file, e.g. profiles/ac-wallbox-7kw.yaml.") }
    }

    func run() throws {
        var failed = false
        for file in files {
            do {
                _ = try ProfileLoader().load(contentsOf: URL(fileURLWithPath: file), file: file)
                print("\(file): ok")
            } catch {
                failed = true
                for line in error.lines { print(line) }
            }
        }
        if failed { throw ExitCode(65) }
    }
}
