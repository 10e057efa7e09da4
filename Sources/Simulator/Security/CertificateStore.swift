import Foundation
import OCPP16
import WebSocket

/// The charge point's certificate store (Improved security for OCPP 1.6-J, use cases A02/A03
/// and M03–M05): the CA certificates installed by the central system, by type, and the charge
/// point's own certificate and private key, with the key of an outstanding certificate signing
/// request.
///
/// Each OCPP request is one `mutating func` that returns the answer to send. The store has no
/// clock (time is a parameter) and does no I/O of its own: every change is written through the
/// ``CertificateStorage`` it was given, before the answer says it happened. Layout:
/// `roots/<CertificateUse>/<SHA-256 fingerprint>.pem`, `charge-point/certificate.pem` (leaf
/// first) and `charge-point/key.pem`, the same with `next-` for a certificate that is not valid
/// yet, and `charge-point/pending-key.pem` with `charge-point/pending-request.pem`; keys are
/// written as secrets (mode 0600).
public struct CertificateStore: Sendable {
    /// One installed CA certificate and its type.
    public struct InstalledCertificate: Sendable, Hashable {
        /// What it is trusted for.
        public let use: CertificateUse
        /// The certificate.
        public let certificate: X509Certificate
    }

    /// The charge point's TLS client credentials for security profile 3.
    public struct ChargePointCredentials: Sendable {
        /// The leaf certificate followed by its intermediate CAs.
        public let chain: [X509Certificate]
        /// The leaf's private key.
        public let key: PrivateKey

        /// The leaf certificate.
        public var certificate: X509Certificate {
            guard let leaf = chain.first else { preconditionFailure("ChargePointCredentials with an empty chain") }
            return leaf
        }
    }

    /// The key pair of the request sent in SignCertificate.req, kept until the signed
    /// certificate arrives.
    private struct PendingRequest: Sendable {
        var key: PrivateKey
        var request: CertificateSigningRequest
    }

    /// `CertificateStoreMaxLength`: the most CA certificates that may be installed, all types
    /// together; `nil` is no limit. InstallCertificate beyond it is Rejected, as the extension says.
    public var maxLength: Int?
    /// `CertificateSignedMaxChainSize`: the longest `certificateChain`, in characters, that
    /// CertificateSigned.req may carry; `nil` is the schema's 10000.
    public var maxChainSize: Int?
    /// The SHA-256 fingerprint of the CentralSystemRootCertificate that verified the current
    /// connection, set by the connection layer. The extension forbids deleting it (Failed).
    public var centralSystemRootInUse: String?

    /// The installed CA certificates, in installation order.
    public private(set) var installed: [InstalledCertificate]
    /// The charge point's certificate and key, once a CertificateSigned.req was accepted.
    public private(set) var chargePointCredentials: ChargePointCredentials?
    /// Accepted credentials whose certificate is not valid yet; ``activateNextCredentials(now:)``
    /// makes them current once their `notBefore` is reached.
    public private(set) var nextChargePointCredentials: ChargePointCredentials?
    private var pending: PendingRequest?
    private let storage: any CertificateStorage

    static let chargePointCertificateName = "charge-point/certificate.pem"
    static let chargePointKeyName = "charge-point/key.pem"
    static let nextCertificateName = "charge-point/next-certificate.pem"
    static let nextKeyName = "charge-point/next-key.pem"
    static let pendingKeyName = "charge-point/pending-key.pem"
    static let pendingRequestName = "charge-point/pending-request.pem"

    /// Loads what `storage` holds (nothing, the first time). Throws
    /// ``CertificateStoreError/corruptFile(name:reason:)`` for a file that does not parse, or a
    /// stored certificate whose key is not the stored key.
    public init(storage: any CertificateStorage, maxLength: Int? = nil, maxChainSize: Int? = nil) throws {
        self.storage = storage
        self.maxLength = maxLength
        self.maxChainSize = maxChainSize
        var installed: [InstalledCertificate] = []
        for use in CertificateUse.allCases {
            let folder = Self.folder(for: use)
            for name in try Self.perform(folder, { try storage.names(in: folder) }) where name.hasSuffix(".pem") {
                let path = folder + "/" + name
                let certificate = try Self.load(path, from: storage) { try X509Certificate(pem: $0) }
                if let certificate { installed.append(InstalledCertificate(use: use, certificate: certificate)) }
            }
        }
        self.installed = installed

        chargePointCredentials = try Self.loadCredentials(
            certificate: Self.chargePointCertificateName, key: Self.chargePointKeyName, from: storage)
        nextChargePointCredentials = try Self.loadCredentials(
            certificate: Self.nextCertificateName, key: Self.nextKeyName, from: storage)
        let pendingKey = try Self.load(Self.pendingKeyName, from: storage) { try PrivateKey(pem: $0) }
        let pendingRequest = try Self.load(Self.pendingRequestName, from: storage) {
            try CertificateSigningRequest(pem: $0)
        }
        if let pendingKey, let pendingRequest, pendingRequest.carriesPublicKey(of: pendingKey) {
            pending = PendingRequest(key: pendingKey, request: pendingRequest)
        }
    }

