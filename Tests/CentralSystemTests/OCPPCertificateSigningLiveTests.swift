import CentralSystem
import Foundation
import OCPP16
import PublicAPI
import Simulator
import Synchronization
import TestSupport
import Testing
import WebSocket

/// SignCertificate → CertificateSigned → security profile 3 against the embedded central system
/// (security extension A02/A03 and A05): the OCPP server on TLS signs the charger's CSR with its
/// CA, and the charger's next connection presents that certificate. Certificates are made by the
/// `openssl` CLI at test time.
@Suite("Embedded central system: certificate signing and security profile 3 (live)", .timeLimit(.minutes(2)))
struct OCPPCertificateSigningLiveTests {
    static let key = "charger-key-0123456789"

    /// A central system on TLS (server certificate from `authority`, client certificates from it
    /// accepted), signing CSRs with it and installing it as the CSMS root through the API.
    static func secureConfiguration(_ authority: TestCertificateAuthority) throws
        -> @Sendable (inout EmbeddedCentralSystem.Configuration) -> Void
    {
        let server = try authority.issueServerCertificate()
        let signer = try CertificateAuthority(
            certificate: X509Certificate(pem: String(contentsOfFile: authority.certificateFile, encoding: .utf8)),
            key: PrivateKey(pem: String(contentsOfFile: authority.privateKeyFile, encoding: .utf8)))
        let root = try String(contentsOfFile: authority.certificateFile, encoding: .utf8)
        let caFile = authority.certificateFile
        return { configuration in
            configuration.ocpp.tls = .server(
                certificate: server.certificateFiles, clientCertificateVerification: .optional(caFile: caFile))
            configuration.ocpp.certificateAuthority = signer
            configuration.api.installableCertificates[.centralSystemRootCertificate] = root
        }
    }

    /// Runs `body` with one charger at profile 2 (registered with its password) booted on an
    /// embedded central system that serves TLS, accepts client certificates from `authority`
    /// and signs CSRs with it.
    static func withSecureSystem(
        _ authority: TestCertificateAuthority, serverLog: LogLines, fleetLog: LogLines = LogLines(),
        _ body: (EmbeddedFleet, String) async throws -> Void
    ) async throws {
        let secure = try secureConfiguration(authority)
        let configure: (inout EmbeddedCentralSystem.Configuration) -> Void = { configuration in
            secure(&configuration)
            configuration.ocpp.log = serverLog.append
        }
        try await EmbeddedFleet.with(
            chargers: 1, autoRegister: false, startFleet: false,
            configuration: ["SecurityProfile": "2", "AuthorizationKey": key, "CpoName": "ChargeSim CPO"],
            centralSystem: configure,
            tlsContext: try TLSContext(configuration: .client(trustRoots: .caFile(authority.certificateFile))),
            log: fleetLog.append
        ) { harness in
            let identity = try #require(harness.chargePointIds.first)
            _ = try await harness.client.register(ChargePointRegistration(identity: identity, password: key))
            harness.fleet.start()
            try await harness.waitUntilBooted()
            try await body(harness, identity)
        }
    }

