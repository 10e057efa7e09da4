import Foundation
import TestSupport
import Testing
import WebSocket

/// ``X509Certificate``: parsing, fields, OCPP hash data and chain verification, cross-checked with
/// the `openssl` command-line tool on certificates it made.
@Suite struct X509CertificateTests {
    private func load(_ file: String) throws -> X509Certificate {
        try X509Certificate(pem: String(contentsOfFile: file, encoding: .utf8))
    }

    @Test func fieldsOfAClientCertificate() throws {
        let certificates = try TLSTestCertificates.shared.get()
        let client = try load(certificates.client.certificateFile)
        #expect(client.subjectCommonName == "CP-0042")
        #expect(client.subject == "CN=CP-0042")
        #expect(client.issuer == "CN=ChargeSim Test CA")
        #expect(!client.isCA)
        #expect(!client.isSelfSigned)
        let printed = try OpenSSLCommand.run(["x509", "-noout", "-serial", "-in", certificates.client.certificateFile])
        let serial = printed.output.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst("serial=".count)
        #expect(client.serialNumberHex == String(serial.lowercased().drop { $0 == "0" }))
        // TestCertificateAuthority issues for two days from now.
        // `openssl ca` reads the clock once per date: the two may be a second apart.
        #expect(abs(client.notAfter.timeIntervalSince(client.notBefore) - 2 * 86_400) <= 1)
        #expect(abs(client.notBefore.timeIntervalSinceNow) < 3_600)
    }

    @Test func fieldsOfAnAuthorityAndAnExpiredCertificate() throws {
        let certificates = try TLSTestCertificates.shared.get()
        let root = try load(certificates.authority.certificateFile)
        #expect(root.isCA)
        #expect(root.isSelfSigned)
        #expect(root.subjectCommonName == "ChargeSim Test CA")
        let expired = try load(certificates.expiredServer.certificateFile)
        #expect(expired.notBefore == Date(timeIntervalSince1970: 1_577_836_800))  // 2020-01-01T00:00:00Z
        #expect(expired.notAfter == Date(timeIntervalSince1970: 1_577_923_200))  // 2020-01-02T00:00:00Z
    }

