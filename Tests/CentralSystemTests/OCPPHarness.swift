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
    /// Every `OCPPServerEvent`, in order.
    let events: AsyncStream<OCPPServerEvent>

    /// Runs `body` against a started server, then shuts it down and deletes the file.
    static func run(
        _ configuration: OCPPServerConfiguration = .init(),
        _ body: (OCPPHarness) async throws -> Void
    ) async throws {
        let file = try TemporarySQLiteFile()
        defer { file.remove() }
        let store = try Store(path: file.path)
        let (events, sink) = AsyncStream.makeStream(of: OCPPServerEvent.self)
        var configuration = configuration
        configuration.onEvent = { sink.yield($0) }
        let server = try await OCPPServer.start(store: store, configuration: configuration)
        do {
            try await body(OCPPHarness(store: store, server: server, file: file, events: events))
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    /// Registers `id` with `evseCount` EVSEs and connects a scripted charger as it.
    func connectRegistered(_ id: String, evseCount: Int = 0) async throws -> ScriptedChargePoint {
        _ = try await store.registerChargePoint(identity: id, evseCount: evseCount, now: t0)
        return try await connect(id)
    }

    /// Connects a scripted charger as `id`.
    func connect(
        _ id: String, subprotocols: [String] = ["ocpp1.6"], password: String? = nil
    ) async throws -> ScriptedChargePoint {
        try await ScriptedChargePoint.connect(
            to: server.url(for: id), subprotocols: subprotocols, basicAuth: password.map { (id, $0) })
    }

    /// Sends `request` to `id` through `ChargePointCommands`, lets `charger` answer `response`,
    /// and returns the CALL the charger saw and the typed answer the command returned.
    func command<R: OCPPRequest>(
        _ request: R, to id: String, answeredBy charger: ScriptedChargePoint, with response: R.Response
    ) async throws -> (call: ScriptedChargePoint.IncomingCall, answer: R.Response) {
        let commands = server.commands
        let sent = Task { try await commands.send(request, to: id, timeout: .seconds(5)) }
        let call = try #require(await charger.nextCall())
        try await charger.answer(call, with: response)
        return (call, try await sent.value)
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

    /// Waits for the next event that `matches`, skipping the others.
    @discardableResult
    func nextEvent(
        _ what: String, matching matches: @escaping @Sendable (OCPPServerEvent) -> Bool
    ) async throws -> OCPPServerEvent {
        let events = events
        return try await LiveTimeout.run(what, seconds: 5) {
            for await event in events where matches(event) { return event }
            throw LiveTimeout.Expired(what: "\(what) (event stream ended)", seconds: 0)
        }
    }

    /// The events up to and including the first that `isLast`.
    func events(until what: String, _ isLast: @escaping @Sendable (OCPPServerEvent) -> Bool) async throws
        -> [OCPPServerEvent]
    {
        let events = events
        return try await LiveTimeout.run(what, seconds: 5) {
            var seen: [OCPPServerEvent] = []
            for await event in events {
                seen.append(event)
                if isLast(event) { return seen }
            }
            throw LiveTimeout.Expired(what: "\(what) (event stream ended)", seconds: 0)
        }
    }

    /// Waits until the server reports that the charge point's network status became `status`.
    func waitForNetworkStatus(_ id: String, _ status: NetworkStatus) async throws {
        try await nextEvent("\(id) networkStatus \(status.rawValue)") { event in
            guard case .networkStatusChanged(let record, _) = event else { return false }
            return record.ocppIdentity == id && record.networkStatus == status
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
