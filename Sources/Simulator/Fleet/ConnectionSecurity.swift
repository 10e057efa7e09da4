import Foundation
import WebSocket

/// How one charger's next connection is made, from its `SecurityProfile` (Improved security for
/// OCPP 1.6-J, section 2 "Security profiles"): profile 0 and 1 use the fleet's URL as given;
/// profile 2 and 3 use `wss://` (``ChargerRuntimeSettings/secureURL(for:)``) and verify the central
/// system against the CentralSystemRootCertificates installed in the charger's
/// ``CertificateStore`` (InstallCertificate), or the fleet's CA file while none is installed;
/// profile 3 presents the charger's own certificate (CertificateSigned), or the fleet's client
/// certificate while it has none. Basic auth (user = the charge point id) carries the fleet's
/// `--password` or, for profiles 1 and 2, the `AuthorizationKey`.
///
/// The TLS context is built once per distinct set of roots and credentials and reused.
struct ConnectionSecurity {
    /// One connection attempt.
    struct Plan {
        /// `<url>/<chargePointId>`.
        var url: String
        /// The context for `wss://`; nil: the WebSocket client's default (system roots).
        var tlsContext: TLSContext?
        /// The Basic auth password, if one is sent.
        var password: String?
        /// The security profile this attempt uses.
        var profile: Int
    }

    /// Where the charger's certificate store keeps its files (the roots bundle is written there
    /// for OpenSSL to load).
    let directory: CertificateStoreDirectory?
    private var cached: (key: String, context: TLSContext)?

    /// The name of the PEM bundle of installed CentralSystemRootCertificates, in ``directory``.
    static let rootsBundleName = "central-system-roots.pem"

    init(directory: CertificateStoreDirectory?) {
        self.directory = directory
    }

    /// The plan for `machine`'s next connection. Throws a ``TLSError`` when a TLS context
    /// cannot be built from the installed certificates.
    mutating func plan(for machine: ChargePoint, settings: ChargerRuntimeSettings) throws -> Plan {
        let id = machine.chargePointId
        let profile = machine.configuration.securityProfile
        let url = profile >= 2 ? settings.secureURL(for: id) : settings.url(for: id)
        let key = (1...2).contains(profile) ? machine.configuration.authorizationKey : nil
        var plan = Plan(url: url, tlsContext: settings.tlsContext, password: settings.password ?? key, profile: profile)
        guard url.lowercased().hasPrefix("wss://"), let directory, let store = machine.certificates else { return plan }
        let rootsPEM = store.centralSystemRootsPEM
        let credentials = profile >= 3 ? store.chargePointCredentials : nil
        guard !rootsPEM.isEmpty || credentials != nil else { return plan }
        let fleet = settings.tlsContext?.configuration ?? .client()
        var configuration = TLSConfiguration.client(
            trustRoots: fleet.trustRoots, certificate: fleet.certificate, verification: fleet.verification)
        var cacheKey = ""
        if !rootsPEM.isEmpty {
            let bundle = directory.directory.appendingPathComponent(Self.rootsBundleName).path
            if (try? directory.read(Self.rootsBundleName)) != rootsPEM {
                try directory.write(rootsPEM, to: Self.rootsBundleName, secret: false)
            }
            configuration.trustRoots = .caFile(bundle)
            configuration.verification = .full
            cacheKey += rootsPEM
        }
        if let credentials {
            configuration.certificate = directory.chargePointCertificateFiles
            cacheKey += credentials.certificate.sha256Fingerprint
        }
        if let cached, cached.key == cacheKey {
            plan.tlsContext = cached.context
            return plan
        }
        let context = try TLSContext(configuration: configuration)
        cached = (cacheKey, context)
        plan.tlsContext = context
        return plan
    }
}
