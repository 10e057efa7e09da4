import Foundation
import NIOPosix
import OCPP16
import Simulator
import Synchronization
import TestSupport
import Testing
import WebSocket

/// Security profiles end to end on loopback TLS, with certificates made by the `openssl` CLI at
/// test time: a fleet charger against `LoopbackCentralSystem` servers.
@Suite struct FleetSecurityLiveTests {
    static let key = "0123456789abcdef0123"
    static let profile2 = [#"SecurityProfile: "2""#, #"AuthorizationKey: "\#(key)""#]

    /// A TLS loopback central system presenting `server`, optionally checking client certificates.
    static func central(
        _ server: TestCertificateAuthority.Issued, clientCA: String? = nil
    ) async throws -> LoopbackCentralSystem {
        try await LoopbackCentralSystem.start(
            tls: .server(
                certificate: server.certificateFiles,
                clientCertificateVerification: clientCA.map { .optional(caFile: $0) } ?? .none))
    }

    static func trusting(_ authority: TestCertificateAuthority) throws -> TLSContext {
        try TLSContext(configuration: .client(trustRoots: .caFile(authority.certificateFile)))
    }

    @Test func unknownAuthorityIsRefusedAndReportedOnceConnectedElsewhere() async throws {
        let trusted = try TestCertificateAuthority()
        let unknown = try TestCertificateAuthority(commonName: "Unknown CA")
        let state = try TemporaryDirectory(prefix: "chargesim-security-state")
        defer {
            trusted.remove()
            unknown.remove()
            state.remove()
        }
        let impostor = try await Self.central(try unknown.issueServerCertificate())
        let genuine = try await Self.central(try trusted.issueServerCertificate())
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let log = LogLines()
        let first = try FleetFixtures.fleet(
            count: 1, central: impostor, stateDirectory: state.url.path, tlsContext: try Self.trusting(trusted),
            extraConfiguration: Self.profile2, group: group, log: log.append)
        first.start()
        try await LiveTimeout.run("the refusal", seconds: 10) {
            while !log.contains("not signed by a trusted certificate authority") {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        #expect(log.contains("security profile 2"))
        #expect(impostor.calls(from: "FT1").isEmpty)
        try await first.stop(.leaveQueued).get()
        // The same charger (its state directory) against the genuine central system.
        let second = try FleetFixtures.fleet(
            count: 1, central: genuine, stateDirectory: state.url.path, tlsContext: try Self.trusting(trusted),
            extraConfiguration: Self.profile2, group: group)
        second.start()
        try await genuine.wait(for: "the InvalidCentralSystemCertificate event") {
            $0.requests(SecurityEventNotificationRequest.self, from: "FT1").contains {
                $0.type.value == "InvalidCentralSystemCertificate"
            }
        }
        let event = try #require(
            genuine.requests(SecurityEventNotificationRequest.self, from: "FT1").first {
                $0.type.value == "InvalidCentralSystemCertificate"
            })
        #expect(event.techInfo?.value.contains("trusted certificate authority") == true)
        let expected = "Basic " + Data("FT1:\(Self.key)".utf8).base64EncodedString()
        #expect(genuine.authorization("FT1") == expected)
        #expect(genuine.schemaViolations.isEmpty)
        try await second.stop(.leaveQueued).get()
        await impostor.stop()
        await genuine.stop()
        try await group.shutdownGracefully()
    }

    @Test(arguments: ["expired", "wrong host name"])
    func badServerCertificateIsRefused(_ flaw: String) async throws {
        let authority = try TestCertificateAuthority()
        defer { authority.remove() }
        let server =
            flaw == "expired"
            ? try authority.issueServerCertificate(expired: true)
            : try authority.issueServerCertificate(
                commonName: "csms.example", dnsNames: ["csms.example"], ipAddresses: ["10.9.9.9"])
        let central = try await Self.central(server)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let log = LogLines()
        let fleet = try FleetFixtures.fleet(
            count: 1, central: central, tlsContext: try Self.trusting(authority), extraConfiguration: Self.profile2,
            group: group, log: log.append)
        fleet.start()
        let reason =
            flaw == "expired"
            ? "the peer's certificate has expired" : "the server's certificate is not valid for 127.0.0.1"
        try await LiveTimeout.run("the refusal (\(flaw))", seconds: 10) {
            while !log.contains(reason) { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(central.calls(from: "FT1").isEmpty)
        let logged = try await fleet.charger("FT1")?.inspect { $0.securityLog.entries.map(\.type) }.get()
        #expect(logged?.contains("InvalidCentralSystemCertificate") == true)
        try await fleet.stop(.leaveQueued).get()
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func profile3WithoutAClientCertificateIsRefused() async throws {
        let authority = try TestCertificateAuthority()
        defer { authority.remove() }
        let central = try await LoopbackCentralSystem.start(
            tls: .server(
                certificate: try authority.issueServerCertificate().certificateFiles,
                clientCertificateVerification: .required(caFile: authority.certificateFile)))
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let log = LogLines()
        let fleet = try FleetFixtures.fleet(
            count: 1, central: central, tlsContext: try Self.trusting(authority),
            extraConfiguration: [#"SecurityProfile: "3""#], group: group, log: log.append)
        fleet.start()
        try await LiveTimeout.run("the refusal", seconds: 10) {
            while !log.contains("connect failed at security profile 3") { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(central.calls(from: "FT1").isEmpty)
        try await fleet.stop(.leaveQueued).get()
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func signCertificateRoundTripEndsInAProfile3Connection() async throws {
        let authority = try TestCertificateAuthority()
        defer { authority.remove() }
        let central = try await Self.central(
            try authority.issueServerCertificate(), clientCA: authority.certificateFile)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let fleet = try FleetFixtures.fleet(
            count: 1, central: central, tlsContext: try Self.trusting(authority),
            extraConfiguration: Self.profile2 + [#"CpoName: "ChargeSim CPO""#], group: group)
        fleet.start()
        try await central.wait(for: "a boot at profile 2") {
            !$0.calls(from: "FT1", BootNotificationRequest.action).isEmpty
        }
        #expect(central.clientCertificateName("FT1") == nil)
        let root = try String5500(String(contentsOfFile: authority.certificateFile, encoding: .utf8))
        let installed = try await central.call(
            InstallCertificateRequest(certificateType: .centralSystemRootCertificate, certificate: root), to: "FT1")
        #expect(installed.status == .accepted)
        let triggered = try await central.call(
            ExtendedTriggerMessageRequest(requestedMessage: .signChargePointCertificate), to: "FT1")
        #expect(triggered.status == .accepted)
        try await central.wait(for: "SignCertificate") {
            !$0.requests(SignCertificateRequest.self, from: "FT1").isEmpty
        }
        let csr = try #require(central.requests(SignCertificateRequest.self, from: "FT1").first).csr.value
        let chain = try authority.signRequest(csr)
        let signed = try await central.call(
            CertificateSignedRequest(certificateChain: try String10000(chain)), to: "FT1")
        #expect(signed.status == .accepted)
        let raised = try await central.call(
            ChangeConfigurationRequest(key: "SecurityProfile", value: "3"), to: "FT1")
        #expect(raised.status == .accepted)
        try await central.wait(for: "a profile 3 connection") { $0.upgradeCount("FT1") == 2 }
        #expect(central.clientCertificateName("FT1") == "FT1")
        // Profile 3 sends no Basic auth.
        #expect(central.authorization("FT1") == nil)
        try await central.wait(for: "the boot over the new connection") {
            $0.calls(from: "FT1", BootNotificationRequest.action).count >= 1
                && $0.requests(SecurityEventNotificationRequest.self, from: "FT1").contains {
                    $0.type.value == "ReconfigurationOfSecurityParameters"
                }
        }
        let profile = try await fleet.charger("FT1")?.inspect { $0.configuration.securityProfile }.get()
        #expect(profile == 3)
        #expect(central.schemaViolations.isEmpty)
        try await fleet.stop(.leaveQueued).get()
        await central.stop()
        try await group.shutdownGracefully()
    }

    @Test func raisedProfileThatCannotConnectFallsBack() async throws {
        let plain = try await LoopbackCentralSystem.start()
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        // Nothing listens on the secure URL: every profile 2 attempt fails.
        let closed = try await LoopbackCentralSystem.start()
        let closedURL = closed.url.replacingOccurrences(of: "ws://", with: "wss://")
        await closed.stop()
        let fleet = try FleetFixtures.fleet(
            count: 1, central: plain,
            extraConfiguration: [#"SecurityProfile: "1""#, #"AuthorizationKey: "\#(Self.key)""#],
            group: group, secureCentralSystemURL: closedURL)
        fleet.start()
        try await plain.wait(for: "a boot at profile 1") {
            !$0.calls(from: "FT1", BootNotificationRequest.action).isEmpty
        }
        let raised = try await plain.call(ChangeConfigurationRequest(key: "SecurityProfile", value: "2"), to: "FT1")
        #expect(raised.status == .accepted)
        try await plain.wait(for: "the fall-back to profile 1", seconds: 20) { $0.upgradeCount("FT1") == 2 }
        try await plain.wait(for: "the fall-back event") {
            $0.requests(SecurityEventNotificationRequest.self, from: "FT1").contains {
                $0.techInfo?.value.contains("back to 1") == true
            }
        }
        let profile = try await fleet.charger("FT1")?.inspect { $0.configuration.securityProfile }.get()
        #expect(profile == 1)
        let lowered = try await plain.call(ChangeConfigurationRequest(key: "SecurityProfile", value: "0"), to: "FT1")
        #expect(lowered.status == .rejected)
        try await fleet.stop(.leaveQueued).get()
        await plain.stop()
        try await group.shutdownGracefully()
    }
}
