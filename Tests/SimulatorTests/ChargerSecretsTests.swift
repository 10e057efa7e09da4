import Foundation
import NIOPosix
import OCPP16
import Simulator
import TestSupport
import Testing

/// Secrets at rest in a charger's state directory: the AuthorizationKey lives in
/// `secrets.json` (mode 0600), never in `snapshot.json`, the journal or the log; private keys
/// are 0600; a restarted charger gets its key back.
@Suite struct ChargerSecretsTests {
    static let key = "a-secret-authorization-key-42"

    /// The permission bits of `path`.
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int) & 0o777
    }

    /// Every regular file under `folder`, by path relative to it.
    static func files(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var found: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                found.append(name)
            }
        }
        return found.sorted()
    }

    @Test func theStateDirectoryKeepsTheKeyOutOfTheSnapshot() throws {
        let folder = try TemporaryDirectory(prefix: "chargesim-secrets")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("CP-1").path
        let directory = try ChargerStateDirectory(path: path)
        var snapshot = ChargePointSnapshot()
        snapshot.configurationOverrides = ["AuthorizationKey": Self.key, "HeartbeatInterval": "60"]
        try directory.save(snapshot)
        let stored = try String(contentsOfFile: path + "/snapshot.json", encoding: .utf8)
        #expect(!stored.contains(Self.key))
        #expect(stored.contains("HeartbeatInterval"))
        let secrets = path + "/" + ChargerStateDirectory.secretsFileName
        #expect(try String(contentsOfFile: secrets, encoding: .utf8).contains(Self.key))
        #expect(try Self.mode(secrets) == 0o600)
        #expect(try Self.mode(path + "/snapshot.json") == 0o644)

        let reopened = try ChargerStateDirectory(path: path)
        #expect(reopened.resumeSnapshot?.configurationOverrides == snapshot.configurationOverrides)

        // A key set back to the profile's (empty) value leaves no secret behind.
        try reopened.save(ChargePointSnapshot())
        #expect(try String(contentsOfFile: secrets, encoding: .utf8) == "{}")
        #expect(try ChargerStateDirectory(path: path).resumeSnapshot?.configurationOverrides == [:])
    }

    @Test func aSnapshotFromBeforeMovesItsKeyOnTheNextSave() throws {
        let folder = try TemporaryDirectory(prefix: "chargesim-secrets")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("CP-1").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var old = ChargePointSnapshot()
        old.configurationOverrides = ["AuthorizationKey": Self.key]
        try JSONEncoder().encode(old).write(to: URL(fileURLWithPath: path + "/snapshot.json"))
        let directory = try ChargerStateDirectory(path: path)
        let resumed = try #require(directory.resumeSnapshot)
        #expect(resumed.configurationOverrides["AuthorizationKey"] == Self.key)
        try directory.save(resumed)
        #expect(!(try String(contentsOfFile: path + "/snapshot.json", encoding: .utf8)).contains(Self.key))
        #expect(try Self.mode(path + "/" + ChargerStateDirectory.secretsFileName) == 0o600)
    }

    @Test func anUnreadableSecretsFileIsAClearErrorThatDoesNotQuoteIt() throws {
        let folder = try TemporaryDirectory(prefix: "chargesim-secrets")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("CP-1").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Data("not json \(Self.key)".utf8).write(to: URL(fileURLWithPath: path + "/secrets.json"))
        do {
            _ = try ChargerStateDirectory(path: path)
            Issue.record("a broken secrets file was accepted")
        } catch {
            #expect("\(error)".contains("secrets.json"))
            #expect(!"\(error)".contains(Self.key))
        }
    }

    @Test func aFleetChargerKeepsItsKeyAndPrivateKeysSecretAndGetsThemBackAfterARestart() async throws {
        let state = try TemporaryDirectory(prefix: "chargesim-secrets-fleet")
        defer { state.remove() }
        let central = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let log = LogLines()
        let first = try FleetFixtures.fleet(
            count: 1, central: central, stateDirectory: state.url.path, group: group, log: log.append)
        first.start()
        try await central.wait(for: "the boot") { !$0.calls(from: "FT1", BootNotificationRequest.action).isEmpty }
        let set = try await central.call(
            ChangeConfigurationRequest(key: "AuthorizationKey", value: CiString500(truncating: Self.key)), to: "FT1")
        #expect(set.status == .accepted)
        let raised = try await central.call(ChangeConfigurationRequest(key: "SecurityProfile", value: "1"), to: "FT1")
        #expect(raised.status == .accepted)
        let basic = "Basic " + Data("FT1:\(Self.key)".utf8).base64EncodedString()
        try await central.wait(for: "the profile 1 reconnect") { $0.authorization("FT1") == basic }
        // A key pair is made for a CSR: its private key is on disk too.
        let triggered = try await central.call(
            ExtendedTriggerMessageRequest(requestedMessage: .signChargePointCertificate), to: "FT1")
        #expect(triggered.status == .accepted)
        try await central.wait(for: "SignCertificate") {
            !$0.requests(SignCertificateRequest.self, from: "FT1").isEmpty
        }
        try await first.stop(.leaveQueued).get()

        let folder = state.url.appendingPathComponent("FT1")
        let files = Self.files(in: folder)
        #expect(files.contains("snapshot.json"))
        #expect(files.contains(ChargerStateDirectory.secretsFileName))
        for file in files {
            let path = folder.appendingPathComponent(file).path
            let text = try String(contentsOfFile: path, encoding: .utf8)
            if file == ChargerStateDirectory.secretsFileName {
                #expect(text.contains(Self.key))
            } else {
                #expect(!text.contains(Self.key), "\(file) holds the AuthorizationKey")
            }
            if file == ChargerStateDirectory.secretsFileName || text.contains("PRIVATE KEY") {
                #expect(try Self.mode(path) == 0o600, "\(file) is readable by others")
            }
        }
        #expect(files.contains { $0.hasSuffix("key.pem") })
        #expect(!log.all.contains { $0.contains(Self.key) })

        // Restarted on the same folder, the charger still authenticates with its key.
        let before = central.upgradeCount("FT1")
        let second = try FleetFixtures.fleet(count: 1, central: central, stateDirectory: state.url.path, group: group)
        second.start()
        try await central.wait(for: "the restarted charger's connection") { $0.upgradeCount("FT1") > before }
        #expect(central.authorization("FT1") == basic)
        try await second.stop(.leaveQueued).get()
        await central.stop()
        try await group.shutdownGracefully()
    }
}
