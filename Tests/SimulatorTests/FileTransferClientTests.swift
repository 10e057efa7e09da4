import Foundation
import NIOPosix
import OCPP16
import Simulator
import TestSupport
import Testing

/// Live tests against ``LoopbackHTTPServer`` on 127.0.0.1, port 0.
@Suite struct FileTransferClientTests {
    static let firmware = Array((0..<100_000).map { UInt8(truncatingIfNeeded: $0) })

    @Test func downloadKeepsTheBytesAndTheHeaders() async throws {
        let server = try await LoopbackHTTPServer.start(files: [
            "/fw-2.1.0.bin": .init(bytes: Self.firmware, headers: ["X-Firmware-Version": "2.1.0"])
        ])
        let client = FileTransferClient()
        let result = await client.download(url: server.baseURL + "/fw-2.1.0.bin")
        #expect(
            result
                == .success(
                    byteCount: Self.firmware.count,
                    headers: ["content-length": "\(Self.firmware.count)", "x-firmware-version": "2.1.0"],
                    body: Self.firmware))
        try await client.shutdown()
        try await server.close()
    }

    @Test func notFoundIsAFailureNamingTheStatus() async throws {
        let server = try await LoopbackHTTPServer.start()
        let client = FileTransferClient()
        let result = await client.download(url: server.baseURL + "/missing.bin")
        #expect(result == .failure(reason: "HTTP 404 Not Found from GET \(server.baseURL)/missing.bin"))
        try await client.shutdown()
        try await server.close()
    }

    @Test func refusedConnectionIsAFailureNamingIt() async throws {
        let server = try await LoopbackHTTPServer.start()
        let url = server.baseURL + "/fw-1.0.0.bin"
        try await server.close()
        let client = FileTransferClient()
        let reason = await client.download(url: url).failureReason
        #expect(reason?.contains("connection refused for GET \(url)") == true, "\(String(describing: reason))")
        try await client.shutdown()
    }

    @Test func oversizedDownloadFails() async throws {
        let server = try await LoopbackHTTPServer.start(files: ["/big.bin": .init(bytes: Self.firmware)])
        let client = FileTransferClient(limits: .init(maximumDownloadBytes: 1000))
        let reason = await client.download(url: server.baseURL + "/big.bin").failureReason
        #expect(reason?.contains("1000-byte limit") == true, "\(String(describing: reason))")
        try await client.shutdown()
        try await server.close()
    }

    @Test func uploadLandsWithTheContent() async throws {
        let server = try await LoopbackHTTPServer.start()
        let client = FileTransferClient()
        let content = Array(#"{"chargePointId":"CP-1"}"#.utf8)
        let result = await client.upload(
            url: server.baseURL + "/upload/", fileName: "diagnostics-CP-1.json", content: content)
        #expect(result == .success(byteCount: content.count, headers: ["content-length": "0"]))
        #expect(server.uploads.map(\.method) == ["PUT"])
        #expect(server.uploads.first?.path == "/upload/diagnostics-CP-1.json")
        #expect(server.uploads.first?.body == content)
        try await client.shutdown()
        try await server.close()
    }

    @Test func uploadFallsBackToPostOn405() async throws {
        let server = try await LoopbackHTTPServer.start(refusesPut: true)
        let client = FileTransferClient()
        let content = Array("log".utf8)
        let result = await client.upload(
            url: server.baseURL + "/in/file.json", fileName: "ignored.json", content: content)
        #expect(result == .success(byteCount: 3, headers: ["content-length": "0"]))
        #expect(server.uploads.map(\.method) == ["PUT", "POST"])
        #expect(server.uploads.last?.path == "/in/file.json")
        #expect(server.uploads.last?.body == content)
        try await client.shutdown()
        try await server.close()
    }

    /// UpdateFirmware served by a local HTTP server ends with a BootNotification carrying the
    /// new version; GetDiagnostics lands the file on it (issue 6's proof, without the network CSMS).
    @Test func chargerUpdatesAndUploadsThroughTheClient() async throws {
        let server = try await LoopbackHTTPServer.start(files: ["/fw-2.1.0.bin": .init(bytes: Self.firmware)])
        let client = FileTransferClient()
        var harness = ChargePointFixtures.booted()
        harness.deliver(
            UpdateFirmwareRequest(location: server.baseURL + "/fw-2.1.0.bin", retrieveDate: harness.now))
        harness.deliver(GetDiagnosticsRequest(location: server.baseURL + "/upload/"))
        for action in harness.transfers {
            // As a NIO shell does it: the result arrives on the charger's event loop.
            let result = try await #require(client.perform(action, on: MultiThreadedEventLoopGroup.singleton.any()))
                .get()
            harness.act { $0.transferFinished(action, result: result, now: $1) }
        }
        #expect(client.perform(.remove(entryId: 1), on: MultiThreadedEventLoopGroup.singleton.any()) == nil)
        harness.advance(by: .seconds(5))
        harness.connect()
        #expect(harness.csms.requests(BootNotificationRequest.self).last?.firmwareVersion?.value == "2.1.0")
        let landed = try #require(server.uploads.first)
        #expect(landed.path == "/upload/diagnostics-CP-7-20260101T100000Z.json")
        let report = try JSONDecoder().decode(DiagnosticsReport.self, from: Data(landed.body))
        #expect(report.chargePointId == "CP-7")
        #expect(
            harness.csms.requests(DiagnosticsStatusNotificationRequest.self).map(\.status) == [.uploading, .uploaded])
        #expect(harness.csms.schemaViolations.isEmpty)
        try await client.shutdown()
        try await server.close()
    }
}

extension FileTransferClientTests {
    @Test func unknownHostIsAFailureNamingDNS() async throws {
        let client = FileTransferClient(limits: .init(timeout: .seconds(20), connectTimeout: .seconds(5)))
        // `.invalid` never resolves (RFC 6761 §6.4).
        let reason = await client.download(url: "http://firmware.invalid/fw-1.0.0.bin").failureReason
        #expect(reason?.contains("DNS lookup of firmware.invalid failed") == true, "\(String(describing: reason))")
        try await client.shutdown()
    }
}
