import Foundation
import TestSupport
import Testing
import WebSocket

/// ``PrivateKey``, ``CertificateSigningRequest`` and ``CertificateAuthority``: what they make is
/// checked by the `openssl` command-line tool (`pkey -check`, `req -verify`, `verify -CAfile`).
@Suite struct X509SigningTests {
    private let now = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 60).rounded(.down) * 60)

    @Test(arguments: [PrivateKey.Algorithm.ecP256, .rsa2048])
    func generatedKeysRoundTripThroughPEM(algorithm: PrivateKey.Algorithm) throws {
        let key = try PrivateKey(generating: algorithm)
        #expect(key.algorithm == algorithm)
        #expect(key.pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        let reread = try PrivateKey(pem: key.pem)
        #expect(reread.hasSamePublicKey(as: key))
        #expect(!reread.hasSamePublicKey(as: try PrivateKey(generating: algorithm)))
        let checked = try OpenSSLCommand.run(["pkey", "-check", "-noout"], input: key.pem)
        #expect(checked.exitCode == 0, "\(checked.output)")
        let publicKey = try OpenSSLCommand.run(["pkey", "-pubout"], input: key.pem)
        #expect(publicKey.output == key.publicKeyPEM)
    }

    @Test func keysThisPackageDoesNotGenerateHaveNoAlgorithm() throws {
        let generated = try OpenSSLCommand.run([
            "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp384r1",
        ])
        #expect(generated.exitCode == 0, "\(generated.output)")
        let key = try PrivateKey(pem: generated.output)
        #expect(key.algorithm == nil)
    }

    @Test func rsaClientCertificateMayCarryKeys() throws {
        let folder = try TemporaryDirectory(prefix: "chargesim-ca")
        defer { folder.remove() }
        let authority = try CertificateAuthority.selfSigned(
            commonName: "Root", key: PrivateKey(generating: .rsa2048), validityDays: 3, now: now)
        let request = try CertificateSigningRequest(
            commonName: "CP-RSA", organization: nil, key: PrivateKey(generating: .rsa2048))
        let issued = try authority.sign(request, validityDays: 1, now: now)
        let file = try folder.write("leaf.pem", issued.pem).path
        let usage = try OpenSSLCommand.run(["x509", "-noout", "-ext", "keyUsage", "-in", file])
        #expect(usage.output.contains("Digital Signature, Key Encipherment"))
        let rootFile = try folder.write("root.pem", authority.certificate.pem).path
        let verified = try OpenSSLCommand.run(["verify", "-purpose", "sslclient", "-CAfile", rootFile, file])
        #expect(verified.output == "\(file): OK\n")
    }

    @Test func garbageIsNotAKey() {
        #expect(throws: X509Error.self) {
            try PrivateKey(pem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n")
        }
        #expect(throws: X509Error.self) { try PrivateKey(pem: "") }
    }

    @Test func requestCarriesTheChargePointIdentityAndVerifies() throws {
        let key = try PrivateKey()
        let request = try CertificateSigningRequest(commonName: "CP-0042", organization: "ChargeSim CPO", key: key)
        #expect(request.pem.hasPrefix("-----BEGIN CERTIFICATE REQUEST-----\n"))
        #expect(request.subjectCommonName == "CP-0042")
        #expect(request.subject == "CN=CP-0042,O=ChargeSim CPO")
        #expect(request.hasValidSignature)
        #expect(request.carriesPublicKey(of: key))
        #expect(!request.carriesPublicKey(of: try PrivateKey()))
        let verified = try OpenSSLCommand.run(["req", "-verify", "-noout", "-subject"], input: request.pem)
        #expect(verified.exitCode == 0, "\(verified.output)")
        #expect(verified.output.contains("verify OK"))
        #expect(verified.output.contains("O = ChargeSim CPO, CN = CP-0042"))
        let reread = try CertificateSigningRequest(pem: request.pem)
        #expect(reread.pem == request.pem)
    }

    @Test func requestWithoutOrganizationAndBadInput() throws {
        let key = try PrivateKey(generating: .rsa2048)
        let request = try CertificateSigningRequest(commonName: "CP-1", organization: nil, key: key)
        #expect(request.subject == "CN=CP-1")
        #expect(throws: X509Error.invalidArgument("the common name is empty")) {
            try CertificateSigningRequest(commonName: "", organization: "O", key: key)
        }
        #expect(throws: X509Error.self) { try CertificateSigningRequest(pem: "nothing") }
    }

    @Test func requestMadeByTheOpenSSLToolIsRead() throws {
        let folder = try TemporaryDirectory(prefix: "chargesim-csr")
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("request.csr").path
        let made = try OpenSSLCommand.run([
            "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
            folder.url.appendingPathComponent("request.key").path, "-out", path, "-subj", "/O=Tool/CN=CP-77",
        ])
        #expect(made.exitCode == 0, "\(made.output)")
        let request = try CertificateSigningRequest(pem: String(contentsOfFile: path, encoding: .utf8))
        #expect(request.subjectCommonName == "CP-77")
        #expect(request.hasValidSignature)
    }

    @Test func selfSignedRootVerifiesWithTheOpenSSLTool() throws {
        let folder = try TemporaryDirectory(prefix: "chargesim-ca")
        defer { folder.remove() }
        let authority = try CertificateAuthority.selfSigned(
            commonName: "Embedded CSMS Root", organization: "ChargeSim", key: PrivateKey(), validityDays: 30,
            serialNumber: [0x01, 0x02], now: now)
        let root = authority.certificate
        #expect(root.isCA)
        #expect(root.isSelfSigned)
        #expect(root.subject == "CN=Embedded CSMS Root,O=ChargeSim")
        #expect(root.serialNumberHex == "102")
        #expect(root.notBefore == now)
        #expect(root.notAfter == now.addingTimeInterval(30 * 86_400))
        let file = try folder.write("root.pem", root.pem).path
        let verified = try OpenSSLCommand.run(["verify", "-CAfile", file, file])
        #expect(verified.output == "\(file): OK\n")
    }

    @Test func signedClientCertificateVerifiesWithTheOpenSSLTool() throws {
        let folder = try TemporaryDirectory(prefix: "chargesim-ca")
        defer { folder.remove() }
        let authority = try CertificateAuthority.selfSigned(
            commonName: "Root", key: PrivateKey(), validityDays: 30, now: now)
        let key = try PrivateKey()
        let request = try CertificateSigningRequest(commonName: "CP-0042", organization: "CPO", key: key)
        let issued = try authority.sign(request, validityDays: 7, serialNumber: [0x00, 0xab, 0xcd], now: now)
        #expect(issued.subjectCommonName == "CP-0042")
        #expect(issued.issuer == "CN=Root")
        #expect(issued.serialNumberHex == "abcd")
        #expect(!issued.isCA)
        #expect(issued.matches(key))
        #expect(issued.notAfter == now.addingTimeInterval(7 * 86_400))
        #expect(throws: Never.self) {
            try issued.verify(chain: [], trustedRoots: [authority.certificate], at: now).get()
        }
        let rootFile = try folder.write("root.pem", authority.certificate.pem).path
        let leafFile = try folder.write("leaf.pem", issued.pem).path
        let verified = try OpenSSLCommand.run(["verify", "-purpose", "sslclient", "-CAfile", rootFile, leafFile])
        #expect(verified.output == "\(leafFile): OK\n")
        let usage = try OpenSSLCommand.run([
            "x509", "-noout", "-ext", "extendedKeyUsage,basicConstraints", "-in", leafFile,
        ])
        #expect(usage.output.contains("TLS Web Client Authentication"))
        #expect(usage.output.contains("CA:FALSE"))
    }

    @Test func intermediateAndServerCertificatesVerifyWithTheOpenSSLTool() throws {
        let folder = try TemporaryDirectory(prefix: "chargesim-ca")
        defer { folder.remove() }
        let root = try CertificateAuthority.selfSigned(
            commonName: "Root", key: PrivateKey(), validityDays: 30, now: now)
        let intermediateKey = try PrivateKey(generating: .rsa2048)
        let intermediateCertificate = try root.sign(
            CertificateSigningRequest(commonName: "Sub CA", organization: nil, key: intermediateKey),
            usage: .intermediateAuthority, validityDays: 10, now: now)
        let intermediate = try CertificateAuthority(certificate: intermediateCertificate, key: intermediateKey)
        let server = try intermediate.sign(
            CertificateSigningRequest(commonName: "localhost", organization: nil, key: PrivateKey()),
            usage: .server(dnsNames: ["localhost"], ipAddresses: ["127.0.0.1"]), validityDays: 5, now: now)
        let rootFile = try folder.write("root.pem", root.certificate.pem).path
        let intermediateFile = try folder.write("sub.pem", intermediateCertificate.pem).path
        let serverFile = try folder.write("server.pem", server.pem).path
        let verified = try OpenSSLCommand.run([
            "verify", "-purpose", "sslserver", "-CAfile", rootFile, "-untrusted", intermediateFile, serverFile,
        ])
        #expect(verified.output == "\(serverFile): OK\n")
        let names = try OpenSSLCommand.run(["x509", "-noout", "-ext", "subjectAltName", "-in", serverFile])
        #expect(names.output.contains("DNS:localhost, IP Address:127.0.0.1"))
        #expect(throws: Never.self) {
            try server.verify(chain: [intermediateCertificate], trustedRoots: [root.certificate], at: now).get()
        }
    }

    @Test func tamperedRequestAndMismatchedAuthorityAreRefused() throws {
        let authority = try CertificateAuthority.selfSigned(
            commonName: "Root", key: PrivateKey(), validityDays: 3, now: now)
        let request = try CertificateSigningRequest(commonName: "CP-1", organization: nil, key: PrivateKey())
        let body = request.pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        var der = try #require(Data(base64Encoded: body))
        der[der.count - 1] ^= 0x01
        let tampered = try CertificateSigningRequest(
            pem: "-----BEGIN CERTIFICATE REQUEST-----\n" + der.base64EncodedString(options: .lineLength64Characters)
                + "\n-----END CERTIFICATE REQUEST-----\n")
        #expect(!tampered.hasValidSignature)
        #expect(throws: X509Error.invalidRequestSignature) { try authority.sign(tampered, validityDays: 1, now: now) }
        #expect(throws: X509Error.self) { try authority.sign(request, validityDays: 0, now: now) }
        #expect(throws: X509Error.self) { try authority.sign(request, validityDays: 1, serialNumber: [0], now: now) }
        #expect(throws: X509Error.self) {
            try CertificateAuthority(certificate: authority.certificate, key: PrivateKey())
        }
        let leaf = try authority.sign(request, validityDays: 1, now: now)
        #expect(throws: X509Error.self) { try CertificateAuthority(certificate: leaf, key: authority.key) }
    }
}
