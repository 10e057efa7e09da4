import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import WebSocket

/// `server --port P [--tls-cert F --tls-key F]`: an echo server for the Autobahn fuzzing client.
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server", abstract: "Run an echo server for the fuzzing client.")

    @Option(help: "The TCP port to listen on (0 picks a free one and prints it).")
    var port: Int = 9002

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "PEM certificate chain: serve wss:// (needs --tls-key).")
    var tlsCert: String?

    @Option(help: "PEM private key of --tls-cert.")
    var tlsKey: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535, got \(port)") }
        guard (tlsCert == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together")
        }
    }

    func run() async throws {
        var configuration = WebSocketServerConfiguration(
            deflate: AgentSettings.serverDeflate, connection: AgentSettings.connection)
        if let tlsCert, let tlsKey {
            configuration.tls = .server(
                certificate: .init(certificateChainFile: tlsCert, privateKeyFile: tlsKey))
        }
        let server = try await WebSocketServer.bind(host: host, port: port, configuration: configuration) { _ in
            .accept()
        } onConnection: { connection in
            connection.onMessage = { message in
                switch message {
                case .text(let text): connection.send(text: text)
                case .binary(let bytes): connection.send(binary: bytes)
                }
            }
        }
        print("chargesim-wstest: echo server on \(tlsCert == nil ? "ws" : "wss")://\(host):\(server.port)")
        try await server.channel.closeFuture.get()
    }
}
