import ArgumentParser
import CentralSystem
import Foundation
import OCPP16
import WebSocket

/// The options `chargesim csms` and `chargesim demo` share: where data lives and the fixed
/// handles scripts need (ports, token, ready file).
struct CentralSystemOptions: ParsableArguments {
    @Option(help: "The folder for the SQLite store (and the demo's fleet state); a restart keeps history.")
    var dataDir: String = ".chargesim"

    @Option(help: "The address both servers bind. Loopback by default; anything else exposes them.")
    var host: String = "127.0.0.1"

    @Option(help: "The OCPP 1.6J port chargers connect to (0 = pick a free one).")
    var ocppPort: Int = 9000

    @Option(help: "The Public API port (0 = pick a free one).")
    var apiPort: Int = 8080

    @Option(help: "Use this Public API token instead of generating one at first start.")
    var apiToken: String?

    @Option(
        help: "Write a JSON file with apiBaseUrl, ocppUrl (and ocppSecureUrl), token and chargePointIds once ready.")
    var readyFile: String?

    @Option(help: "Serve wss:// (security profiles 2 and 3) with this server certificate chain (PEM); needs --tls-key.")
    var tlsCert: String?

    @Option(help: "The private key (PEM) of --tls-cert.")
    var tlsKey: String?

    @Option(
        help: ArgumentHelp(
            "With --tls-cert: serve wss:// on this port and plain ws:// on --ocpp-port, so a profile 1 charger can "
                + "raise its SecurityProfile to 2 or 3 (0 = pick a free one).",
            valueName: "port"))
    var ocppTlsPort: Int?

    @Option(
        help: ArgumentHelp(
            "Ask chargers for a TLS client certificate signed by this CA (PEM); one whose CN is the charge point id "
                + "lets it in without a password (security profile 3). Default: --ca-cert when TLS is on.",
            valueName: "file"))
    var clientCa: String?

    @Flag(help: "Refuse chargers without a client certificate (security profile 3 only).")
    var requireClientCertificate = false

    @Option(help: "Sign chargers' SignCertificate CSRs with this CA certificate (PEM); needs --ca-key.")
    var caCert: String?

    @Option(help: "The private key (PEM) of --ca-cert.")
    var caKey: String?

