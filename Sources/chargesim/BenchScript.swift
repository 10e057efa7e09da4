import ArgumentParser
import Foundation

/// A benchmark script of `Benchmarks/` (stdlib Python that drives this binary): `chargesim bench`
/// commands find it from the current folder, pass it this binary's path and their options, and
/// exit with its status.
struct BenchScript {
    /// The script's path, relative to the repository.
    let path: String
    /// The command, for the message when the script is missing (`bench fleet`).
    let command: String

    func run(_ arguments: [String]) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            FileHandle.standardError.write(
                Data(
                    ("chargesim \(command): no \(path) here; run it from the ChargeSim repository "
                        + "or pass --script.\n").utf8))
            throw ExitCode(66)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", path, "--chargesim", CommandLine.arguments[0]] + arguments
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw ExitCode(process.terminationStatus) }
    }
}
