import Foundation
import NIOPosix
import OCPP16
import Simulator
import TestSupport

/// A live control API for tests: a `LoopbackCentralSystem` on port 0, a fleet of
/// `FleetFixtures` chargers (`FT1`... or `FT01`...) against it, and a `ControlServer` on port 0
/// served in a task; `client` talks to it over loopback HTTP.
struct ControlHarness {
    let central: LoopbackCentralSystem
    let group: MultiThreadedEventLoopGroup
    let fleet: Fleet
    let server: ControlServer
    let serving: Task<Void, any Error>
    let port: Int
    let client: APIHTTPClient

    static func start(
        count: Int = 1, token: String? = nil, traceDirectory: String? = nil, extraConfiguration: [String] = []
    ) async throws -> ControlHarness {
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let fleet = try FleetFixtures.fleet(
            count: count, central: central, extraConfiguration: extraConfiguration, group: group)
        let server = try ControlServer(
            fleet: fleet, profiles: [("fleet-test", try FleetFixtures.profile(extraConfiguration: extraConfiguration))],
            configuration: ControlServerConfiguration(port: 0, token: token, traceDirectory: traceDirectory))
        let (bound, continuation) = AsyncStream.makeStream(of: Int.self)
        let serving = Task { try await server.run { continuation.yield($0) } }
        var ports = bound.makeAsyncIterator()
        guard let port = await ports.next() else { throw LiveTimeout.Expired(what: "the control port", seconds: 0) }
        fleet.start()
        let ids = fleet.chargers.map(\.chargePointId)
        try await central.wait(for: "every charger booted") { central in
            ids.allSatisfy { id in
                !central.calls(from: id, BootNotificationRequest.action).isEmpty
                    && central.requests(StatusNotificationRequest.self, from: id).contains { $0.connectorId == 1 }
            }
        }
        return ControlHarness(
            central: central, group: group, fleet: fleet, server: server, serving: serving, port: port,
            client: APIHTTPClient(port: port, token: token))
    }

    /// Stops the fleet, the server and the central system.
    func stop() async throws {
        try await fleet.stop(.leaveQueued).get()
        serving.cancel()
        _ = await serving.result
        await central.stop()
        try await group.shutdownGracefully()
    }

    /// The StatusNotifications `id` sent for `connectorId`, in order.
    func statuses(_ id: String, connector connectorId: Int = 1) -> [StatusNotificationRequest] {
        central.requests(StatusNotificationRequest.self, from: id).filter { $0.connectorId == connectorId }
    }
}