    @Test("profile 2 → SignCertificate signed by the CA → profile 3 with the new certificate")
    func signedCertificateCarriesAProfile3Connection() async throws {
        let authority = try TestCertificateAuthority()
        defer { authority.remove() }
        let serverLog = LogLines()
        try await Self.withSecureSystem(authority, serverLog: serverLog) { harness, identity in
            let server = harness.system.ocppServer
            #expect(harness.system.ocppURL.hasPrefix("wss://"))
            #expect(server.clientCertificate(of: identity) == nil)
            let systemId = try #require(try await harness.systemId(identity))
            try await harness.client.installCertificate(
                chargePointId: systemId, CertificateBody(certificateType: .csmsRootCertificate))
            try await harness.client.triggerMessage(chargePointId: systemId, .signChargingStationCertificate)

            let charger = try #require(harness.fleet.charger(identity))
            try await LiveTimeout.run("the signed certificate to be installed", seconds: 15) {
                while try await charger.inspect({ $0.certificates?.chargePointCredentials }).get() == nil {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            let issued = try #require(server.issuedCertificates(for: identity).last)
            let installed = try #require(
                try await charger.inspect { $0.certificates?.chargePointCredentials?.certificate }.get())
            #expect(installed.serialNumberHex == issued.serialNumber)
            #expect(installed.subjectCommonName == identity)
            #expect(serverLog.contains("signed certificate serial \(issued.serialNumber)"))

            try await harness.client.setConfiguration(
                chargePointId: systemId, SetConfigurationBody(name: "SecurityProfile", value: "3"))
            try await LiveTimeout.run("a profile 3 connection", seconds: 15) {
                while server.clientCertificate(of: identity) == nil { try await Task.sleep(for: .milliseconds(50)) }
            }
            let presented = try #require(server.clientCertificate(of: identity))
            #expect(presented == ClientCertificate(commonName: identity, serialNumber: issued.serialNumber))
            #expect(try await charger.inspect { $0.configuration.securityProfile }.get() == 3)
            // The connection carries traffic: a Heartbeat trigger is answered over it.
            try await harness.client.triggerMessage(chargePointId: systemId, .heartbeat)
            #expect(server.clientCertificate(of: identity) == presented)
        }
    }

    @Test("profile 3 without a signed certificate is refused: the charger falls back to profile 2")
    func profile3WithoutACertificateFallsBackToProfile2() async throws {
        let authority = try TestCertificateAuthority()
        defer { authority.remove() }
        let fleetLog = LogLines()
        try await Self.withSecureSystem(authority, serverLog: LogLines(), fleetLog: fleetLog) { harness, identity in
            let server = harness.system.ocppServer
            let systemId = try #require(try await harness.systemId(identity))
            try await harness.client.setConfiguration(
                chargePointId: systemId, SetConfigurationBody(name: "SecurityProfile", value: "3"))
            let charger = try #require(harness.fleet.charger(identity))
            try await LiveTimeout.run("the fall-back to profile 2", seconds: 20) {
                while try await charger.inspect({ $0.configuration.securityProfile }).get() != 2
                    || !server.connectedChargePointIds.contains(identity)
                {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            #expect(fleetLog.contains("connect failed at security profile 3"))
            #expect(server.clientCertificate(of: identity) == nil)
            #expect(server.issuedCertificates(for: identity).isEmpty)
            let log = try await charger.inspect { $0.securityLog.entries.compactMap(\.techInfo) }.get()
            #expect(log.contains { $0.contains("back to 2") })
        }
    }

    @Test("one server, two ports: profile 1 on ws:// → InstallCertificate → profile 2 on wss:// → profile 3")
    func profile1UpgradesToTheSecurePort() async throws {
        let authority = try TestCertificateAuthority()
        defer { authority.remove() }
        let secure = try Self.secureConfiguration(authority)
        let configure: (inout EmbeddedCentralSystem.Configuration) -> Void = { configuration in
            secure(&configuration)
            configuration.ocppSecurePort = 0
        }
        try await EmbeddedFleet.with(
            chargers: 1, autoRegister: false, startFleet: false,
            configuration: ["SecurityProfile": "1", "AuthorizationKey": Self.key, "CpoName": "ChargeSim CPO"],
            centralSystem: configure
        ) { harness in
            let system = harness.system
            let ocpp = system.ocppServer
            #expect(system.ocppURL.hasPrefix("ws://"))
            let secureURL = try #require(system.ocppSecureURL)
            #expect(secureURL.hasPrefix("wss://") && ocpp.securePort != ocpp.port)
            let identity = try #require(harness.chargePointIds.first)
            _ = try await harness.client.register(ChargePointRegistration(identity: identity, password: Self.key))
            harness.fleet.start()
            try await harness.waitUntilBooted()
            #expect(!ocpp.isConnectedSecurely(identity))

            // The charger has no root yet (the fleet trusts none): the back end installs its own.
            let systemId = try #require(try await harness.systemId(identity))
            try await harness.client.installCertificate(
                chargePointId: systemId, CertificateBody(certificateType: .csmsRootCertificate))
            try await harness.client.setConfiguration(
                chargePointId: systemId, SetConfigurationBody(name: "SecurityProfile", value: "2"))
            let charger = try #require(harness.fleet.charger(identity))
            try await LiveTimeout.run("a profile 2 connection on the TLS port", seconds: 20) {
                while !ocpp.isConnectedSecurely(identity) { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(try await charger.inspect { $0.configuration.securityProfile }.get() == 2)
            #expect(ocpp.clientCertificate(of: identity) == nil)

            // Then a signed certificate and profile 3, still on the TLS port.
            try await harness.client.triggerMessage(chargePointId: systemId, .signChargingStationCertificate)
            try await LiveTimeout.run("the signed certificate to be installed", seconds: 15) {
                while try await charger.inspect({ $0.certificates?.chargePointCredentials }).get() == nil {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            try await harness.client.setConfiguration(
                chargePointId: systemId, SetConfigurationBody(name: "SecurityProfile", value: "3"))
            try await LiveTimeout.run("a profile 3 connection", seconds: 15) {
                while ocpp.clientCertificate(of: identity) == nil { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(ocpp.isConnectedSecurely(identity))
            #expect(ocpp.clientCertificate(of: identity)?.commonName == identity)
        }
    }
}
