import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing
import WebSocket

/// ``CertificateStore``: InstallCertificate, DeleteCertificate and GetInstalledCertificateIds
/// answers, limits, and persistence; every answer is checked against the official schema.
@Suite struct CertificateStoreTests {
    @Test func installedRootIsListedWithOpenSSLsHashData() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var store = try fixture.makeStore()
        let install = store.install(try fixture.installRequest(fixture.authority.certificateFile), now: fixture.now)
        #expect(install.status == .accepted)
        try expectValid(install, schema: "InstallCertificateResponse")

        let ids = store.installedIds(GetInstalledCertificateIdsRequest(certificateType: .centralSystemRootCertificate))
        try expectValid(ids, schema: "GetInstalledCertificateIdsResponse")
        #expect(ids.status == .accepted)
        let hash = try #require(ids.certificateHashData?.first)
        #expect(ids.certificateHashData?.count == 1)
        let expected = try OpenSSLCommand.certificateID(
            certificateFile: fixture.authority.certificateFile, issuerFile: fixture.authority.certificateFile,
            digest: "sha256")
        #expect(hash.hashAlgorithm == .sha256)
        #expect(hash.issuerNameHash.value == expected.issuerNameHash.lowercased())
        #expect(hash.issuerKeyHash.value == expected.issuerKeyHash.lowercased())
        #expect(hash.serialNumber.value == String(expected.serialNumber.lowercased().drop { $0 == "0" }))

