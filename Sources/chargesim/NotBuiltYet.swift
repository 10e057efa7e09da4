import ArgumentParser
import Foundation

/// What a subcommand needs that has not landed yet; running it says so and exits 69
/// (`EX_UNAVAILABLE`) rather than pretending to work.
struct NotBuiltYet: Error, CustomStringConvertible {
    let command: String
    let missing: String

    var description: String {
        "chargesim \(command): not built yet. It needs \(missing)."
    }

    /// Prints the message to standard error and returns the exit code for the caller to throw.
    static func exit(_ command: String, needs missing: String) -> ExitCode {
        let message = NotBuiltYet(command: command, missing: missing).description
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return ExitCode(69)
    }
}
