import CentralSystem
import Foundation
import OCPP16
import TestSupport
import Testing
import WebSocket

@Suite("OCPP server: commands to chargers (live, loopback)")
struct OCPPCommandTests {
    @Test("RemoteStartTransaction reaches the charger and its typed answer comes back")
    func remoteStart() async throws {
        try await OCPPHarness.run { harness in
            let charger = try await harness.connectRegistered("CP-1", evseCount: 1)
            _ = try await charger.call(chargerBoot)
            let remote = RemoteStartTransactionRequest(connectorId: 1, idTag: "TAG1")
            let (call, answer) = try await harness.command(
                remote, to: "CP-1", answeredBy: charger, with: RemoteStartTransactionResponse(status: .rejected))
            #expect(call.action == "RemoteStartTransaction")
            #expect(try call.decode(RemoteStartTransactionRequest.self) == remote)
            #expect(answer.status == .rejected)
            #expect(charger.schemaViolations.isEmpty)
        }
    }

    @Test("commands to one charger go out one at a time, in order")
    func oneInFlight() async throws {
        try await OCPPHarness.run { harness in
            let charger = try await harness.connectRegistered("CP-1")
            let commands = harness.server.commands
            async let first = commands.send(ResetRequest(type: .soft), to: "CP-1", timeout: .seconds(5))
            let firstCall = try #require(await charger.nextCall())
            async let second = commands.send(ClearCacheRequest(), to: "CP-1", timeout: .seconds(5))
            // The second command waits for the first answer: answering releases it.
            try await charger.answer(firstCall, with: ResetResponse(status: .accepted))
            let secondCall = try #require(await charger.nextCall())
            #expect([firstCall.action, secondCall.action] == ["Reset", "ClearCache"])
            try await charger.answer(secondCall, with: ClearCacheResponse(status: .rejected))
            #expect(try await first.status == .accepted)
            #expect(try await second.status == .rejected)
            #expect(charger.schemaViolations.isEmpty)
        }
    }

    @Test("an offline charger throws .offline")
    func offline() async throws {
        try await OCPPHarness.run { harness in
            await #expect(throws: ChargePointCommandError.offline(chargePointId: "CP-9")) {
                _ = try await harness.server.commands.send(ResetRequest(type: .hard), to: "CP-9")
            }
        }
    }

    @Test("no answer within the timeout throws .timedOut; the next command still goes out")
    func timeout() async throws {
        try await OCPPHarness.run { harness in
            let charger = try await harness.connectRegistered("CP-1")
            await #expect(throws: ChargePointCommandError.timedOut(chargePointId: "CP-1", action: "Reset")) {
                _ = try await harness.server.commands.send(
                    ResetRequest(type: .soft), to: "CP-1", timeout: .milliseconds(200))
            }
            #expect(try #require(await charger.nextCall()).action == "Reset")
            let next = try await harness.command(
                TriggerMessageRequest(requestedMessage: .heartbeat), to: "CP-1", answeredBy: charger,
                with: TriggerMessageResponse(status: .accepted))
            #expect(next.call.action == "TriggerMessage")
            #expect(next.answer.status == .accepted)
        }
    }

    @Test("a CALLERROR answer throws .callError; a connection dropped after sending throws .failed")
    func callErrorAndLoss() async throws {
        try await OCPPHarness.run { harness in
            let charger = try await harness.connectRegistered("CP-1")
            let commands = harness.server.commands
            let failing = Task { try await commands.send(UnlockConnectorRequest(connectorId: 1), to: "CP-1") }
            let call = try #require(await charger.nextCall())
            try await charger.answer(call, error: CallError(.notSupported, "no lock"))
            #expect(
                await commandError(failing)
                    == .callError(chargePointId: "CP-1", code: .notSupported, description: "no lock"))

            let lost = Task { try await commands.send(ResetRequest(type: .hard), to: "CP-1", timeout: .seconds(5)) }
            _ = try #require(await charger.nextCall())
            await charger.close(code: .goingAway)
            #expect(
                await commandError(lost)
                    == .failed(chargePointId: "CP-1", reason: "Reset: connection lost before the answer"))
        }
    }

    private func commandError<T>(_ task: Task<T, any Error>) async -> ChargePointCommandError? {
        switch await task.result {
        case .success: nil
        case .failure(let error): error as? ChargePointCommandError
        }
    }
}
