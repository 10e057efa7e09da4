import ArgumentParser
import Foundation
import Yams

/// `chargesim scenario run FILE.yaml...`: runs each scenario and writes a JUnit XML report.
struct ScenarioRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run scenarios: start a fleet, act through the API and at the chargers, wait and assert.",
        discussion: """
            Without a `backend:` section a scenario runs against an embedded central system started \
            for it (temporary data, ports picked freely). Exit codes: 0 every step passed, 1 a step \
            failed, 65 a scenario file is invalid, 64 usage. Schema and examples: Examples/scenarios/.
            """)

    @Argument(help: "Scenario files (YAML).")
    var files: [String]

    @Option(help: "Write a JUnit XML report to this file.")
    var junit: String?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Name at least one scenario FILE.yaml.") }
        for file in files where !FileManager.default.isReadableFile(atPath: file) {
            throw ValidationError("\(file): no such readable file.")
        }
    }

    func run() async throws {
        let log: @Sendable (String) -> Void = { StandardOutput.write($0) }
        var scenarios: [(String, Scenario)] = []
        for file in files {
            do {
                let text = try String(contentsOfFile: file, encoding: .utf8)
                scenarios.append((file, try YAMLDecoder().decode(Scenario.self, from: text)))
            } catch {
                FileHandle.standardError.write(Data("\(file): \(Self.describe(error))\n".utf8))
                throw ExitCode(65)
            }
        }
        var suites: [JUnitReport.Suite] = []
        for (file, scenario) in scenarios {
            let name = scenario.name ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            log("scenario: \(name)")
            let started = Date()
            let directory = URL(fileURLWithPath: file).deletingLastPathComponent()
            var results: [ScenarioStepResult]
            do {
                results = try await ScenarioRunner.prepare(scenario, directory: directory, log: log).run()
            } catch {
                log("  FAIL  setup: \(error)")
                results = [ScenarioStepResult(title: "setup", outcome: .failed("\(error)"), duration: 0)]
                results += scenario.steps.map { ScenarioStepResult(title: $0.title, outcome: .skipped, duration: 0) }
            }
            suites.append(JUnitReport.Suite(name: name, results: results, timestamp: started))
        }
        let all = suites.flatMap(\.results)
        let failed = all.filter { if case .failed = $0.outcome { return true } else { return false } }.count
        let skipped = all.filter { $0.outcome == .skipped }.count
        log("\(all.count - failed - skipped) passed, \(failed) failed, \(skipped) skipped")
        if let junit {
            try JUnitReport(suites: suites).xml.write(toFile: junit, atomically: true, encoding: .utf8)
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// A decoding error as `steps.2: unknown key 'foo'`.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        let path: ([any CodingKey]) -> String = { keys in
            keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context): return "\(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): missing"
        case .typeMismatch(let type, let context): return "\(path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context): return "\(path(context.codingPath)): expected \(type), got null"
        @unknown default: return "\(error)"
        }
    }
}
