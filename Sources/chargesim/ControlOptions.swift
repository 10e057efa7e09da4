import ArgumentParser
import Foundation
import NIOConcurrencyHelpers
import Simulator

/// The control API flags `chargesim fleet` and `chargesim demo` share.
struct ControlOptions: ParsableArguments {
    @Option(help: "Serve the control API, event stream, metrics and dashboard on this port (0 = pick a free one).")
    var controlPort: Int?

    @Option(help: "The address the control API binds. Anything but loopback needs --control-token.")
    var controlHost: String = "127.0.0.1"

    @Option(help: "The Bearer token control API clients must send (at least 16 characters).")
    var controlToken: String?

    @Option(help: "Write every OCPP frame in and out as JSON lines to DIR/<chargePointId>.jsonl.")
    var trace: String?

    var configuration: ControlServerConfiguration {
        ControlServerConfiguration(
            host: controlHost, port: controlPort ?? 0, token: controlToken, traceDirectory: trace)
    }

    func validate() throws {
        if let problem = configuration.problem { throw ValidationError("--control-host/--control-token: \(problem).") }
        if controlPort == nil, controlToken != nil || controlHost != "127.0.0.1" {
            throw ValidationError("--control-host and --control-token need --control-port.")
        }
    }

    /// Builds the control server for `fleet` (this also starts tracing) and, with a control
    /// port, serves it in a task; returns its base URL once it listens (nil without a port).
    func start(fleet: Fleet, profiles: [(name: String, profile: ChargerProfile)]) async throws -> String? {
        let server = try ControlServer(fleet: fleet, profiles: profiles, configuration: configuration)
        guard controlPort != nil else { return nil }
        let (bound, continuation) = AsyncStream.makeStream(of: Int.self)
        Task {
            do {
                try await server.run { port in continuation.yield(port) }
            } catch {
                FileHandle.standardError.write(Data("chargesim: the control API stopped: \(error)\n".utf8))
            }
            continuation.finish()
        }
        var iterator = bound.makeAsyncIterator()
        guard let port = await iterator.next() else {
            throw ValidationError("--control-port \(controlPort ?? 0): cannot listen on \(controlHost) there.")
        }
        let host = controlHost.contains(":") && !controlHost.hasPrefix("[") ? "[\(controlHost)]" : controlHost
        return "http://\(host):\(port)"
    }

    /// `start` for the synchronous `fleet` command.
    func startBlocking(fleet: Fleet, profiles: [(name: String, profile: ChargerProfile)]) throws -> String? {
        let outcome = NIOLockedValueBox<Result<String?, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                let url = try await start(fleet: fleet, profiles: profiles)
                outcome.withLockedValue { $0 = .success(url) }
            } catch {
                outcome.withLockedValue { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        return try outcome.withLockedValue { $0 }?.get()
    }
}
