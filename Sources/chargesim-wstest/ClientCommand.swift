import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import WebSocket

/// `client --server URL --agent NAME`: runs every case the Autobahn fuzzing server offers,
/// echoing each message, then asks the server to write its report.
struct ClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: "Run the fuzzing server's cases as an echo client.")

    @Option(help: "The fuzzing server's base URL, e.g. ws://127.0.0.1:9001.")
    var server: String

    @Option(help: "The agent name the report lists.")
    var agent: String = "chargesim"

    @Option(help: "Run only this case number (1-based); all cases when omitted.")
    var caseNumber: Int?

    func validate() throws {
        guard (try? WebSocketURL(server)) != nil else {
            throw ValidationError("--server must be a ws:// or wss:// URL, got \(server)")
        }
    }

    func run() async throws {
        let base = server.hasSuffix("/") ? String(server.dropLast()) : server
        let group = MultiThreadedEventLoopGroup.singleton
        let countText = try await collectText(url: "\(base)/getCaseCount", group: group)
        guard let count = Int(countText.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("getCaseCount answered \(countText.debugDescription), not a number")
        }
        let cases = caseNumber.map { [$0] } ?? Array(1...max(count, 1))
        for number in cases where number <= count {
            do {
                try await echo(url: "\(base)/runCase?case=\(number)&agent=\(agent)", group: group)
            } catch {
                FileHandle.standardError.write(Data("case \(number): \(error)\n".utf8))
            }
        }
        _ = try await collectText(url: "\(base)/updateReports?agent=\(agent)", group: group)
        print("chargesim-wstest: ran \(cases.count) of \(count) cases")
    }

    private func configuration() -> WebSocketClientConfiguration {
        WebSocketClientConfiguration(deflate: AgentSettings.clientDeflate, connection: AgentSettings.connection)
    }

    /// Echoes every message until the server closes, on the connection's event loop.
    private func echo(url: String, group: any EventLoopGroup) async throws {
        let connection = WebSocketConnection.connect(
            to: try WebSocketURL(url), configuration: configuration(), eventLoop: group.next()
        ) { connection in
            connection.onMessage = { message in
                switch message {
                case .text(let text): connection.send(text: text)
                case .binary(let bytes): connection.send(binary: bytes)
                }
            }
        }
        _ = try await connection.flatMap { $0.closeFuture }.get()
    }

    /// Collects the text messages of one connection until it closes.
    private func collectText(url: String, group: any EventLoopGroup) async throws -> String {
        let client = try await WebSocketClient.connect(to: url, configuration: configuration(), eventLoopGroup: group)
        var text = ""
        for await message in client.inbound {
            if case .text(let part) = message { text += part }
        }
        return text
    }
}