        let none = store.installedIds(GetInstalledCertificateIdsRequest(certificateType: .manufacturerRootCertificate))
        #expect(none == GetInstalledCertificateIdsResponse(status: .notFound))
        try expectValid(none, schema: "GetInstalledCertificateIdsResponse")
    }

    @Test func installRejectsWhatIsNotAValidCA() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var store = try fixture.makeStore()
        let leaf = try fixture.authority.issueClientCertificate(commonName: "CP-1")
        #expect(store.install(try fixture.installRequest(leaf.certificateFile), now: fixture.now).status == .rejected)
        let garbage = InstallCertificateRequest(certificateType: .centralSystemRootCertificate, certificate: "junk")
        #expect(store.install(garbage, now: fixture.now).status == .rejected)
        // TestCertificateAuthority roots are valid for two days.
        let later = OCPPTimestamp(Date().addingTimeInterval(3 * 86_400))
        let root = try fixture.installRequest(fixture.authority.certificateFile)
        #expect(store.install(root, now: later).status == .rejected)
        #expect(store.installed.isEmpty)
        #expect(try fixture.storage.names(in: "roots/CentralSystemRootCertificate").isEmpty)
    }

    @Test func certificateStoreMaxLengthLimitsInstalls() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var store = try fixture.makeStore(maxLength: 1)
        let first = try fixture.installRequest(fixture.authority.certificateFile)
        #expect(store.install(first, now: fixture.now).status == .accepted)
        // Installing the same certificate again changes nothing and is not over the limit.
        #expect(store.install(first, now: fixture.now).status == .accepted)
        let other = try fixture.installRequest(
            fixture.otherAuthority.certificateFile, use: .manufacturerRootCertificate)
        #expect(store.install(other, now: fixture.now).status == .rejected)
        store.maxLength = 2
        #expect(store.install(other, now: fixture.now).status == .accepted)
        #expect(store.installed.map(\.use) == [.centralSystemRootCertificate, .manufacturerRootCertificate])
    }

    @Test func storageFailureIsFailed() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var store = try CertificateStore(storage: FailingStorage())
        let install = store.install(try fixture.installRequest(fixture.authority.certificateFile), now: fixture.now)
        #expect(install.status == .failed)
        try expectValid(install, schema: "InstallCertificateResponse")
        #expect(throws: CertificateStoreError.self) {
            try store.makeSignCertificateRequest(cpoName: "CPO", chargePointId: "CP-1")
        }
        #expect(!store.hasPendingRequest)
    }

    @Test func deleteFindsTheCertificateByHashData() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var store = try fixture.makeStore()
        _ = store.install(try fixture.installRequest(fixture.authority.certificateFile), now: fixture.now)
        _ = store.install(
            try fixture.installRequest(fixture.otherAuthority.certificateFile, use: .manufacturerRootCertificate),
            now: fixture.now)
        // Hash data computed by the openssl tool with SHA-384, in upper case as it prints them.
        let id = try OpenSSLCommand.certificateID(
            certificateFile: fixture.otherAuthority.certificateFile, issuerFile: fixture.otherAuthority.certificateFile,
            digest: "sha384")
        let request = DeleteCertificateRequest(
            certificateHashData: CertificateHashData(
                hashAlgorithm: .sha384, issuerNameHash: try String128(id.issuerNameHash),
                issuerKeyHash: try String128(id.issuerKeyHash), serialNumber: try String40(id.serialNumber)))
        let deleted = store.delete(request)
        #expect(deleted.status == .accepted)
        try expectValid(deleted, schema: "DeleteCertificateResponse")
        #expect(store.certificates(of: .manufacturerRootCertificate).isEmpty)
        #expect(try fixture.storage.names(in: "roots/ManufacturerRootCertificate").isEmpty)
        #expect(store.delete(request).status == .notFound)

        // The same hash data with another algorithm does not name it.
        let listed = store.installedIds(
            GetInstalledCertificateIdsRequest(certificateType: .centralSystemRootCertificate))
        var hash = try #require(listed.certificateHashData?.first)
        hash.hashAlgorithm = .sha512
        #expect(store.delete(DeleteCertificateRequest(certificateHashData: hash)).status == .notFound)
        hash.hashAlgorithm = .sha256
        // Deleting the last CentralSystemRootCertificate is allowed by the extension.
        #expect(store.delete(DeleteCertificateRequest(certificateHashData: hash)).status == .accepted)
        #expect(store.installed.isEmpty)
        let reloaded = try fixture.makeStore()
        #expect(reloaded.installed.isEmpty)
    }

    @Test func deleteRefusesTheRootInUseAndTheChargePointCertificate() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var store = try fixture.makeStore()
        _ = store.install(try fixture.installRequest(fixture.authority.certificateFile), now: fixture.now)
        let root = try X509Certificate(pem: String(contentsOfFile: fixture.authority.certificateFile, encoding: .utf8))
        let rootHash = try #require(
            store.installedIds(GetInstalledCertificateIdsRequest(certificateType: .centralSystemRootCertificate))
                .certificateHashData?.first)
        store.centralSystemRootInUse = root.sha256Fingerprint
        let refused = store.delete(DeleteCertificateRequest(certificateHashData: rootHash))
        #expect(refused.status == .failed)
        try expectValid(refused, schema: "DeleteCertificateResponse")
        #expect(store.installed.count == 1)

        let csr = try store.makeSignCertificateRequest(cpoName: "CPO", chargePointId: "CP-0042")
        let chain = try fixture.authority.signRequest(csr.csr.value)
        #expect(try fixture.offer(chain, to: &store).0.status == .accepted)
        let leafFile = try fixture.folder.write("leaf.pem", chain).path
        let id = try OpenSSLCommand.certificateID(
            certificateFile: leafFile, issuerFile: fixture.authority.certificateFile, digest: "sha256")
        let ownHash = CertificateHashData(
            hashAlgorithm: .sha256, issuerNameHash: try String128(id.issuerNameHash),
            issuerKeyHash: try String128(id.issuerKeyHash), serialNumber: try String40(id.serialNumber))
        #expect(store.delete(DeleteCertificateRequest(certificateHashData: ownHash)).status == .failed)
        #expect(store.chargePointCredentials != nil)
    }

    @Test func everythingIsReloadedAndKeysAreOwnerOnly() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        var store = try fixture.makeStore()
        _ = store.install(try fixture.installRequest(fixture.authority.certificateFile), now: fixture.now)
        let csr = try store.makeSignCertificateRequest(cpoName: "CPO", chargePointId: "CP-0042")
        #expect(try fixture.permissions("charge-point/pending-key.pem") == 0o600)

        var reloaded = try fixture.makeStore()
        #expect(reloaded.installed == store.installed)
        #expect(reloaded.hasPendingRequest)
        // The reloaded store still holds the pending key: the signed certificate is accepted.
        let chain = try fixture.authority.signRequest(csr.csr.value)
        let (answer, event) = try fixture.offer(chain, to: &reloaded)
        #expect(answer.status == .accepted)
        #expect(event == nil)
        #expect(try fixture.permissions("charge-point/key.pem") == 0o600)
        #expect(try fixture.storage.read("charge-point/pending-key.pem") == nil)
        #expect(try fixture.storage.read("charge-point/pending-request.pem") == nil)

        let third = try fixture.makeStore()
        let credentials = try #require(third.chargePointCredentials)
        #expect(credentials.certificate.subjectCommonName == "CP-0042")
        #expect(credentials.certificate.matches(credentials.key))
        #expect(credentials.certificate == reloaded.chargePointCredentials?.certificate)
        #expect(!third.hasPendingRequest)
    }

    @Test func corruptFilesAreNamedOnLoad() throws {
        let fixture = try StoreFixture()
        defer { fixture.remove() }
        try fixture.storage.write("junk", to: "roots/CentralSystemRootCertificate/broken.pem", secret: false)
        let error = #expect(throws: CertificateStoreError.self) { try fixture.makeStore() }
        guard case .corruptFile(let name, _)? = error else {
            Issue.record("expected a corrupt file, got \(String(describing: error))")
            return
        }
        #expect(name == "roots/CentralSystemRootCertificate/broken.pem")
    }
}

