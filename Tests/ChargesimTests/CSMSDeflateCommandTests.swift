import Foundation
import TestSupport
import Testing
import WebSocket

/// `chargesim csms --deflate` as a user runs it: the real binary accepts permessage-deflate within
/// the window it was given, and refuses it without the flag; bad limits are usage errors.
@Suite(.serialized) struct CSMSDeflateCommandTests {
    let runner = CommandRunner()

    @Test(arguments: [
        (["--deflate-window-bits", "8"], "--deflate-window-bits must be between 9 and 15, got 8."),
        (["--deflate-mem-level", "0"], "--deflate-mem-level must be between 1 and 9, got 0."),
    ])
    func usageErrorsSayWhatToFix(arguments: [String], message: String) async throws {
        let outcome = try await runner.run(
            "chargesim", ["csms", "--data-dir", "/nonexistent/never-created"] + arguments)
        #expect(outcome.exitCode == 64)
        #expect(outcome.standardError.hasPrefix("Error: \(message)\n"))
    }

    @Test(arguments: [
        ([String](), nil as Int?),
        (["--deflate", "--deflate-window-bits", "10", "--deflate-mem-level", "1"], 10),
    ])
    func deflateIsNegotiatedOnlyWithTheFlag(flags: [String], windowBits: Int?) async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let ready = folder.url.appendingPathComponent("ready.json").path
        let csms = try RunningCommand(
            "chargesim",
            [
                "csms", "--data-dir", folder.url.appendingPathComponent("data").path, "--ocpp-port", "0",
                "--api-port", "0", "--auto-register", "--ready-file", ready,
            ] + flags,
            directory: folder.url)
        defer { csms.send(SIGKILL) }
        let ocppURL = try await LiveTimeout.run("the ready file", seconds: 60) {
            while true {
                if let data = FileManager.default.contents(atPath: ready),
                    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                    let url = object["ocppUrl"] as? String
                {
                    return url
                }
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        var offer = WebSocketClientConfiguration(subprotocols: ["ocpp1.6"], requiresSubprotocol: true)
        offer.deflate = PerMessageDeflateOptions()
        let client = try await WebSocketClient.connect(to: ocppURL + "/CP-DEFLATE", configuration: offer)
        #expect(client.deflate?.serverMaxWindowBits == windowBits)
        #expect(client.deflate?.clientMaxWindowBits == windowBits)
        try await client.send(text: #"[2,"b1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]"#)
        let inbound = client.inbound
        let answer = try await LiveTimeout.run("BootNotification answer") {
            var iterator = inbound.makeAsyncIterator()
            return await iterator.next()
        }
        guard case .text(let text) = answer else {
            Issue.record("expected a text answer, got \(String(describing: answer))")
            return
        }
        #expect(text.hasPrefix(#"[3,"b1",{"#) && text.contains(#""status":"Accepted""#), "\(text)")
        _ = await client.close()
        csms.send(SIGTERM)
        #expect(await csms.waitForExit(seconds: 30) == 0)
    }
}
