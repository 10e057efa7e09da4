import Foundation
import WebSocket

/// A throwaway certificate authority made with the `openssl` command-line tool in a fresh
/// temporary folder at test time: a self-signed CA (EC P-256) that issues server certificates
/// (with DNS and IP subject alternative names, optionally already expired) and client
/// certificates with a chosen common name, and intermediate authorities that do the same.
/// Everything is a PEM file path.
///
/// Each issue call uses its own `openssl ca` database, so parallel tests may share one authority.
public struct TestCertificateAuthority: Sendable {
    /// A certificate and its unencrypted private key.
    public struct Issued: Sendable, Equatable {
        /// The PEM certificate, the leaf alone.
        public let certificateFile: String
        /// The leaf followed by the intermediate CAs up to (not including) the root; the same
        /// content as `certificateFile` when a root issued it.
        public let chainFile: String
        /// The PEM private key.
        public let privateKeyFile: String

        /// The chain and key as a ``TLSConfiguration`` takes them.
        public var certificateFiles: TLSConfiguration.CertificateFiles {
            TLSConfiguration.CertificateFiles(certificateChainFile: chainFile, privateKeyFile: privateKeyFile)
        }
    }

    /// Why an `openssl` command failed, with everything it printed.
    public struct CommandFailed: Error, CustomStringConvertible {
        public let arguments: [String]
        public let exitCode: Int32
        public let output: String
        public var description: String {
            "openssl \(arguments.joined(separator: " ")) exited \(exitCode): \(output)"
        }
    }

    /// The folder holding every file of this authority.
    public let directory: String
    /// The CA certificate: for a root, the trust root to configure.
    public let certificateFile: String
    /// The CA's private key (PEM), for a central system that signs with this CA.
    public let privateKeyFile: String
    /// This CA's certificate and its parents' up to (not including) the root; empty for a root.
    private let intermediateFiles: [String]