    // MARK: - Queries

    /// The installed CA certificates of type `use`.
    public func certificates(of use: CertificateUse) -> [X509Certificate] {
        installed.filter { $0.use == use }.map(\.certificate)
    }

    /// The installed CentralSystemRootCertificates as one PEM bundle: the CA file a security
    /// profile 2 or 3 connection verifies the central system's certificate with.
    public var centralSystemRootsPEM: String {
        certificates(of: .centralSystemRootCertificate).map(\.pem).joined()
    }

    /// Whether a SignCertificate.req was sent and its CertificateSigned.req has not been accepted.
    public var hasPendingRequest: Bool { pending != nil }

    // MARK: - InstallCertificate (M05)

    /// Answers InstallCertificate.req: Accepted when the certificate is a CA certificate valid at
    /// `now` and is stored (installing it again is Accepted and changes nothing); Rejected when it
    /// is not one PEM certificate, not a CA, outside its validity, a self-issued certificate whose
    /// signature fails, or when `maxLength` certificates are installed; Failed when storing it
    /// failed.
    public mutating func install(_ request: InstallCertificateRequest, now: OCPPTimestamp) -> InstallCertificateResponse
    {
        guard let certificate = try? X509Certificate(pem: request.certificate.value), certificate.isCA,
            certificate.notBefore <= now.date, now.date <= certificate.notAfter,
            certificate.issuer != certificate.subject || certificate.isSelfSigned
        else { return InstallCertificateResponse(status: .rejected) }
        if installed.contains(InstalledCertificate(use: request.certificateType, certificate: certificate)) {
            return InstallCertificateResponse(status: .accepted)
        }
        if let maxLength, installed.count >= maxLength {
            return InstallCertificateResponse(status: .rejected)
        }
        let name = Self.name(of: certificate, use: request.certificateType)
        do {
            try storage.write(certificate.pem, to: name, secret: false)
        } catch {
            return InstallCertificateResponse(status: .failed)
        }
        installed.append(InstalledCertificate(use: request.certificateType, certificate: certificate))
        return InstallCertificateResponse(status: .accepted)
    }

    // MARK: - DeleteCertificate (M04)

    /// Answers DeleteCertificate.req. The certificate is found by its hash data computed with the
    /// request's algorithm. Failed for the charge point's own certificate, for the
    /// CentralSystemRootCertificate in use (``centralSystemRootInUse``) and when the file could
    /// not be removed; NotFound when nothing matches. Deleting the last root of a type is allowed,
    /// as the extension says (the charge point then cannot verify the central system, or signed
    /// firmware).
    public mutating func delete(_ request: DeleteCertificateRequest) -> DeleteCertificateResponse {
        let wanted = Self.hashData(request.certificateHashData)
        if let credentials = chargePointCredentials,
            let own = try? hashData(of: credentials.certificate, algorithm: wanted.algorithm, chain: credentials.chain),
            own.matches(wanted)
        {
            return DeleteCertificateResponse(status: .failed)
        }
        guard
            let index = installed.firstIndex(where: {
                (try? hashData(of: $0.certificate, algorithm: wanted.algorithm))?.matches(wanted) == true
            })
        else { return DeleteCertificateResponse(status: .notFound) }
        let entry = installed[index]
        if entry.use == .centralSystemRootCertificate, entry.certificate.sha256Fingerprint == centralSystemRootInUse {
            return DeleteCertificateResponse(status: .failed)
        }
        do {
            try storage.remove(Self.name(of: entry.certificate, use: entry.use))
        } catch {
            return DeleteCertificateResponse(status: .failed)
        }
        installed.remove(at: index)
        return DeleteCertificateResponse(status: .accepted)
    }

    // MARK: - GetInstalledCertificateIds (M03)

