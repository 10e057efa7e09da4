import Foundation
import WebSocket

/// A throwaway certificate authority made with the `openssl` command-line tool in a fresh
/// temporary folder at test time: a self-signed CA (EC P-256) that issues server certificates
/// (with DNS and IP subject alternative names, optionally already expired) and client
/// certificates with a chosen common name. Everything is a PEM file path.
///
/// Each issue call uses its own `openssl ca` database, so parallel tests may share one authority.
public struct TestCertificateAuthority: Sendable {
    /// A certificate and its unencrypted private key.
    public struct Issued: Sendable, Equatable {
        /// The PEM certificate (the leaf only; the CA is ``TestCertificateAuthority/certificateFile``).
        public let certificateFile: String
        /// The PEM private key.
        public let privateKeyFile: String

        /// The pair as a ``TLSConfiguration`` takes it.
        public var certificateFiles: TLSConfiguration.CertificateFiles {
            TLSConfiguration.CertificateFiles(certificateChainFile: certificateFile, privateKeyFile: privateKeyFile)
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
    /// The CA certificate, to use as a trust root.
    public let certificateFile: String
    private let privateKeyFile: String

    /// Creates a new CA named `commonName` in a new temporary folder.
    public init(commonName: String = "ChargeSim Test CA") throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("chargesim-ca-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory
        self.certificateFile = directory + "/ca.pem"
        self.privateKeyFile = directory + "/ca.key"
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
            commonName: commonName, subjectAltNames: names, extendedKeyUsage: "serverAuth", expired: expired)
    }

    /// Issues a client certificate whose subject common name is `commonName` (for OCPP security
    /// profile 3, the charge point identity).
    public func issueClientCertificate(commonName: String, expired: Bool = false) throws -> Issued {
        try issue(commonName: commonName, subjectAltNames: [], extendedKeyUsage: "clientAuth", expired: expired)
    }

    /// Deletes the folder and every file in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func issue(
        commonName: String, subjectAltNames: [String], extendedKeyUsage: String, expired: Bool
    ) throws -> Issued {
        let stem = directory + "/" + UUID().uuidString
        let issued = Issued(certificateFile: stem + ".pem", privateKeyFile: stem + ".key")
        var request = [
            "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", issued.privateKeyFile, "-out", stem + ".csr", "-subj", "/CN=\(commonName)",
        ]
        if !subjectAltNames.isEmpty {
            request += ["-addext", "subjectAltName=" + subjectAltNames.joined(separator: ",")]
        }
        try Self.openssl(request, in: directory)

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
            commonName = supplied
            [leaf]
            basicConstraints = critical, CA:false
            keyUsage = critical, digitalSignature, keyEncipherment
            extendedKeyUsage = \(extendedKeyUsage)

            """
        try config.write(toFile: stem + ".cnf", atomically: true, encoding: .utf8)
        var signing = [
            "ca", "-batch", "-notext", "-config", stem + ".cnf", "-extensions", "leaf",
            "-cert", certificateFile, "-keyfile", privateKeyFile, "-in", stem + ".csr", "-out", issued.certificateFile,
        ]
        signing += expired ? ["-startdate", "20200101000000Z", "-enddate", "20200102000000Z"] : ["-days", "2"]
        try Self.openssl(signing, in: directory)
        return issued
    }

    private static func openssl(_ arguments: [String], in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(
                arguments: arguments, exitCode: process.terminationStatus,
                output: String(decoding: printed, as: UTF8.self))
        }
    }
}