    /// Creates a new CA named `commonName` in a new temporary folder.
    public init(commonName: String = "ChargeSim Test CA") throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("chargesim-ca-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory
        self.certificateFile = directory + "/ca.pem"
        self.privateKeyFile = directory + "/ca.key"
        self.intermediateFiles = []
        try Self.openssl(
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", privateKeyFile, "-out", certificateFile, "-days", "2", "-subj", "/CN=\(commonName)",
                "-addext", "basicConstraints=critical,CA:true",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign",
            ], in: directory)
    }

    /// Issues a server certificate for `dnsNames` and `ipAddresses` (subject alternative names).
    /// With `expired`, its validity ended in 2020 (made with `openssl ca -startdate/-enddate`).
    public func issueServerCertificate(
        commonName: String = "localhost",
        dnsNames: [String] = ["localhost"],
        ipAddresses: [String] = ["127.0.0.1"],
        expired: Bool = false
    ) throws -> Issued {
        let names = dnsNames.map { "DNS:\($0)" } + ipAddresses.map { "IP:\($0)" }
        return try issue(
            commonName: commonName, subjectAltNames: names, extensions: Self.leaf(usage: "serverAuth"),
            expired: expired)
    }

    /// Issues a client certificate whose subject common name is `commonName` (for OCPP security
    /// profile 3, the charge point identity).
    public func issueClientCertificate(commonName: String, expired: Bool = false) throws -> Issued {
        try issue(
            commonName: commonName, subjectAltNames: [], extensions: Self.leaf(usage: "clientAuth"), expired: expired)
    }

    /// Issues a firmware signing certificate (security extension L01: the `signingCertificate`
    /// of SignedUpdateFirmware), an EC P-256 key with `codeSigning` usage.
    public func issueFirmwareSigningCertificate(commonName: String = "ChargeSim Firmware Signer") throws -> Issued {
        try issue(
            commonName: commonName, subjectAltNames: [],
            extensions: [
                "basicConstraints = critical, CA:false", "keyUsage = critical, digitalSignature",
                "extendedKeyUsage = codeSigning",
            ], expired: false)
    }

    /// The base64 SHA-256 signature of `data` by `issued`'s private key, made by
    /// `openssl dgst -sha256 -sign`: the `signature` of SignedUpdateFirmware.
    public func signature(of data: [UInt8], by issued: Issued) throws -> String {
        let stem = directory + "/" + UUID().uuidString
        try Data(data).write(to: URL(fileURLWithPath: stem + ".bin"))
        try Self.openssl(
            ["dgst", "-sha256", "-sign", issued.privateKeyFile, "-out", stem + ".sig", stem + ".bin"], in: directory)
        return try Data(contentsOf: URL(fileURLWithPath: stem + ".sig")).base64EncodedString()
    }

    /// Issues an intermediate CA signed by this one, in its own folder. What it issues chains to
    /// this authority's root through ``Issued/chainFile``.
    public func issueIntermediateAuthority(commonName: String = "ChargeSim Test Intermediate CA") throws
        -> TestCertificateAuthority
    {
        let issued = try issue(
            commonName: commonName, subjectAltNames: [],
            extensions: ["basicConstraints = critical, CA:true", "keyUsage = critical, keyCertSign, cRLSign"],
            expired: false)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("chargesim-ca-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return TestCertificateAuthority(
            directory: directory, certificateFile: issued.certificateFile, privateKeyFile: issued.privateKeyFile,
            intermediateFiles: [issued.certificateFile] + intermediateFiles)
    }

    private init(directory: String, certificateFile: String, privateKeyFile: String, intermediateFiles: [String]) {
        self.directory = directory
        self.certificateFile = certificateFile
        self.privateKeyFile = privateKeyFile
        self.intermediateFiles = intermediateFiles
    }

    /// Deletes the folder and every file in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func leaf(usage: String) -> [String] {
        [
            "basicConstraints = critical, CA:false", "keyUsage = critical, digitalSignature, keyEncipherment",
            "extendedKeyUsage = \(usage)",
        ]
    }

    private func issue(
        commonName: String, subjectAltNames: [String], extensions: [String], expired: Bool
    ) throws -> Issued {
        let stem = directory + "/" + UUID().uuidString
        let issued = Issued(
            certificateFile: stem + ".pem", chainFile: stem + "-chain.pem", privateKeyFile: stem + ".key")
        var request = [
            "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", issued.privateKeyFile, "-out", stem + ".csr", "-subj", "/CN=\(commonName)",
        ]
        if !subjectAltNames.isEmpty {
            request += ["-addext", "subjectAltName=" + subjectAltNames.joined(separator: ",")]
        }
        try Self.openssl(request, in: directory)

        try sign(requestFile: stem + ".csr", stem: stem, extensions: extensions, expired: expired)
        return issued
    }

    /// Signs a PEM certificate signing request made elsewhere (a charge point's SignCertificate.req)
    /// as a client certificate with `openssl ca`, keeping the request's subject. Returns the PEM
    /// chain, leaf first, followed by this authority's intermediates: what CertificateSigned.req
    /// carries. With `expired`, the validity ended in 2020.
    public func signRequest(_ requestPEM: String, expired: Bool = false) throws -> String {
        let stem = directory + "/" + UUID().uuidString
        try requestPEM.write(toFile: stem + ".csr", atomically: true, encoding: .utf8)
        try sign(requestFile: stem + ".csr", stem: stem, extensions: Self.leaf(usage: "clientAuth"), expired: expired)
        return try String(contentsOfFile: stem + "-chain.pem", encoding: .utf8)
    }

    /// Signs `requestFile` into `<stem>.pem` and `<stem>-chain.pem` (leaf, then intermediates).
    private func sign(requestFile: String, stem: String, extensions: [String], expired: Bool) throws {
        // A private database per certificate keeps concurrent issues apart.
        try "".write(toFile: stem + ".index", atomically: true, encoding: .utf8)
        try String(format: "%016llX\n", UInt64.random(in: 1...UInt64.max >> 1))
            .write(toFile: stem + ".serial", atomically: true, encoding: .utf8)
        let config = """
            [ca]
            default_ca = test_ca
            [test_ca]
            database = \(stem).index
            serial = \(stem).serial
            new_certs_dir = \(directory)
            default_md = sha256
            policy = any_policy
            copy_extensions = copy
            unique_subject = no
            [any_policy]
            organizationName = optional
            commonName = supplied
            [issued]
            \(extensions.joined(separator: "\n"))

            """
        try config.write(toFile: stem + ".cnf", atomically: true, encoding: .utf8)
        var signing = [
            "ca", "-batch", "-notext", "-config", stem + ".cnf", "-extensions", "issued",
            "-cert", certificateFile, "-keyfile", privateKeyFile, "-in", requestFile, "-out", stem + ".pem",
        ]
        // Valid from ten minutes ago, for two days: a test whose clock started before the
        // certificate was issued (in an earlier second, on a busy machine) still finds it valid.
        let start = Date().addingTimeInterval(-600)
        signing +=
            expired
            ? ["-startdate", "20200101000000Z", "-enddate", "20200102000000Z"]
            : [
                "-startdate", Self.asn1Time(start), "-enddate",
                Self.asn1Time(start.addingTimeInterval(2 * 86_400)),
            ]
        try Self.openssl(signing, in: directory)
        var chain = try String(contentsOfFile: stem + ".pem", encoding: .utf8)
        for intermediate in intermediateFiles {
            chain += try String(contentsOfFile: intermediate, encoding: .utf8)
        }
        try chain.write(toFile: stem + "-chain.pem", atomically: true, encoding: .utf8)
    }

    /// `YYYYMMDDHHMMSSZ`, the form `openssl ca -startdate/-enddate` takes.
    private static func asn1Time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss'Z'"
        return formatter.string(from: date)
    }

    private static func openssl(_ arguments: [String], in directory: String) throws {
        let outcome = try OpenSSLCommand.run(arguments, in: directory)
        guard outcome.exitCode == 0 else {
            throw CommandFailed(arguments: arguments, exitCode: outcome.exitCode, output: outcome.output)
        }
    }
}
