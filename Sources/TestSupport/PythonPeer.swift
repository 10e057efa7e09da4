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

    private let child: ChildProcess
    /// The read end of the script's standard output.
    private let output: Int32
    /// Standard error goes to a file: a chatty script never blocks on a full pipe nobody reads.
    private let errors: TemporaryDirectory

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
        let python = try Self.python()
        let pipe = try ChildProcess.pipe()
        defer { close(pipe.write) }
        errors = try TemporaryDirectory(prefix: "chargesim-python-peer")
        do {
            child = try ChildProcess(
                executable: python,
                arguments: ["-u", Self.repositoryRoot.appendingPathComponent(script).path] + arguments,
                standardOutput: .descriptor(pipe.write),
                standardError: .file(errors.url.appendingPathComponent("stderr").path))
        } catch {
            close(pipe.read)
            errors.remove()
            throw error
        }
        output = pipe.read
    }

    deinit {
        close(output)
        errors.remove()
    }

    /// What the script wrote to standard error so far.
    public var standardError: String {
        (try? String(contentsOf: errors.url.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
    }

    /// Reads lines until one starts with `prefix` and returns the rest of it; throws `Failed`
    /// with the script's error output when it exits first.
    public func line(startingWith prefix: String) throws -> String {
        var pending = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
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
            let count = buffer.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw Failed(
                    description: "python peer exited before \(prefix.debugDescription): \(standardError.suffix(2000))")
            }
            pending.append(contentsOf: buffer[0..<count])
        }
    }

    /// Reads the `READY <port>` line of a server script.
    public func readyPort() throws -> Int {
        let text = try line(startingWith: "READY")
        guard let port = Int(text) else { throw Failed(description: "bad READY line: \(text)") }
        return port
    }

    /// Waits for the script to exit and returns its status.
    public func waitForExit() async -> Int32 {
        await child.status()
    }

    /// Kills the script (servers run until told) and waits for it to go. SIGKILL: a
    /// `websockets` server catches SIGTERM for a graceful shutdown that may wait on its
    /// connections; a killed child is gone at once, so the blocking wait is short.
    public func stop() {
        child.send(SIGKILL)
        _ = child.waitForStatus()
    }
}