/// A certificate authority, a second unrelated one, and a fresh state directory per test.
struct StoreFixture {
    let authority: TestCertificateAuthority
    let otherAuthority: TestCertificateAuthority
    let folder: TemporaryDirectory
    let storage: CertificateStoreDirectory
    /// Read after the authorities were made, so their roots are already valid.
    let now: OCPPTimestamp

    init() throws {
        authority = try TestCertificateAuthority()
        otherAuthority = try TestCertificateAuthority(commonName: "Other Test CA")
        folder = try TemporaryDirectory(prefix: "chargesim-certificates")
        storage = CertificateStoreDirectory(directory: folder.url.appendingPathComponent("state"))
        now = OCPPTimestamp(Date())
    }

    func makeStore(maxLength: Int? = nil, maxChainSize: Int? = nil) throws -> CertificateStore {
        try CertificateStore(storage: storage, maxLength: maxLength, maxChainSize: maxChainSize)
    }

    /// A store with `authority` installed as CentralSystemRootCertificate and a SignCertificate.req
    /// for `chargePointId` outstanding.
    func storeAwaitingCertificate(
        chargePointId: String = "CP-0042"
    ) throws -> (store: CertificateStore, request: SignCertificateRequest) {
        var store = try makeStore()
        _ = store.install(try installRequest(authority.certificateFile), now: now)
        let request = try store.makeSignCertificateRequest(cpoName: "CPO", chargePointId: chargePointId)
        return (store, request)
    }

    /// Offers `chain` to `store` in a CertificateSigned.req at `now`, by default the time of the
    /// call: after the chain was signed, so its leaf is already valid however slowly it was made.
    func offer(
        _ chain: String, to store: inout CertificateStore, now: OCPPTimestamp = OCPPTimestamp(Date())
    ) throws -> (CertificateSignedResponse, SecurityEvent?) {
        store.accept(CertificateSignedRequest(certificateChain: try String10000(chain)), now: now)
    }

    func installRequest(
        _ file: String, use: CertificateUse = .centralSystemRootCertificate
    ) throws -> InstallCertificateRequest {
        InstallCertificateRequest(
            certificateType: use, certificate: try String5500(String(contentsOfFile: file, encoding: .utf8)))
    }

    /// The permission bits of a stored file, read with stat(2).
    func permissions(_ name: String) throws -> mode_t {
        var status = stat()
        let path = storage.directory.appendingPathComponent(name).path
        guard stat(path, &status) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return status.st_mode & 0o777
    }

    func remove() {
        authority.remove()
        otherAuthority.remove()
        folder.remove()
    }
}

/// Storage whose every change fails, as a full or read-only disk would.
struct FailingStorage: CertificateStorage {
    struct Failure: Error {}
    func read(_ name: String) throws -> String? { nil }
    func write(_ contents: String, to name: String, secret: Bool) throws { throw Failure() }
    func remove(_ name: String) throws { throw Failure() }
    func names(in folder: String) throws -> [String] { [] }
}

/// Checks that `payload` encodes to JSON the official OCPP 1.6 schema `schema` accepts.
func expectValid<Payload: Encodable>(
    _ payload: Payload, schema: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let json = try JSONEncoder().encode(payload)
    let violations = try JSONSchemaValidator(schema: OCPPSchemaFiles.schema(schema)).validate(json: json)
    #expect(violations.isEmpty, "\(violations)", sourceLocation: sourceLocation)
}
