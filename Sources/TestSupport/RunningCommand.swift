import Foundation

/// A built executable of this package running as a subprocess that a test does not wait for:
/// it can be signalled (SIGKILL for crash tests, SIGTERM for a clean stop) while the test
/// drives it. Its output goes to files, so a chatty child never blocks on a full pipe.
public final class RunningCommand: Sendable {
    /// The child's process id.
    public var processIdentifier: Int32 { child.processIdentifier }
    private let child: ChildProcess
    private let outputURL: URL
    private let errorURL: URL

    /// Starts `executable` (from `runner.productsDirectory`) with `arguments`; its output goes to
    /// files in `directory`.
    public init(
        _ executable: String, _ arguments: [String], runner: CommandRunner = CommandRunner(), directory: URL
    ) throws {
        let stamp = UUID().uuidString
        outputURL = directory.appendingPathComponent("\(executable)-\(stamp).out")
        errorURL = directory.appendingPathComponent("\(executable)-\(stamp).err")
        child = try ChildProcess(
            executable: runner.productsDirectory.appendingPathComponent(executable).path, arguments: arguments,
            standardOutput: .file(outputURL.path), standardError: .file(errorURL.path))
    }

    /// Sends `signal` (e.g. `SIGKILL`, `SIGTERM`) to the child.
    public func send(_ signal: Int32) {
        child.send(signal)
    }

    /// Whether the child is still running.
    public var isRunning: Bool { child.isRunning }

    /// Waits (polling, up to `seconds`) for the child to exit; returns its status, nil on timeout.
    public func waitForExit(seconds: Double = 10) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while child.isRunning, Date() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return child.statusIfExited
    }

    /// What the child wrote to standard error so far.
    public var standardError: String {
        (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
    }

    /// What the child wrote to standard output so far.
    public var standardOutput: String {
        (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
    }
}