    @Option(help: "Validity of the certificates --ca-cert signs, in days.")
    var issuedCertificateDays: Int = 365

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together.") }
        if (caCert == nil) != (caKey == nil) { throw ValidationError("--ca-cert and --ca-key go together.") }
        if tlsCert == nil, clientCa != nil || requireClientCertificate {
            throw ValidationError(
                "--client-ca and --require-client-certificate need TLS: pass --tls-cert and --tls-key.")
        }
        if requireClientCertificate, clientCa == nil, caCert == nil {
            throw ValidationError(
                "--require-client-certificate needs --client-ca (or --ca-cert) to check them against.")
        }
        if !(1...3650).contains(issuedCertificateDays) {
            throw ValidationError("--issued-certificate-days must be between 1 and 3650, got \(issuedCertificateDays).")
        }
        for (flag, path) in [
            ("--tls-cert", tlsCert), ("--tls-key", tlsKey), ("--client-ca", clientCa), ("--ca-cert", caCert),
            ("--ca-key", caKey),
        ] {
            if let path, !FileManager.default.isReadableFile(atPath: path) {
                throw ValidationError("\(flag): cannot read '\(path)'.")
            }
        }
        for (flag, port) in [("--ocpp-port", ocppPort), ("--api-port", apiPort), ("--ocpp-tls-port", ocppTlsPort ?? 0)]
        where !(0...65_535).contains(port) {
            throw ValidationError("\(flag) must be between 0 and 65535, got \(port).")
        }
        if let ocppTlsPort {
            if tlsCert == nil { throw ValidationError("--ocpp-tls-port needs --tls-cert and --tls-key.") }
            if ocppTlsPort != 0 && (ocppTlsPort == ocppPort || ocppTlsPort == apiPort) {
                throw ValidationError("--ocpp-tls-port must differ from --ocpp-port and --api-port.")
            }
        }
        if ocppPort != 0 && ocppPort == apiPort {
            throw ValidationError("--ocpp-port and --api-port must differ (both are \(ocppPort)).")
        }
        if let apiToken, apiToken.count < 16 {
            throw ValidationError("--api-token must be at least 16 characters.")
        }
        if dataDir.isEmpty { throw ValidationError("--data-dir must not be empty.") }
    }

    /// The embedded central system's configuration for these options. Throws a
    /// `ValidationError` naming the flag when a certificate or key file does not parse.
    func configuration(autoRegister: Bool, unknownIdTags: UnknownIdTagPolicy) throws
        -> EmbeddedCentralSystem.Configuration
    {
        var ocpp = OCPPServerConfiguration(autoRegister: autoRegister, unknownIdTagPolicy: unknownIdTags)
        ocpp.log = { FileHandle.standardError.write(Data(("central system: " + $0 + "\n").utf8)) }
        if let caCert, let caKey {
            ocpp.certificateAuthority = try Self.certificateAuthority(certificate: caCert, key: caKey)
            ocpp.issuedCertificateValidityDays = issuedCertificateDays
        }
        if let tlsCert, let tlsKey {
            let verification: TLSConfiguration.ClientCertificateVerification
            switch (clientCa ?? caCert, requireClientCertificate) {
            case (nil, _): verification = .none
            case (let caFile?, false): verification = .optional(caFile: caFile)
            case (let caFile?, true): verification = .required(caFile: caFile)
            }
            let tls = TLSConfiguration.server(
                certificate: .init(certificateChainFile: tlsCert, privateKeyFile: tlsKey),
                clientCertificateVerification: verification)
            do {
                _ = try TLSContext(configuration: tls)
            } catch {
                throw ValidationError("--tls-cert/--tls-key/--client-ca: \(error)")
            }
            ocpp.tls = tls
        }
        var api = PublicAPIConfiguration(port: apiPort)
        // What install-certificate CSMSRootCertificate sends: the CA chargers are to trust.
        if let root = caCert ?? clientCa, let pem = try? String(contentsOfFile: root, encoding: .utf8) {
            api.installableCertificates[.centralSystemRootCertificate] = pem
        }
        return EmbeddedCentralSystem.Configuration(
            dataDirectory: dataDir, host: host, ocppPort: ocppPort, ocpp: ocpp, api: api, apiToken: apiToken,
            ocppSecurePort: ocppTlsPort)
    }

    private static func certificateAuthority(certificate: String, key: String) throws -> CertificateAuthority {
        do {
            return try CertificateAuthority(
                certificate: X509Certificate(pem: String(contentsOfFile: certificate, encoding: .utf8)),
                key: PrivateKey(pem: String(contentsOfFile: key, encoding: .utf8)))
        } catch {
            throw ValidationError("--ca-cert/--ca-key: \(error)")
        }
    }

    /// Writes the ready file atomically so a script polling for it never reads half of it.
    func writeReadyFile(
        apiBaseURL: String, ocppURL: String, token: String?, chargePointIds: [String], controlURL: String? = nil,
        ocppSecureURL: String? = nil
    ) throws {
        guard let readyFile else { return }
        var object: [String: Any] = ["apiBaseUrl": apiBaseURL, "ocppUrl": ocppURL, "chargePointIds": chargePointIds]
        if let ocppSecureURL { object["ocppSecureUrl"] = ocppSecureURL }
        if let controlURL { object["controlUrl"] = controlURL }
        object["token"] = token ?? NSNull()
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        try data.write(to: URL(fileURLWithPath: readyFile), options: .atomic)
    }
}

extension UnknownIdTagPolicy: ExpressibleByArgument {}