    @Test func pemAndDEREncodingsRoundTrip() throws {
        let certificates = try TLSTestCertificates.shared.get()
        let text = try String(contentsOfFile: certificates.client.certificateFile, encoding: .utf8)
        let client = try X509Certificate(pem: text)
        #expect(client.pem == text)
        let fromDER = try X509Certificate(der: client.der)
        #expect(fromDER == client)
        #expect(fromDER.pem == text)
        let printed = try OpenSSLCommand.run([
            "x509", "-noout", "-fingerprint", "-sha256", "-in", certificates.client.certificateFile,
        ])
        let fingerprint = printed.output.split(separator: "=").last.map {
            $0.replacingOccurrences(of: ":", with: "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        }
        #expect(client.sha256Fingerprint == fingerprint)
    }

    @Test func chainIsParsedLeafFirst() throws {
        let certificates = try TLSTestCertificates.shared.get()
        let chain = try X509Certificate.chain(
            pem: String(contentsOfFile: certificates.intermediateClient.chainFile, encoding: .utf8))
        #expect(chain.count == 2)
        #expect(chain.first?.subjectCommonName == "CP-0777")
        #expect(chain.last?.isCA == true)
        #expect(chain.last?.subjectCommonName == "ChargeSim Test Intermediate CA")
    }

    @Test func malformedInputIsRefused() throws {
        let certificates = try TLSTestCertificates.shared.get()
        #expect(throws: X509Error.self) { try X509Certificate(pem: "not a certificate") }
        #expect(throws: X509Error.self) {
            try X509Certificate(pem: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
        }
        #expect(throws: X509Error.self) { try X509Certificate(der: [0x30, 0x03, 0x02, 0x01, 0x01]) }
        let chain = try String(contentsOfFile: certificates.intermediateClient.chainFile, encoding: .utf8)
        #expect(throws: X509Error.invalidPEM(reason: "expected one certificate, found 2")) {
            try X509Certificate(pem: chain)
        }
        let der = try load(certificates.client.certificateFile).der
        #expect(throws: X509Error.self) { try X509Certificate(der: der + [0]) }
    }

    @Test(arguments: X509HashAlgorithm.allCases)
    func hashDataOfARootMatchesOpenSSLsCertificateID(algorithm: X509HashAlgorithm) throws {
        let certificates = try TLSTestCertificates.shared.get()
        let file = certificates.authority.certificateFile
        let expected = try OpenSSLCommand.certificateID(
            certificateFile: file, issuerFile: file, digest: algorithm.rawValue.lowercased())
        let hashData = try load(file).hashData(algorithm: algorithm)
        #expect(hashData.algorithm == algorithm)
        #expect(hashData.issuerNameHash == expected.issuerNameHash.lowercased())
        #expect(hashData.issuerKeyHash == expected.issuerKeyHash.lowercased())
        #expect(hashData.serialNumber == String(expected.serialNumber.lowercased().drop { $0 == "0" }))
        #expect(hashData.issuerNameHash.count == hashData.issuerKeyHash.count)
        #expect(!expected.issuerNameHash.isEmpty)
    }

    @Test func hashDataOfALeafUsesItsIssuer() throws {
        let certificates = try TLSTestCertificates.shared.get()
        let leaf = try load(certificates.client.certificateFile)
        let root = try load(certificates.authority.certificateFile)
        let expected = try OpenSSLCommand.certificateID(
            certificateFile: certificates.client.certificateFile, issuerFile: certificates.authority.certificateFile,
            digest: "sha256")
        let hashData = try leaf.hashData(algorithm: .sha256, issuer: root)
        #expect(hashData.issuerNameHash == expected.issuerNameHash.lowercased())
        #expect(hashData.issuerKeyHash == expected.issuerKeyHash.lowercased())
        #expect(hashData.issuerKeyHash == (try root.hashData(algorithm: .sha256)).issuerKeyHash)
        #expect(throws: X509Error.issuerRequired) { try leaf.hashData(algorithm: .sha256) }
    }

    @Test func hashDataMatchingIgnoresCaseAndLeadingZeros() {
        let ours = X509HashData(algorithm: .sha256, issuerNameHash: "ab", issuerKeyHash: "cd", serialNumber: "1f")
        #expect(
            ours.matches(
                X509HashData(algorithm: .sha256, issuerNameHash: "AB", issuerKeyHash: "CD", serialNumber: "001F")))
        #expect(
            !ours.matches(
                X509HashData(algorithm: .sha384, issuerNameHash: "ab", issuerKeyHash: "cd", serialNumber: "1f")))
        #expect(
            !ours.matches(
                X509HashData(algorithm: .sha256, issuerNameHash: "ab", issuerKeyHash: "cd", serialNumber: "1e")))
    }

    @Test func chainsVerifyAgainstTheirRoot() throws {
        let certificates = try TLSTestCertificates.shared.get()
        let root = try load(certificates.authority.certificateFile)
        let client = try load(certificates.client.certificateFile)
        #expect(throws: Never.self) { try client.verify(chain: [], trustedRoots: [root], at: Date()).get() }
        let chain = try X509Certificate.chain(
            pem: String(contentsOfFile: certificates.intermediateClient.chainFile, encoding: .utf8))
        let leaf = try #require(chain.first)
        #expect(throws: Never.self) {
            try leaf.verify(chain: Array(chain.dropFirst()), trustedRoots: [root], at: Date()).get()
        }
        #expect(kind(leaf.verify(chain: [], trustedRoots: [root], at: Date())) == .unknownAuthority)
    }

    @Test func unknownAuthorityExpiryAndFutureAreNamed() throws {
        let certificates = try TLSTestCertificates.shared.get()
        let root = try load(certificates.authority.certificateFile)
        let foreign = try load(certificates.foreignClient.certificateFile)
        let result = foreign.verify(chain: [], trustedRoots: [root], at: Date())
        #expect(kind(result) == .unknownAuthority)
        #expect(reason(result).contains("issuer certificate"))
        let expired = try load(certificates.expiredServer.certificateFile)
        #expect(kind(expired.verify(chain: [], trustedRoots: [root], at: Date())) == .expired)
        #expect(reason(expired.verify(chain: [], trustedRoots: [root], at: Date())) == "certificate has expired")
        // In 2020 the leaf was valid but the root, made today, was not yet: the whole path is checked.
        let in2020 = expired.verify(chain: [], trustedRoots: [root], at: expired.notBefore.addingTimeInterval(60))
        #expect(kind(in2020) == .notYetValid)
        let client = try load(certificates.client.certificateFile)
        let early = client.notBefore.addingTimeInterval(-86_400)
        #expect(kind(client.verify(chain: [], trustedRoots: [root], at: early)) == .notYetValid)
        #expect(kind(client.verify(chain: [], trustedRoots: [], at: Date())) == .unknownAuthority)
    }

    @Test func tamperedSignatureIsNamed() throws {
        let certificates = try TLSTestCertificates.shared.get()
        let root = try load(certificates.authority.certificateFile)
        var der = try load(certificates.client.certificateFile).der
        // The last byte belongs to the ECDSA signature's `s` value.
        der[der.count - 1] ^= 0x01
        let tampered = try X509Certificate(der: der)
        let result = tampered.verify(chain: [], trustedRoots: [root], at: Date())
        #expect(kind(result) == .badSignature)
        #expect(reason(result) == "certificate signature failure")
    }

    @Test func verifiesASignatureMadeByTheOpenSSLCommand() throws {
        let authority = try TestCertificateAuthority()
        defer { authority.remove() }
        let signer = try authority.issueFirmwareSigningCertificate()
        let certificate = try X509Certificate(pem: String(contentsOfFile: signer.certificateFile, encoding: .utf8))
        let data = Array("firmware image".utf8)
        let signature = try #require(
            Data(base64Encoded: try authority.signature(of: data, by: signer)).map { [UInt8]($0) })
        #expect(try certificate.verifySignature(signature, of: data))
        #expect(try !certificate.verifySignature(signature, of: data + [0]))
        #expect(try !certificate.verifySignature(Array(signature.dropLast()), of: data))
        let other = try authority.issueFirmwareSigningCertificate(commonName: "Another Signer")
        let otherCertificate = try X509Certificate(pem: String(contentsOfFile: other.certificateFile, encoding: .utf8))
        #expect(try !otherCertificate.verifySignature(signature, of: data))
    }

    private func kind(_ result: Result<Void, X509VerificationError>) -> X509VerificationError.Kind? {
        switch result {
        case .success: return nil
        case .failure(let error): return error.kind
        }
    }

    private func reason(_ result: Result<Void, X509VerificationError>) -> String {
        switch result {
        case .success: return ""
        case .failure(let error): return error.reason
        }
    }
}
