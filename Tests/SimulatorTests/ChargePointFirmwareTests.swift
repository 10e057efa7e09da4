import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

@Suite struct ChargePointFirmwareTests {
    typealias F = ChargePointFixtures

    static let location = "https://updates.example/ampvia/fw-2.1.0.bin"

    /// A booted harness whose charger has `behaviour` changed.
    static func booted(_ change: (inout ChargerBehaviour) -> Void = { _ in }) -> ChargePointHarness {
        var profile = F.profile()
        change(&profile.behaviour)
        return F.booted(profile: profile, seed: 42)
    }

    func firmwareStatuses(_ harness: ChargePointHarness) -> [FirmwareStatus] {
        harness.csms.requests(FirmwareStatusNotificationRequest.self).map(\.status)
    }

    /// UpdateFirmware for `location`, to retrieve `after` from now.
    func update(
        _ harness: inout ChargePointHarness, location: String = location, after: Duration = .zero,
        retries: Int? = nil, retryInterval: Int? = nil
    ) {
        let answer = harness.deliver(
            UpdateFirmwareRequest(
                location: location, retries: retries, retrieveDate: harness.now + after, retryInterval: retryInterval))
        #expect(answer != nil)
    }

    @Test func waitsForTheRetrieveDate() {
        var harness = Self.booted()
        update(&harness, after: .seconds(3600))
        harness.advance(by: .seconds(3599))
        #expect(harness.transfers.isEmpty)
        #expect(firmwareStatuses(harness).isEmpty)
        #expect(harness.charger.firmwareStatus == .idle)
        harness.advance(by: .seconds(1))
        #expect(harness.transfers == [.download(url: Self.location, requestId: 1)])
        #expect(firmwareStatuses(harness) == [.downloading])
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func fullUpdateRebootsIntoTheVersionOfTheFileName() throws {
        var harness = Self.booted()
        update(&harness)
        #expect(harness.transfers == [.download(url: Self.location, requestId: 1)])
        harness.finishDownload(requestId: 1, result: .success(byteCount: 4096, headers: [:]))
        #expect(firmwareStatuses(harness) == [.downloading, .downloaded, .installing])
        harness.advance(by: .seconds(4))
        #expect(firmwareStatuses(harness) == [.downloading, .downloaded, .installing])
        harness.advance(by: .seconds(1))
        // Installed is answered, then the charger reboots.
        #expect(firmwareStatuses(harness) == [.downloading, .downloaded, .installing, .installed])
        #expect(harness.reboots == [.hard])
        #expect(harness.charger.firmwareVersion == "2.1.0")
        #expect(harness.charger.snapshot.firmwareVersion == "2.1.0")
        #expect(harness.charger.firmwareStatus == .idle)
        harness.connect()
        let boots = harness.csms.requests(BootNotificationRequest.self)
        #expect(boots.map { $0.firmwareVersion?.value } == ["5.12.3", "2.1.0"])
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func versionHeaderWinsAndSurvivesARestart() throws {
        var harness = Self.booted()
        update(&harness, location: "http://updates.example/latest.bin")
        harness.finishDownload(
            requestId: 1, result: .success(byteCount: 10, headers: ["x-firmware-version": "6.0.0-beta1"]))
        harness.advance(by: .seconds(5))
        #expect(harness.reboots == [.hard])
        let saved = try JSONEncoder().encode(harness.charger.snapshot)
        let snapshot = try JSONDecoder().decode(ChargePointSnapshot.self, from: saved)
        let restarted = F.charger(resumingFrom: snapshot, now: harness.now)
        #expect(restarted.firmwareVersion == "6.0.0-beta1")
        var fresh = ChargePointHarness(charger: restarted, now: harness.now)
        fresh.connect()
        #expect(fresh.csms.requests(BootNotificationRequest.self).first?.firmwareVersion?.value == "6.0.0-beta1")
    }

    @Test func retriesSpacedByTheIntervalThenDownloadFailed() {
        var harness = Self.booted()
        update(&harness, retries: 3, retryInterval: 120)
        harness.finishDownload(requestId: 1, result: .failure(reason: "connection refused"))
        harness.advance(by: .seconds(119))
        #expect(harness.transfers.count == 1)
        harness.advance(by: .seconds(1))
        #expect(harness.transfers.count == 2)
        harness.finishDownload(requestId: 1, result: .failure(reason: "HTTP 503"))
        harness.advance(by: .seconds(120))
        #expect(harness.transfers.count == 3)
        #expect(harness.charger.firmwareStatus == .downloading)
        harness.finishDownload(requestId: 1, result: .failure(reason: "HTTP 404 Not Found"))
        #expect(firmwareStatuses(harness) == [.downloading, .downloadFailed])
        harness.advance(by: .seconds(3600))
        #expect(harness.transfers.count == 3)
        #expect(harness.reboots.isEmpty)
        #expect(harness.charger.firmwareVersion == "5.12.3")
        #expect(harness.charger.lastTransferFailure?.contains("HTTP 404 Not Found") == true)
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func aRetryThatSucceedsInstalls() {
        var harness = Self.booted()
        update(&harness, retries: 2, retryInterval: 30)
        harness.finishDownload(requestId: 1, result: .failure(reason: "timed out"))
        harness.advance(by: .seconds(30))
        harness.finishDownload(requestId: 1, result: .success(byteCount: 1, headers: [:]))
        harness.advance(by: .seconds(5))
        #expect(firmwareStatuses(harness) == [.downloading, .downloaded, .installing, .installed])
        #expect(harness.reboots == [.hard])
    }

    @Test func ftpLocationFailsWithAClearReason() {
        var harness = Self.booted()
        update(&harness, location: "ftp://updates.example/fw-2.1.0.bin", retries: 5)
        #expect(harness.transfers.isEmpty)
        #expect(firmwareStatuses(harness) == [.downloadFailed])
        #expect(harness.charger.lastTransferFailure?.contains("ftp is not supported") == true)
    }

    @Test func installationFailsAtTheProfilesRate() {
        var harness = Self.booted { $0.firmwareInstallFailureRate = 1 }
        update(&harness)
        harness.finishDownload(requestId: 1, result: .success(byteCount: 1, headers: [:]))
        harness.advance(by: .seconds(60))
        #expect(firmwareStatuses(harness) == [.downloading, .downloaded, .installing, .installationFailed])
        #expect(harness.reboots.isEmpty)
        #expect(harness.charger.firmwareVersion == "5.12.3")
    }

    @Test func failureRateIsSeededAndRoughlyTheRate() {
        func outcome(seed: UInt64) -> FirmwareStatus? {
            var profile = F.profile()
            profile.behaviour.firmwareInstallFailureRate = 0.5
            var harness = F.booted(profile: profile, seed: seed)
            update(&harness)
            harness.finishDownload(requestId: 1, result: .success(byteCount: 1, headers: [:]))
            harness.advance(by: .seconds(5))
            return firmwareStatuses(harness).last
        }
        let outcomes = (1...40).map { outcome(seed: $0) }
        #expect(outcomes == (1...40).map { outcome(seed: $0) })
        let failures = outcomes.filter { $0 == .installationFailed }.count
        #expect(outcomes.allSatisfy { $0 == .installationFailed || $0 == .installed })
        #expect((8...32).contains(failures))
    }

    @Test func rebootStopsTransactionsWithReasonReboot() throws {
        var harness = Self.booted()
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        #expect(harness.charger.hasTransaction(onConnector: 1))
        update(&harness)
        harness.finishDownload(requestId: 1, result: .success(byteCount: 1, headers: [:]))
        harness.advance(by: .seconds(5))
        let stop = try #require(harness.csms.requests(StopTransactionRequest.self).first)
        #expect(stop.reason == .reboot)
        #expect(harness.reboots == [.hard])
        #expect(Array(harness.actions.suffix(2)) == ["FirmwareStatusNotification", "StopTransaction"])
        #expect(harness.disk.isEmpty)
    }

    @Test func rebootWaitsForTransactionsWhenTheProfileSaysSo() throws {
        var harness = Self.booted { $0.firmwareWaitsForTransactions = true }
        harness.act { $0.plugIn(connectorId: 1, ev: F.hatchback, now: $1) }
        harness.act { $0.presentIdTag("RFID-1", connectorId: 1, now: $1) }
        update(&harness)
        harness.finishDownload(requestId: 1, result: .success(byteCount: 1, headers: [:]))
        harness.advance(by: .seconds(3600))
        #expect(firmwareStatuses(harness).last == .installed)
        #expect(harness.reboots.isEmpty)
        #expect(harness.charger.hasTransaction(onConnector: 1))
        harness.act { $0.pressStop(connectorId: 1, now: $1) }
        let stop = try #require(harness.csms.requests(StopTransactionRequest.self).first)
        #expect(stop.reason == .local)
        #expect(harness.reboots == [.hard])
        harness.connect()
        #expect(harness.csms.requests(BootNotificationRequest.self).last?.firmwareVersion?.value == "2.1.0")
    }

    @Test func triggeredStatusReportsTheCurrentState() {
        var harness = Self.booted()
        let trigger = TriggerMessageRequest(requestedMessage: .firmwareStatusNotification)
        #expect(harness.deliver(trigger)?.status == .accepted)
        #expect(firmwareStatuses(harness) == [.idle])
        update(&harness, after: .seconds(60))
        harness.deliver(trigger)
        #expect(firmwareStatuses(harness) == [.idle, .idle])
        harness.advance(by: .seconds(60))
        harness.deliver(trigger)
        #expect(firmwareStatuses(harness) == [.idle, .idle, .downloading, .downloading])
        harness.finishDownload(requestId: 1, result: .success(byteCount: 1, headers: [:]))
        harness.deliver(trigger)
        #expect(firmwareStatuses(harness).suffix(3) == [.downloaded, .installing, .installing])
        #expect(harness.csms.schemaViolations.isEmpty)
    }

    @Test func aNewRequestReplacesTheOneInProgress() {
        var harness = Self.booted()
        update(&harness)
        update(&harness, location: "https://updates.example/fw-3.0.0.bin")
        #expect(
            harness.transfers == [
                .download(url: Self.location, requestId: 1),
                .download(url: "https://updates.example/fw-3.0.0.bin", requestId: 2),
            ])
        // The first one's late result is ignored.
        harness.finishDownload(requestId: 1, result: .success(byteCount: 1, headers: [:]))
        #expect(harness.charger.firmwareStatus == .downloading)
        harness.finishDownload(requestId: 2, result: .success(byteCount: 1, headers: [:]))
        harness.advance(by: .seconds(5))
        #expect(harness.charger.firmwareVersion == "3.0.0")
    }

    @Test func versionRule() {
        #expect(FirmwareVersionRule.version(location: "https://x.example/a/fw-2.1.0.bin", headers: [:]) == "2.1.0")
        #expect(
            FirmwareVersionRule.version(location: "http://x.example/CityPost_v5.13.0-rc2.img?sig=1.2", headers: [:])
                == "5.13.0-rc2")
        #expect(FirmwareVersionRule.version(location: "http://10.0.0.1:8080/image.bin", headers: [:]) == "image")
        #expect(
            FirmwareVersionRule.version(
                location: "http://10.0.0.1/fw-1.0.bin", headers: ["x-firmware-version": " 9.9 "])
                == "9.9")
        #expect(FirmwareVersionRule.version(location: "http://10.0.0.1:8080", headers: [:]) == nil)
    }
}
