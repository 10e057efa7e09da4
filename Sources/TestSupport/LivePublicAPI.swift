import CentralSystem
import Foundation
import OCPP16

/// A Public API server on a loopback port with a temporary SQLite store and a recording command
/// sender; `with` starts it, runs the body and stops it.
public struct LivePublicAPI: Sendable {
    /// The token every `client` call sends.
    public static let token = "test-token-0123456789"

    public let store: Store
    public let commands: RecordingCommandSender
    public let port: Int
    public var client: APIHTTPClient { APIHTTPClient(port: port, token: Self.token) }

    /// Runs `body` against a fresh server; `now` is the API's clock (fixed unless a test moves it).
    public static func with(
        configuration: PublicAPIConfiguration = PublicAPIConfiguration(
            commandTimeout: .seconds(2), startSessionWait: .zero),
        now: @escaping @Sendable () -> OCPPTimestamp = { OCPPTimestamp(millisecondsSince1970: 1_767_225_600_000) },
        onSend: @escaping @Sendable (Store, any OCPPPayload, String) async -> Void = { _, _, _ in },
        _ body: (LivePublicAPI) async throws -> Void
    ) async throws {
        let file = try TemporarySQLiteFile()
        defer { file.remove() }
        let store = try Store(path: file.path)
        var generator = SystemRandomNumberGenerator()
        _ = try await PublicAPIServer.provisionToken(
            store: store, supplied: token, now: now(), generator: &generator)
        let commands = RecordingCommandSender { request, id in await onSend(store, request, id) }
        let server = PublicAPIServer(store: store, commands: commands, configuration: configuration, now: now)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task {
            try await server.run { port in continuation.yield(port) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            task.cancel()
            throw CancellationError()
        }
        do {
            try await body(LivePublicAPI(store: store, commands: commands, port: port))
        } catch {
            task.cancel()
            _ = await task.result
            throw error
        }
        task.cancel()
        _ = await task.result
    }
}
