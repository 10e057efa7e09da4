import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import TestSupport
import Testing

/// A live OCPP server on loopback port 0 over a fresh temporary SQLite file.
struct OCPPHarness {
    let store: Store
    let server: OCPPServer
    let file: TemporarySQLiteFile

    /// Runs `body` against a started server, then shuts it down and deletes the file.
    static func run(
        _ configuration: OCPPServerConfiguration = .init(),
        _ body: (OCPPHarness) async throws -> Void
    ) async throws {
        let file = try TemporarySQLiteFile()
        defer { file.remove() }
        let store = try Store(path: file.path)
        let server = try await OCPPServer.start(store: store, configuration: configuration)
        do {
            try await body(OCPPHarness(store: store, server: server, file: file))
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    /// Connects a scripted charger as `id`.
    func connect(
        _ id: String, subprotocols: [String] = ["ocpp1.6"], password: String? = nil
    ) async throws -> ScriptedChargePoint {
        try await ScriptedChargePoint.connect(
            to: server.url(for: id), subprotocols: subprotocols, basicAuth: password.map { (id, $0) })
    }

    /// The charge point row.
    func chargePoint(_ id: String) async throws -> ChargePointRecord {
        try #require(try await store.chargePoint(identity: id))
    }

    /// The EVSE with this networkId.
    func evse(_ id: String, _ networkId: Int) async throws -> EVSERecord? {
        let chargePoint = try await chargePoint(id)
        let page = try await store.listEVSEs(chargePointId: chargePoint.id, page: .page(number: 1, perPage: 100))
        return page.items.first { $0.networkId == networkId }
    }

    /// The sessions of a charge point.
    func sessions(_ id: String) async throws -> [SessionRecord] {
        let chargePoint = try await chargePoint(id)
        return try await store.listSessions(
            SessionFilter(chargePointId: chargePoint.id), page: .page(number: 1, perPage: 100)
        ).items
    }

    /// Waits until the charge point's network status is `status` (another task's write after a
    /// socket event; nothing to await directly), polling the store.
    func waitForNetworkStatus(_ id: String, _ status: NetworkStatus) async throws {
        try await LiveTimeout.run("\(id) networkStatus \(status.rawValue)", seconds: 5) {
            while try await store.chargePoint(identity: id)?.networkStatus != status {
                try await Task.sleep(for: .milliseconds(10))
            }
        }
    }
}

/// The BootNotification every scripted charger sends.
let chargerBoot = BootNotificationRequest(
    chargePointVendor: "ChargeSim", chargePointModel: "AC-22", chargePointSerialNumber: "SN-42",
    firmwareVersion: "1.2.3")

/// A StatusNotification for `connector`.
func status(_ connector: Int, _ status: ChargePointStatus) -> StatusNotificationRequest {
    StatusNotificationRequest(connectorId: connector, errorCode: .noError, status: status)
}