    /// Answers GetInstalledCertificateIds.req: the SHA-256 hash data of every installed
    /// certificate of the requested type, or NotFound when there is none.
    public func installedIds(_ request: GetInstalledCertificateIdsRequest) -> GetInstalledCertificateIdsResponse {
        let hashes = certificates(of: request.certificateType).compactMap {
            try? hashData(of: $0, algorithm: .sha256)
        }
        guard !hashes.isEmpty else { return GetInstalledCertificateIdsResponse(status: .notFound) }
        return GetInstalledCertificateIdsResponse(certificateHashData: hashes.map(Self.wire), status: .accepted)
    }

    // MARK: - SignCertificate / CertificateSigned (A02, A03)

    /// Makes a new key pair and the SignCertificate.req for it: a PKCS#10 request with
    /// `CN=chargePointId` and `O=cpoName` (the `CpoName` key). The key is stored (0600) as
    /// pending, replacing an earlier pending one; it never leaves the charge point.
    public mutating func makeSignCertificateRequest(
        cpoName: String, chargePointId: String, keyAlgorithm: PrivateKey.Algorithm = .ecP256
    ) throws -> SignCertificateRequest {
        let key: PrivateKey
        let request: CertificateSigningRequest
        let csr: String5500
        do {
            key = try PrivateKey(generating: keyAlgorithm)
            request = try CertificateSigningRequest(commonName: chargePointId, organization: cpoName, key: key)
            csr = try String5500(request.pem, field: "csr")
        } catch {
            throw CertificateStoreError.requestFailed(reason: "\(error)")
        }
        try Self.perform(Self.pendingKeyName) { try storage.write(key.pem, to: Self.pendingKeyName, secret: true) }
        try Self.perform(Self.pendingRequestName) {
            try storage.write(request.pem, to: Self.pendingRequestName, secret: false)
        }
        pending = PendingRequest(key: key, request: request)
        return SignCertificateRequest(csr: csr)
    }

    /// Answers CertificateSigned.req. The chain is accepted when a request is pending, it fits
    /// ``maxChainSize``, its leaf is not a CA, carries the pending key and the requested common
    /// name, and it verifies up to an installed CentralSystemRootCertificate (at `now`, or at the
    /// leaf's `notBefore` when that is later). Then the certificate and key are stored and replace
    /// the current ones, or become ``nextChargePointCredentials`` when not valid yet. Otherwise
    /// the answer is Rejected with an `InvalidChargePointCertificate` event, as the extension asks;
    /// a failure to store is Rejected without one.
    public mutating func accept(
        _ request: CertificateSignedRequest, now: OCPPTimestamp
    ) -> (CertificateSignedResponse, SecurityEvent?) {
        func rejected(_ reason: String) -> (CertificateSignedResponse, SecurityEvent?) {
            (
                CertificateSignedResponse(status: .rejected),
                SecurityEvent(type: .invalidChargePointCertificate, timestamp: now, techInfo: reason)
            )
        }
        guard let pending else { return rejected("no certificate signing request is outstanding") }
        let text = request.certificateChain.value
        if let maxChainSize, text.unicodeScalars.count > maxChainSize {
            return rejected("the chain is longer than CertificateSignedMaxChainSize (\(maxChainSize))")
        }
        let chain: [X509Certificate]
        do {
            chain = try X509Certificate.chain(pem: text)
        } catch {
            return rejected("\(error)")
        }
        guard let leaf = chain.first else { return rejected("no certificate") }
        guard !leaf.isCA else { return rejected("the first certificate is a CA certificate") }
        guard leaf.matches(pending.key) else { return rejected("the certificate is not for the requested key") }
        guard leaf.subjectCommonName == pending.request.subjectCommonName else {
            return rejected("the common name is \(leaf.subjectCommonName ?? "missing"), not the charge point id")
        }
        let instant = max(now.date, leaf.notBefore)
        let roots = certificates(of: .centralSystemRootCertificate)
        if case .failure(let error) = leaf.verify(chain: Array(chain.dropFirst()), trustedRoots: roots, at: instant) {
            return rejected(error.description)
        }
        let credentials = ChargePointCredentials(chain: chain, key: pending.key)
        let isValidNow = leaf.notBefore <= now.date
        do {
            if isValidNow {
                try store(credentials, certificate: Self.chargePointCertificateName, key: Self.chargePointKeyName)
                try storage.remove(Self.nextCertificateName)
                try storage.remove(Self.nextKeyName)
            } else {
                try store(credentials, certificate: Self.nextCertificateName, key: Self.nextKeyName)
            }
            try storage.remove(Self.pendingKeyName)
            try storage.remove(Self.pendingRequestName)
        } catch {
            return (CertificateSignedResponse(status: .rejected), nil)
        }
        if isValidNow {
            chargePointCredentials = credentials
            nextChargePointCredentials = nil
        } else {
            nextChargePointCredentials = credentials
        }
        self.pending = nil
        return (CertificateSignedResponse(status: .accepted), nil)
    }

