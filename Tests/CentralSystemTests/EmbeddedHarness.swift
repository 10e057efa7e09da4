import CentralSystem
import Foundation
import OCPP16
import TestSupport
import Testing

/// The whole embedded central system (store file, OCPP server, Public API, webhooks) on
/// loopback ports in a temporary data directory, with a fixed API token.
struct EmbeddedHarness {
    static let token = "embedded-token-0123456789"

    let system: EmbeddedCentralSystem
    var client: APIHTTPClient { APIHTTPClient(port: system.apiPort, token: Self.token) }
    var store: Store { system.store }

    /// Starts a central system on `directory` (kept, so a test can start another on it).
    static func start(
        directory: TemporaryDirectory, retry: WebhookRetryPolicy = .init(initialDelay: .milliseconds(100))
    ) async throws -> EmbeddedHarness {
        let configuration = EmbeddedCentralSystem.Configuration(
            dataDirectory: directory.url.path, ocpp: OCPPServerConfiguration(unknownIdTagPolicy: .accept),
            api: PublicAPIConfiguration(commandTimeout: .seconds(2), startSessionWait: .zero), apiToken: token,
            webhooks: WebhookDispatcher.Configuration(retry: retry, requestTimeout: .seconds(5)))
        return EmbeddedHarness(system: try await EmbeddedCentralSystem.start(configuration: configuration))
    }

    /// Runs `body` against a central system on a fresh directory, then stops it and removes the directory.
    static func run(_ body: (EmbeddedHarness) async throws -> Void) async throws {
        let directory = try TemporaryDirectory(prefix: "chargesim-embedded")
        defer { directory.remove() }
        let harness = try await start(directory: directory)
        do {
            try await body(harness)
        } catch {
            await harness.system.shutdown()
            throw error
        }
        await harness.system.shutdown()
    }

    /// Connects a scripted charger as `id`.
    func connect(_ id: String) async throws -> ScriptedChargePoint {
        try await ScriptedChargePoint.connect(to: system.ocppURL + "/" + id)
    }

    /// Polls `condition` every 20 ms until it holds (10 s at most).
    static func eventually(
        _ what: String, seconds: Double = 10, _ condition: @escaping @Sendable () async throws -> Bool
    ) async throws {
        try await LiveTimeout.run(what, seconds: seconds) {
            while try await !condition() { try await Task.sleep(for: .milliseconds(20)) }
        }
    }
}
