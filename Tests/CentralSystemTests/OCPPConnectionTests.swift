import CentralSystem
import Foundation
import NIOCore
import OCPP16
import PublicAPI
import TestSupport
import Testing
import WebSocket

@Suite("OCPP server: who may connect, replacement and offline (live, loopback)")
struct OCPPConnectionTests {
    @Test("an unknown charge point gets 404 when auto-registration is off; a wrong path too")
    func unknownIs404() async throws {
        try await OCPPHarness.run { harness in
            await expectRefusal(404) { _ = try await harness.connect("NOBODY") }
            await expectRefusal(404) {
                _ = try await ScriptedChargePoint.connect(to: "ws://127.0.0.1:\(harness.server.port)/other/CP-1")
            }
            let missing = try await harness.store.chargePoint(identity: "NOBODY")
            #expect(missing == nil)
        }
    }

    @Test("Basic auth: a charge point with a password needs it; missing or wrong gets 401")
    func basicAuth() async throws {
        try await OCPPHarness.run { harness in
            _ = try await harness.store.registerChargePoint(
                identity: "CP-1", passwordHash: ChargePointPassword.hash("s3cret-key-0123"), now: t0)
            await expectRefusal(401) { _ = try await harness.connect("CP-1") }
            await expectRefusal(401) { _ = try await harness.connect("CP-1", password: "wrong") }
            await expectRefusal(401) {
                _ = try await ScriptedChargePoint.connect(
                    to: harness.server.url(for: "CP-1"), basicAuth: ("CP-2", "s3cret-key-0123"))
            }
            let charger = try await harness.connect("CP-1", password: "s3cret-key-0123")
            #expect(try await charger.call(chargerBoot).status == .accepted)
        }
    }

    @Test("a client that does not offer ocpp1.6 is refused")
    func subprotocolRefused() async throws {
        try await OCPPHarness.run { harness in
            _ = try await harness.store.registerChargePoint(identity: "CP-1", now: t0)
            await expectRefusal(400) { _ = try await harness.connect("CP-1", subprotocols: ["ocpp2.0.1"]) }
            await expectRefusal(400) { _ = try await harness.connect("CP-1", subprotocols: []) }
            let charger = try await harness.connect("CP-1", subprotocols: ["ocpp2.0.1", "ocpp1.6"])
            #expect(charger.client.subprotocol == "ocpp1.6")
        }
    }

    @Test(
        "a reconnect replaces the old connection, closed 1000 \"replaced\" at the new one's first message or after the grace",
        arguments: [true, false])
    func reconnectReplaces(newSpeaksFirst: Bool) async throws {
        // Speaking first, with a grace longer than the test: only the first message closes the old one.
        let grace: Duration = newSpeaksFirst ? .seconds(60) : .milliseconds(300)
        try await OCPPHarness.run(.init(replacementGrace: grace)) { harness in
            let old = try await harness.connectRegistered("CP-1")
            _ = try await old.call(chargerBoot)
            let new = try await harness.connect("CP-1")
            if newSpeaksFirst { _ = try await new.call(HeartbeatRequest()) }
            let status = try await LiveTimeout.run("old connection closed") { await old.closeStatus }
            #expect(status == WebSocketCloseStatus(code: .normalClosure, reason: "replaced"))
            #expect(harness.server.connectedChargePointIds == ["CP-1"])
            #expect(try await harness.chargePoint("CP-1").networkStatus == .available)
            // Commands go to the new connection.
            let reset = try await harness.command(
                ResetRequest(type: .soft), to: "CP-1", answeredBy: new, with: ResetResponse(status: .accepted))
            #expect(reset.call.action == "Reset")
            #expect(reset.answer.status == .accepted)
        }
    }

