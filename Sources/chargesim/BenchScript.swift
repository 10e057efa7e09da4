import ArgumentParser
import Foundation

/// A benchmark script of `Benchmarks/` (stdlib Python that drives this binary): `chargesim bench`
/// commands find it from the current folder and become it (exec), passing it this binary's path
/// and their options: its exit status is theirs.
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
        // The script takes this process's place: its exit status and signals are the command's,
        // and no Foundation `Process` is involved (its launch on Linux 6.3 can over-read memory,
        // swift-corelibs-foundation#5472).
        let commandLine = ["/usr/bin/env", "python3", path, "--chargesim", CommandLine.arguments[0]] + arguments
        fflush(nil)
        let argv = commandLine.map { strdup($0) } + [nil]
        execv(commandLine[0], argv)
        let reason = String(cString: strerror(errno))
        for argument in argv { free(argument) }
        FileHandle.standardError.write(Data("chargesim \(command): cannot start python3: \(reason).\n".utf8))
        throw ExitCode(69)
    }
}
