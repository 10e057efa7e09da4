import Foundation

/// A Python program from the pinned peers virtualenv (`scripts/conformance/python-peers-venv.sh`:
/// websockets 17.4, ocpp), run as a subprocess for interop tests. The script prints
/// `READY <port>` once it listens (servers) and `OK ...` or `FAIL ...` lines as it goes.
public final class PythonPeer: Sendable {
    /// The venv is missing or broken: the message says how to create it.
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    /// The script exited without printing the expected line.
    public struct Failed: Error, CustomStringConvertible {
        public let description: String
    }

    private let process: Process
    private let output: Pipe
    private let errors: Pipe

    /// The repository root, found from this file's location.
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// The venv's python: `$CHARGESIM_PY_VENV/bin/python`, else `<root>/.venv-peers/bin/python`.
    public static func python() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        let venv = environment["CHARGESIM_PY_VENV"] ?? repositoryRoot.appendingPathComponent(".venv-peers").path
        let python = venv + "/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Unavailable(
                description:
                    "the Python peers venv is missing (\(python)); create it with scripts/conformance/python-peers-venv.sh"
            )
        }
        return python
    }

    /// Starts `script` (a path relative to the repository root) with `arguments`.
    public init(script: String, arguments: [String]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: try Self.python())
        process.arguments = ["-u", Self.repositoryRoot.appendingPathComponent(script).path] + arguments
        output = Pipe()
        errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Reads lines until one starts with `prefix` and returns the rest of it; throws `Failed`
    /// with the script's error output when it exits first.
    public func line(startingWith prefix: String) throws -> String {
        let handle = output.fileHandleForReading
        var pending = Data()
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending = Data(pending[(newline + 1)...])
                if line.hasPrefix(prefix) {
                    return String(line.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
                }
                if line.hasPrefix("FAIL") {
                    throw Failed(description: line)
                }
                continue
            }
            let chunk = handle.availableData
            guard !chunk.isEmpty else {
                let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                throw Failed(
                    description: "python peer exited before \(prefix.debugDescription): \(stderr.suffix(2000))")
            }
            pending.append(chunk)
        }
    }

    /// Reads the `READY <port>` line of a server script.
    public func readyPort() throws -> Int {
        let text = try line(startingWith: "READY")
        guard let port = Int(text) else { throw Failed(description: "bad READY line: \(text)") }
        return port
    }

    /// Waits for the script to exit and returns its status.
    public func waitForExit() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Kills the script (servers run until told). SIGKILL: a `websockets` server catches
    /// SIGTERM for a graceful shutdown that may wait on its connections.
    public func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
