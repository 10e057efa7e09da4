import Foundation
import TestSupport
import Testing

/// `--control-port` on `chargesim fleet`: the control API comes up on a free port, announced on
/// standard error, drives a charger whose traffic the central system sees, and refuses to
/// listen beyond loopback without a token.
@Suite(.serialized) struct ControlOptionsTests {
    let runner = CommandRunner()

    @Test func aNonLoopbackControlHostWithoutATokenIsRefused() async throws {
        let outcome = try await runner.run(
            "chargesim",
            [
                "fleet", "--csms", "ws://127.0.0.1:1", "--profile", "/dev/null", "--control-port", "0",
                "--control-host", "0.0.0.0",
            ])
        #expect(outcome.exitCode == 64)
        #expect(
            outcome.standardError.hasPrefix(
                "Error: --control-host/--control-token: the control API on 0.0.0.0 would be open to the network: "
                    + "pass a token (--control-token) or bind a loopback address (127.0.0.1).\n"))
    }

    @Test func theFleetServesTheControlAPIOnTheAnnouncedPort() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let central = try await LoopbackCentralSystem.start()
        let profile = try folder.write(
            "wallbox.yaml", try String(contentsOfFile: "profiles/ac-wallbox-7kw.yaml", encoding: .utf8))
        let fleet = try RunningCommand(
            "chargesim",
            [
                "fleet", "--csms", central.url + "/ocpp/", "--profile", profile.path, "--id-prefix", "CTL-",
                "--control-port", "0",
            ],
            directory: folder.url)
        let prefix = "control API and dashboard: http://127.0.0.1:"
        let port = try await LiveTimeout.run("the control URL", seconds: 20) { () -> Int in
            while true {
                if let line = fleet.standardError.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }),
                    let port = Int(line.dropFirst(prefix.count).prefix { $0.isNumber })
                {
                    return port
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        try await central.wait(for: "a boot", seconds: 20) { !$0.calls(from: "CTL-1", "BootNotification").isEmpty }
        let client = APIHTTPClient(port: port, token: nil)
        let plugged = try await client.call("POST", "/chargers/CTL-1/connectors/1/plug")
        #expect(plugged.status == 200)
        try await central.wait(for: "Preparing") { central in
            central.calls(from: "CTL-1", "StatusNotification").last?.payload.description.contains("Preparing") == true
        }
        let added = try await client.call(
            "POST", "/chargers", json: #"{"chargePointId":"CTL-9","profile":"wallbox"}"#)
        #expect(added.status == 201)
        try await central.wait(for: "CTL-9 boots") { !$0.calls(from: "CTL-9", "BootNotification").isEmpty }
        fleet.send(SIGTERM)
        #expect(await fleet.waitForExit() == 0)
        await central.stop()
    }

    @Test func theDemoWritesControlUrlAndAPlugInReachesThePublicAPI() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ready = directory.url.appendingPathComponent("ready.json").path
        let profiles = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../profiles").standardized.path
        let demo = try RunningCommand(
            "chargesim",
            [
                "demo", "--data-dir", directory.url.appendingPathComponent("data").path, "--ocpp-port", "0",
                "--api-port", "0", "--control-port", "0", "--ready-file", ready, "--profiles-dir", profiles,
                "--chargers", "1",
            ], directory: directory.url)
        defer { demo.send(SIGKILL) }
        let handles = try await LiveTimeout.run("the ready file", seconds: 60) { () -> [String: String] in
            while true {
                if let data = FileManager.default.contents(atPath: ready),
                    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
                {
                    return object.compactMapValues { $0 as? String }
                }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        let control = try #require(handles["controlUrl"].flatMap { URL(string: $0) })
        #expect(control.host == "127.0.0.1")
        #expect(demo.standardOutput.contains("Control API and live dashboard: \(control.absoluteString)/"))
        let controlClient = APIHTTPClient(port: try #require(control.port), token: nil)
        #expect(try await controlClient.call("POST", "/chargers/DEMO-1/connectors/1/plug").status == 200)

        let apiPort = try #require(handles["apiBaseUrl"].flatMap { URL(string: $0)?.port })
        let api = APIHTTPClient(port: apiPort, token: handles["token"])
        try await LiveTimeout.run("the EVSE preparing in the Public API", seconds: 10) {
            while true {
                let evses = try await api.call("GET", "/public-api/resources/evses/v2.1")
                if evses.list.contains(where: { $0["hardwareStatus"] as? String == "preparing" }) { return }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
    }
}
