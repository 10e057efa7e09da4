import Foundation

/// Runs a built executable of this package as a real subprocess and captures what it printed.
public struct CommandRunner: Sendable {
    /// What a finished command left behind.
    public struct Outcome: Sendable, Equatable {
        public var exitCode: Int32
        public var standardOutput: String
        public var standardError: String

        public init(exitCode: Int32, standardOutput: String, standardError: String) {
            self.exitCode = exitCode
            self.standardOutput = standardOutput
            self.standardError = standardError
        }
    }

    /// The folder holding the built products (`chargesim`, the test bundle, ...).
    public let productsDirectory: URL

    /// Finds the products folder next to the running test bundle.
    public init() {
        var url = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        // swift-testing and XCTest both run from `.build/<triple>/debug/<Package>PackageTests.xctest`.
        while url.pathComponents.count > 1,
            !FileManager.default.fileExists(atPath: url.appendingPathComponent("chargesim").path)
        {
            url.deleteLastPathComponent()
        }
        productsDirectory = url
    }

    /// Runs `executable` with `arguments` and returns once it exited, without holding a thread
    /// meanwhile: a test that serves the child in-process (an embedded central system) keeps
    /// the cooperative threads free to answer it. Its output goes to files, so a child that
    /// writes much to one stream never blocks on a full pipe while the other is being read.
    public func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil)
        async throws -> Outcome
    {
        let folder = try TemporaryDirectory(prefix: "chargesim-command")
        defer { folder.remove() }
        let outURL = folder.url.appendingPathComponent("stdout")
        let errURL = folder.url.appendingPathComponent("stderr")
        let child = try ChildProcess(
            executable: productsDirectory.appendingPathComponent(executable).path, arguments: arguments,
            environment: environment, standardOutput: .file(outURL.path), standardError: .file(errURL.path))
        let status = await child.status()
        return Outcome(
            exitCode: status,
            standardOutput: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        )
    }
}
