import Foundation
import TestSupport
import Testing

/// `chargesim csms` stopped mid-session and started again on the same data dir and ports, with a
/// real `chargesim fleet` charging through it: the fleet reconnects, delivers what it queued, and
/// the session ends once, with the energy the charger reported.
@Suite(.serialized) struct CSMSRestartTests {
    static let token = "restart-token-0123456789"

    @Test("csms SIGTERM'd and then SIGKILL'd mid-session: one session, finished, energy = meterStop − meterStart")
    func restartMidSessionWithTheRealFleet() async throws {
        let directory = try TemporaryDirectory(prefix: "chargesim-csms-restart")
        defer { directory.remove() }
        let receiver = try await LoopbackHTTPServer.start()
        defer { Task { try? await receiver.close() } }
        let dataDir = directory.url.appendingPathComponent("data").path
        let ready = directory.url.appendingPathComponent("ready.json").path
        func startCentralSystem(ocppPort: Int, apiPort: Int) throws -> RunningCommand {
            try? FileManager.default.removeItem(atPath: ready)
            return try RunningCommand(
                "chargesim",
                [
                    "csms", "--data-dir", dataDir, "--ocpp-port", String(ocppPort), "--api-port", String(apiPort),
                    "--api-token", Self.token, "--ready-file", ready, "--auto-register", "--unknown-id-tags",
                    "accept",
                ], directory: directory.url)
        }

        var central = try startCentralSystem(ocppPort: 0, apiPort: 0)
        let handles = try await central.readyFile(at: ready)
        let ocppURL = try #require(handles["ocppUrl"] as? String)
        let ocppPort = try #require(URL(string: ocppURL)?.port)
        let apiPort = try #require(URL(string: handles["apiBaseUrl"] as? String ?? "")?.port)
        let api = APIHTTPClient(port: apiPort, token: Self.token)
        let subscribed = try await api.call(
            "POST", "/public-api/notifications/v2.0",
            json: #"{"via":"webhook","notifications":["session.start.stop.notification"],"#
                + #""webhook":{"callbackUrl":"\#(receiver.baseURL)/hooks"}}"#)
        #expect(subscribed.status == 201)

        let profile = PythonPeer.repositoryRoot.appendingPathComponent("profiles/ac-wallbox-7kw.yaml").path
        let fleet = try RunningCommand(
            "chargesim",
            [
                "fleet", "--csms", ocppURL, "--profile", profile + ":1", "--id-prefix", "RST-", "--control-port", "0",
            ], directory: directory.url)
        defer {
            fleet.send(SIGKILL)
            central.send(SIGKILL)
        }
        let control = APIHTTPClient(port: try await Self.controlPort(of: fleet), token: nil)

        // The charger boots and reports its EVSE; an API start opens a session on it.
        let chargePointId = try await LiveTimeout.run("RST-1 in the API with an available EVSE", seconds: 60) {
            () -> Int in
            while true {
                let found = try await api.call(
                    "GET", "/public-api/resources/charge-points/v2.0?filter%5BnetworkId%5D=RST-1"
                ).list.first
                if let id = found?["id"] as? Int,
                    try await api.call("GET", "/public-api/resources/charge-points/v2.0/\(id)/evses").list
                        .contains(where: { $0["hardwareStatus"] as? String == "available" })
                {
                    return id
                }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        let start = try await api.call(
            "POST", "/public-api/actions/charge-point/v1.0/\(chargePointId)/start/1", json: #"{"idTag":"RESTART-1"}"#)
        #expect(start.status == 202, "\(start.text)")
        let sessionId = try await Self.activeSession(api, chargePointId: chargePointId)
        let transactionId = try await LiveTimeout.run("the charger's transactionId", seconds: 30) { () -> Int in
            while true {
                let connectors = (try await Self.charger(control))["connectors"] as? [[String: Any]]
                if let id = connectors?.first(where: { $0["connectorId"] as? Int == 1 })?["transactionId"] as? Int {
                    return id
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }

        // Meter values every second, so some are queued while the central system is away.
        let configured = try await api.call(
            "POST", "/public-api/actions/charge-point/v2.0/\(chargePointId)/set-configuration",
            json: #"{"name":"MeterValueSampleInterval","value":"1"}"#)
        #expect(configured.status == 202, "\(configured.text)")

        // Twice: the central system goes away (cleanly, then hard), comes back on the same data
        // dir and ports, and the charger reconnects and carries on with the same transaction.
        for signal in [SIGTERM, SIGKILL] {
            let energyBefore = try await Self.energy(api, sessionId: sessionId)
            central.send(signal)
            #expect(await central.waitForExit(seconds: 30) != nil, "csms did not exit on signal \(signal)")
            try await LiveTimeout.run("the charger queueing meter values during the outage", seconds: 30) {
                while true {
                    let state = try await Self.charger(control)
                    if state["link"] as? String != "connected", state["queuedTransactionMessages"] as? Int ?? 0 > 0 {
                        return
                    }
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            central = try startCentralSystem(ocppPort: ocppPort, apiPort: apiPort)
            _ = try await central.readyFile(at: ready)
            try await LiveTimeout.run("the charger reconnecting with an empty queue", seconds: 90) {
                while true {
                    let state = try await Self.charger(control)
                    if state["link"] as? String == "connected", state["queuedTransactionMessages"] as? Int == 0 {
                        return
                    }
                    try await Task.sleep(for: .milliseconds(100))
                }
            }
            let connectors = (try await Self.charger(control))["connectors"] as? [[String: Any]]
            #expect(
                connectors?.first(where: { $0["connectorId"] as? Int == 1 })?["transactionId"] as? Int == transactionId)
            let session = try await api.call("GET", "/public-api/resources/sessions/v1.0/\(sessionId)")
            #expect(session.data["status"] as? String == "active", "after signal \(signal): \(session.text)")
            // The queued meter values reached the session.
            #expect(try await Self.energy(api, sessionId: sessionId) > energyBefore, "after signal \(signal)")
        }

        let stop = try await api.call(
            "POST", "/public-api/actions/charge-point/v1.0/\(chargePointId)/stop/\(sessionId)", json: "{}")
        #expect(stop.status == 202, "\(stop.text)")
        try await LiveTimeout.run("the session finished", seconds: 60) {
            while try await api.call("GET", "/public-api/resources/sessions/v1.0/\(sessionId)").data["status"]
                as? String != "finished"
            {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        let finished = try await api.call("GET", "/public-api/resources/sessions/v1.0/\(sessionId)").data
        try await LiveTimeout.run("the stop notification", seconds: 30) {
            while !receiver.uploads.contains(where: { $0.jsonObject["action"] as? String == "stop" }) {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        let notifications = receiver.uploads.map(\.jsonObject)
        #expect(notifications.compactMap { $0["action"] as? String } == ["start", "stop"])
        let started = try #require(notifications.first)
        let stopped = try #require(notifications.last)
        let meterStart = try #require((started["meterStart"] as? NSNumber)?.doubleValue)
        let meterStop = try #require((stopped["meterStop"] as? NSNumber)?.doubleValue)
        #expect(meterStop > meterStart, "no energy flowed: \(meterStart) → \(meterStop)")
        // What the charger's meter shows is what it sent in StopTransaction.
        let connector = ((try await Self.charger(control))["connectors"] as? [[String: Any]])?.first {
            $0["connectorId"] as? Int == 1
        }
        let register = try #require((connector?["registerWh"] as? NSNumber)?.doubleValue)
        #expect(abs(register - meterStop) < 1, "register \(register) Wh, meterStop \(meterStop) Wh")
        let energy = ((finished["energyConsumption"] as? [String: Any])?["total"] as? NSNumber)?.doubleValue
        #expect(energy == meterStop - meterStart, "\(finished)")
        #expect((finished["energy"] as? NSNumber)?.doubleValue == meterStop - meterStart)

        let sessions = try await api.call(
            "GET", "/public-api/resources/sessions/v1.0?filter%5BchargePointId%5D=\(chargePointId)")
        #expect(sessions.list.count == 1, "\(sessions.text)")
        #expect(sessions.list.first?["id"] as? String == sessionId)

        fleet.send(SIGTERM)
        #expect(await fleet.waitForExit(seconds: 30) == 0, "\(fleet.standardError)")
        central.send(SIGTERM)
        #expect(await central.waitForExit(seconds: 30) == 0, "\(central.standardError)")
    }

    /// The fleet's view of RST-1: `link`, `queuedTransactionMessages`, `connectors[]`.
    static func charger(_ control: APIHTTPClient) async throws -> [String: Any] {
        try await control.call("GET", "/chargers/RST-1").json
    }

    /// The session's `energyConsumption.total`, Wh.
    static func energy(_ api: APIHTTPClient, sessionId: String) async throws -> Double {
        let session = try await api.call("GET", "/public-api/resources/sessions/v1.0/\(sessionId)").data
        return ((session["energyConsumption"] as? [String: Any])?["total"] as? NSNumber)?.doubleValue ?? -1
    }

    /// The control API port the fleet announces on stderr.
    static func controlPort(of fleet: RunningCommand) async throws -> Int {
        let prefix = "control API and dashboard: http://127.0.0.1:"
        return try await LiveTimeout.run("the control URL", seconds: 30) { () -> Int in
            while true {
                if let line = fleet.standardError.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }),
                    let port = Int(line.dropFirst(prefix.count).prefix { $0.isNumber })
                {
                    return port
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    /// The id of the active session on `chargePointId`, once the charger's StartTransaction is in.
    static func activeSession(_ api: APIHTTPClient, chargePointId: Int) async throws -> String {
        try await LiveTimeout.run("an active session", seconds: 60) { () -> String in
            while true {
                let sessions = try await api.call(
                    "GET", "/public-api/resources/sessions/v1.0?filter%5BchargePointId%5D=\(chargePointId)")
                if let active = sessions.list.first(where: { $0["status"] as? String == "active" }),
                    let id = active["id"] as? String
                {
                    return id
                }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }

}