    @Test("a new connection that closes without a word (a handshake its charger gave up on) puts the live one back")
    func staleHandshakeKeepsTheLiveConnection() async throws {
        try await OCPPHarness.run(.init(replacementGrace: .seconds(60))) { harness in
            let live = try await harness.connectRegistered("CP-1")
            _ = try await live.call(chargerBoot)
            // Accepted late: its upgrade completes after the charger's live connection, then its
            // client, long gone, closes it.
            let stale = try await harness.connect("CP-1")
            await stale.close(code: .goingAway)
            // Commands reach the live connection again once the server has seen the stale one
            // close (a command to a closed connection fails at once, so it is sent until one lands).
            let answering = Task {
                while let call = await live.nextCall() {
                    try await live.answer(call, with: ResetResponse(status: .accepted))
                }
            }
            defer { answering.cancel() }
            let commands = harness.server.commands
            try await EmbeddedHarness.eventually("Reset reaches the live connection") {
                guard let answer = try? await commands.send(ResetRequest(type: .soft), to: "CP-1", timeout: .seconds(5))
                else { return false }
                #expect(answer.status == .accepted)
                return true
            }
            _ = try await live.call(HeartbeatRequest())
            #expect(harness.server.connectedChargePointIds == ["CP-1"])
            #expect(try await harness.chargePoint("CP-1").networkStatus == .available)
            await live.close()
            try await harness.waitForNetworkStatus("CP-1", .temporarilyUnavailable)
        }
    }

    @Test("a dropped charger becomes networkStatus temporarily_unavailable, and available again on return")
    func dropGoesOffline() async throws {
        try await OCPPHarness.run { harness in
            _ = try await harness.store.registerChargePoint(identity: "CP-1", now: t0)
            #expect(try await harness.chargePoint("CP-1").networkStatus == .neverConnected)
            let charger = try await harness.connect("CP-1")
            _ = try await charger.call(chargerBoot)
            await charger.close(code: .goingAway)
            try await harness.waitForNetworkStatus("CP-1", .temporarilyUnavailable)
            #expect(harness.server.connectedChargePointIds.isEmpty)
            let back = try await harness.connect("CP-1")
            _ = try await back.call(HeartbeatRequest())
            try await harness.waitForNetworkStatus("CP-1", .available)
        }
    }

    @Test("ids with reserved characters round-trip through the URL; binary messages close 1003")
    func oddIdsAndBinary() async throws {
        try await OCPPHarness.run { harness in
            let charger = try await harness.connectRegistered("CP 1/A")
            #expect(harness.server.url(for: "CP 1/A").hasSuffix("/ocpp/CP%201%2FA"))
            #expect(try await charger.call(HeartbeatRequest()).currentTime.millisecondsSince1970 > 0)
            try await charger.client.send(binary: ByteBuffer(bytes: [1, 2, 3]))
            let status = try await LiveTimeout.run("close after binary") { await charger.closeStatus }
            #expect(status.code == .unsupportedData)
        }
    }

    @Test("permessage-deflate: refused unless configured; configured, the window is the smaller one and calls work")
    func deflateNegotiation() async throws {
        var offer = WebSocketClientConfiguration(subprotocols: ["ocpp1.6"], requiresSubprotocol: true)
        offer.deflate = PerMessageDeflateOptions()
        try await OCPPHarness.run(OCPPServerConfiguration(autoRegister: true)) { harness in
            let client = try await WebSocketClient.connect(to: harness.server.url(for: "CP-1"), configuration: offer)
            #expect(client.deflate == nil)
            _ = await client.close()
        }
        let limited = PerMessageDeflateOptions(serverMaxWindowBits: 9, clientMaxWindowBits: 9, memoryLevel: 1)
        try await OCPPHarness.run(OCPPServerConfiguration(autoRegister: true, deflate: limited)) { harness in
            let client = try await WebSocketClient.connect(to: harness.server.url(for: "CP-1"), configuration: offer)
            let agreed = try #require(client.deflate)
            #expect(agreed.serverMaxWindowBits == 9)
            #expect(agreed.clientMaxWindowBits == 9)
            try await client.send(
                text: #"[2,"b1","BootNotification",{"chargePointVendor":"V","chargePointModel":"M"}]"#)
            let inbound = client.inbound
            let answer = try await LiveTimeout.run("BootNotification answer") {
                var iterator = inbound.makeAsyncIterator()
                return await iterator.next()
            }
            guard case .text(let text) = answer else {
                Issue.record("expected a text answer, got \(String(describing: answer))")
                return
            }
            #expect(text.hasPrefix(#"[3,"b1",{"#))
            #expect(text.contains(#""status":"Accepted""#))
            _ = await client.close()
        }
    }

    private func expectRefusal(
        _ code: Int, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
    ) async {
        do {
            try await body()
            Issue.record("connected, expected HTTP \(code)", sourceLocation: sourceLocation)
        } catch WebSocketHandshakeError.unexpectedStatus(let status, _) {
            #expect(status == code, sourceLocation: sourceLocation)
        } catch {
            Issue.record("expected HTTP \(code), got \(error)", sourceLocation: sourceLocation)
        }
    }
}
