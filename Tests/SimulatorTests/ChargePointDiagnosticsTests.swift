import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

@Suite struct ChargePointDiagnosticsTests {
    typealias F = ChargePointFixtures

    static let location = "https://logs.example/upload/"

    func diagnosticsStatuses(_ harness: ChargePointHarness) -> [DiagnosticsStatus] {
        harness.csms.requests(DiagnosticsStatusNotificationRequest.self).map(\.status)
    }

    /// The `.upload` actions the harness saw.
    func uploads(_ harness: ChargePointHarness) -> [(url: String, fileName: String, content: [UInt8], id: UInt64)] {
        harness.transfers.compactMap { action in
            guard case .upload(let url, let fileName, let content, let requestId) = action else { return nil }
            return (url, fileName, content, requestId)
        }
    }

    @Test func answerNamesTheFileThenUploadsIt() throws {
        var harness = F.booted()
        let answer = harness.deliver(GetDiagnosticsRequest(location: Self.location))
        let fileName = "diagnostics-CP-7-20260101T100000Z.json"
        #expect(answer?.fileName?.value == fileName)
        let upload = try #require(uploads(harness).first)
        #expect(upload.url == Self.location)
        #expect(upload.fileName == fileName)
        #expect(diagnosticsStatuses(harness) == [.uploading])
        let report = try JSONDecoder().decode(DiagnosticsReport.self, from: Data(upload.content))
        #expect(report.chargePointId == "CP-7")
        #expect(report.firmwareVersion == "5.12.3")
        #expect(report.connectors.map(\.connectorId) == [0, 1, 2])
        #expect(report.configuration["HeartbeatInterval"] == "300")
        #expect(report.configuration["AuthorizationKey"] == nil)
        #expect(report.messages.contains { $0.direction == .sent && $0.frame.contains("BootNotification") })
        #expect(report.messages.contains { $0.direction == .received && $0.frame.contains("GetDiagnostics") })
        harness.finishUpload(requestId: upload.id, result: .success(byteCount: upload.content.count, headers: [:]))
        #expect(diagnosticsStatuses(harness) == [.uploading, .uploaded])
        #expect(harness.charger.diagnosticsStatus == .idle)
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func honoursTheTimeWindow() throws {
        var harness = F.booted()
        // Heartbeats every 300 s: 10:05, 10:10, ..., 11:00.
        harness.advance(by: .seconds(3600))
        let start = F.start + .seconds(1200)
        let stop = F.start + .seconds(2400)
        harness.deliver(GetDiagnosticsRequest(location: Self.location, startTime: start, stopTime: stop))
        let upload = try #require(uploads(harness).first)
        let report = try JSONDecoder().decode(DiagnosticsReport.self, from: Data(upload.content))
        #expect(report.window == DiagnosticsReport.Window(startTime: start, stopTime: stop))
        #expect(!report.messages.isEmpty)
        #expect(report.messages.allSatisfy { $0.at >= start && $0.at <= stop })
        // 10:20, 10:25, ..., 10:40: five heartbeats and their answers.
        #expect(report.messages.filter { $0.frame.contains("Heartbeat") }.count == 5)
        #expect(report.messages.count == 10)
        #expect(!report.messages.contains { $0.frame.contains("BootNotification") })
    }

    @Test func retriesThenUploadFailed() {
        var harness = F.booted()
        harness.deliver(GetDiagnosticsRequest(location: Self.location, retries: 2, retryInterval: 30))
        harness.finishUpload(requestId: 1, result: .failure(reason: "HTTP 500 Internal Server Error"))
        harness.advance(by: .seconds(29))
        #expect(uploads(harness).count == 1)
        harness.advance(by: .seconds(1))
        #expect(uploads(harness).count == 2)
        #expect(harness.charger.diagnosticsStatus == .uploading)
        harness.finishUpload(requestId: 1, result: .failure(reason: "connection refused"))
        #expect(diagnosticsStatuses(harness) == [.uploading, .uploadFailed])
        harness.advance(by: .seconds(600))
        #expect(uploads(harness).count == 2)
        #expect(harness.charger.lastTransferFailure?.contains("connection refused") == true)
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func ftpLocationIsUploadFailedWithAClearReason() {
        var harness = F.booted()
        let answer = harness.deliver(GetDiagnosticsRequest(location: "ftp://logs.example/in/"))
        #expect(answer?.fileName != nil)
        #expect(harness.transfers.isEmpty)
        #expect(diagnosticsStatuses(harness) == [.uploadFailed])
        #expect(harness.charger.lastTransferFailure?.contains("ftp is not supported") == true)
    }

    @Test func triggeredStatusReportsTheCurrentState() {
        var harness = F.booted()
        let trigger = TriggerMessageRequest(requestedMessage: .diagnosticsStatusNotification)
        #expect(harness.deliver(trigger)?.status == .accepted)
        harness.deliver(GetDiagnosticsRequest(location: Self.location))
        harness.deliver(trigger)
        harness.finishUpload(requestId: 1, result: .success(byteCount: 1, headers: [:]))
        harness.deliver(trigger)
        #expect(diagnosticsStatuses(harness) == [.idle, .uploading, .uploading, .uploaded, .idle])
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func messageLogKeepsTheLastFrames() {
        var log = OCPPMessageLog(capacity: 3)
        for second in 0..<5 {
            log.record(Array("frame \(second)".utf8), direction: .sent, at: F.start + .seconds(second))
        }
        #expect(log.entries().map(\.frame) == ["frame 2", "frame 3", "frame 4"])
        #expect(log.entries(from: F.start + .seconds(3)).map(\.frame) == ["frame 3", "frame 4"])
        #expect(log.entries(to: F.start + .seconds(2)).map(\.frame) == ["frame 2"])
        var long = OCPPMessageLog(capacity: 1)
        long.record(Array(repeating: UInt8(ascii: "x"), count: 5000), direction: .received, at: F.start)
        #expect(long.entries().first?.frame.utf8.count == OCPPMessageLog.maximumFrameBytes + "…".utf8.count)
        var secret = OCPPMessageLog(capacity: 2)
        let frame = #"[2,"7","ChangeConfiguration",{"key":"AuthorizationKey","value":"s3cret-0123456789"}]"#
        secret.record(Array(frame.utf8), direction: .received, at: F.start)
        secret.record(Array((frame + String(repeating: " ", count: 3000)).utf8), direction: .received, at: F.start)
        #expect(secret.entries().count == 2)
        #expect(secret.entries().allSatisfy { !$0.frame.contains("s3cret") && $0.frame.contains("<redacted>") })
        var off = OCPPMessageLog(capacity: 0)
        off.record([1], direction: .sent, at: F.start)
        #expect(off.entries().isEmpty)
    }
}
