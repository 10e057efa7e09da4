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

    /// Runs `executable` with `arguments` and waits for it to exit.
    public func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Outcome
    {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent(executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting so a chatty child never blocks on a full pipe.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            exitCode: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self)
        )
    }
}
