import Foundation
import TestSupport
import Testing

/// `chargesim demo` as a user runs it: a real subprocess with the embedded central system and a
/// fleet, driven through its printed handles (ready file, Public API over HTTP).
@Suite(.serialized) struct DemoCommandTests {
    @Test func demoBootsItsFleetAndAnsweringTheAPIStartsASession() async throws {
        let directory = try TemporaryDirectory()
        let dataDir = directory.url.appendingPathComponent("data").path
        let ready = directory.url.appendingPathComponent("ready.json").path
        let profiles = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../profiles").standardized.path
        let demo = try RunningCommand(
            "chargesim",
            [
                "demo", "--data-dir", dataDir, "--ocpp-port", "0", "--api-port", "0", "--ready-file", ready,
                "--profiles-dir", profiles, "--chargers", "2",
            ], directory: directory.url)
        defer { demo.send(SIGKILL) }

        let handles = try await demo.readyFile(at: ready)
        #expect(handles["chargePointIds"] as? [String] == ["DEMO-1", "DEMO-2"])
        let token = try #require(handles["token"] as? String)
        let base = try #require(handles["apiBaseUrl"] as? String)
        let port = try #require(URL(string: base)?.port)
        #expect(
            demo.standardOutput.contains("curl -s -H 'Authorization: Bearer \(token)' '\(base)/resources/evses/v2.1'"))

        let api = APIHTTPClient(port: port, token: token)
        let unauthenticated = try await api.call("GET", "/public-api/resources/evses/v2.1", token: .some(nil))
        #expect(unauthenticated.status == 401)
        let evses = try await api.call("GET", "/public-api/resources/evses/v2.1")
        #expect(evses.status == 200)
        #expect(evses.list.count >= 2, "\(evses.text)")

        let chargePoints = try await api.call("GET", "/public-api/resources/charge-points/v2.0")
        let first = try #require(
            chargePoints.list.first { ($0["name"] as? String)?.contains("DEMO-1") ?? false } ?? chargePoints.list.first)
        let id = try #require(first["id"] as? Int)
        let start = try await api.call(
            "POST", "/public-api/actions/charge-point/v1.0/\(id)/start/1", json: #"{"idTag":"DEMO-TAG-1"}"#)
        #expect(start.status == 202, "\(start.text)")

        // The charger accepts, an EV plugs in, StartTransaction reaches the store: the session is active.
        var active = false
        let deadline = Date().addingTimeInterval(30)
        while !active, Date() < deadline {
            let sessions = try await api.call(
                "GET", "/public-api/resources/sessions/v1.0?filter%5BchargePointId%5D=\(id)")
            active = sessions.list.contains { $0["status"] as? String == "active" }
            if !active { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(active, "no active session: \(demo.standardError)")

        demo.send(SIGINT)
        #expect(await demo.waitForExit(seconds: 30) == 0, "\(demo.standardError)")
        // Ctrl-C is a normal end: no log line at error level (Hummingbird's cancellation report included).
        let output = demo.standardOutput + demo.standardError
        #expect(!output.contains(" error "), "an error was logged on Ctrl-C: \(output)")
    }
}