    /// Makes ``nextChargePointCredentials`` current when their certificate's `notBefore` is at or
    /// before `now` (the extension: switch to the new certificate as soon as it is valid). Returns
    /// whether they were switched; a storage failure leaves both as they were.
    public mutating func activateNextCredentials(now: OCPPTimestamp) -> Bool {
        guard let next = nextChargePointCredentials, next.certificate.notBefore <= now.date else { return false }
        do {
            try store(next, certificate: Self.chargePointCertificateName, key: Self.chargePointKeyName)
            try storage.remove(Self.nextCertificateName)
            try storage.remove(Self.nextKeyName)
        } catch {
            return false
        }
        chargePointCredentials = next
        nextChargePointCredentials = nil
        return true
    }

    private func store(_ credentials: ChargePointCredentials, certificate: String, key: String) throws {
        try storage.write(credentials.chain.map(\.pem).joined(), to: certificate, secret: false)
        try storage.write(credentials.key.pem, to: key, secret: true)
    }

    // MARK: - Hash data

    /// The hash data of an installed CA certificate, or of the charge point's leaf (`chain`).
    /// The issuer key comes from the issuer: the certificate itself for a root, else the next
    /// certificate of `chain` or an installed CA that issued it. A sub-CA whose issuer is not
    /// installed is hashed with its own key, the best this store can name it with.
    private func hashData(
        of certificate: X509Certificate, algorithm: X509HashAlgorithm, chain: [X509Certificate] = []
    ) throws -> X509HashData {
        if certificate.isSelfSigned { return try certificate.hashData(algorithm: algorithm) }
        let candidates = chain.dropFirst() + installed.map(\.certificate)
        let issuer = candidates.first { certificate.isIssued(by: $0) } ?? certificate
        return try certificate.hashData(algorithm: algorithm, issuer: issuer)
    }

    private static func hashData(_ wire: CertificateHashData) -> X509HashData {
        let algorithm: X509HashAlgorithm
        switch wire.hashAlgorithm {
        case .sha256: algorithm = .sha256
        case .sha384: algorithm = .sha384
        case .sha512: algorithm = .sha512
        }
        return X509HashData(
            algorithm: algorithm, issuerNameHash: wire.issuerNameHash.value, issuerKeyHash: wire.issuerKeyHash.value,
            serialNumber: wire.serialNumber.value)
    }

    private static func wire(_ hashData: X509HashData) -> CertificateHashData {
        let algorithm: HashAlgorithm
        switch hashData.algorithm {
        case .sha256: algorithm = .sha256
        case .sha384: algorithm = .sha384
        case .sha512: algorithm = .sha512
        }
        // A SHA-512 hex digest is 128 characters and an RFC 5280 serial at most 40: both fit.
        return CertificateHashData(
            hashAlgorithm: algorithm, issuerNameHash: String128(truncating: hashData.issuerNameHash),
            issuerKeyHash: String128(truncating: hashData.issuerKeyHash),
            serialNumber: String40(truncating: hashData.serialNumber))
    }

    // MARK: - Files

    private static func folder(for use: CertificateUse) -> String {
        "roots/" + use.rawValue
    }

    private static func name(of certificate: X509Certificate, use: CertificateUse) -> String {
        folder(for: use) + "/" + certificate.sha256Fingerprint + ".pem"
    }

    private static func loadCredentials(
        certificate: String, key keyName: String, from storage: any CertificateStorage
    ) throws -> ChargePointCredentials? {
        let chain = try load(certificate, from: storage) { try X509Certificate.chain(pem: $0) }
        let key = try load(keyName, from: storage) { try PrivateKey(pem: $0) }
        guard let chain, let key, let leaf = chain.first else { return nil }
        guard leaf.matches(key) else {
            throw CertificateStoreError.corruptFile(name: keyName, reason: "not the key of \(certificate)")
        }
        return ChargePointCredentials(chain: chain, key: key)
    }

    /// Reads and parses `name`; `nil` when there is no such file.
    private static func load<Value>(
        _ name: String, from storage: any CertificateStorage, _ parse: (String) throws -> Value
    ) throws -> Value? {
        guard let text = try perform(name, { try storage.read(name) }) else { return nil }
        do {
            return try parse(text)
        } catch {
            throw CertificateStoreError.corruptFile(name: name, reason: "\(error)")
        }
    }

    @discardableResult
    private static func perform<Value>(_ name: String, _ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            throw CertificateStoreError.storageFailed(name: name, reason: "\(error)")
        }
    }
}
