import TestSupport

/// Certificates shared by the TLS tests, made once per test run by a throwaway CA; each issued
/// pair has its own files, so tests may use them in parallel.
struct TLSTestCertificates: Sendable {
    static let shared = Result { try TLSTestCertificates() }

    let authority: TestCertificateAuthority
    let otherAuthority: TestCertificateAuthority
    /// localhost and 127.0.0.1, signed by `authority`.
    let server: TestCertificateAuthority.Issued
    /// Like `server` but valid only in January 2020.
    let expiredServer: TestCertificateAuthority.Issued
    /// example.test only.
    let exampleServer: TestCertificateAuthority.Issued
    /// localhost and 127.0.0.1, signed by `otherAuthority`.
    let foreignServer: TestCertificateAuthority.Issued
    /// CN=CP-0042, signed by `authority`.
    let client: TestCertificateAuthority.Issued
    /// CN=CP-9999, signed by `otherAuthority`.
    let foreignClient: TestCertificateAuthority.Issued
    /// localhost and 127.0.0.1, signed by an intermediate CA under `authority`.
    let intermediateServer: TestCertificateAuthority.Issued
    /// CN=CP-0777, signed by an intermediate CA under `authority`.
    let intermediateClient: TestCertificateAuthority.Issued

    private init() throws {
        authority = try TestCertificateAuthority()
        otherAuthority = try TestCertificateAuthority(commonName: "Other Test CA")
        server = try authority.issueServerCertificate()
        expiredServer = try authority.issueServerCertificate(expired: true)
        exampleServer = try authority.issueServerCertificate(
            commonName: "example.test", dnsNames: ["example.test"], ipAddresses: [])
        foreignServer = try otherAuthority.issueServerCertificate()
        client = try authority.issueClientCertificate(commonName: "CP-0042")
        foreignClient = try otherAuthority.issueClientCertificate(commonName: "CP-9999")
        let intermediate = try authority.issueIntermediateAuthority()
        intermediateServer = try intermediate.issueServerCertificate()
        intermediateClient = try intermediate.issueClientCertificate(commonName: "CP-0777")
    }
}
