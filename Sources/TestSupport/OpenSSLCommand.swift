import Foundation

/// Runs the `openssl` command-line tool, for tests that cross-check what the package computes
/// with OpenSSL's own commands (`openssl ocsp`, `openssl req -verify`, `openssl verify`, ...).
public enum OpenSSLCommand {
    /// What a finished `openssl` command printed (stdout and stderr together) and its exit code.
    public struct Outcome: Sendable, Equatable {
        public var exitCode: Int32
        public var output: String
    }

    /// Runs `openssl` with `arguments` in `directory` (this process's when nil), with `input` as
    /// its standard input. The child ends by itself in moments, so this blocks until it did.
    public static func run(_ arguments: [String], input: String = "", in directory: String? = nil) throws -> Outcome {
        let folder = try TemporaryDirectory(prefix: "chargesim-openssl")
        defer { folder.remove() }
        let inputFile = try folder.write("stdin", input)
        let outputFile = folder.url.appendingPathComponent("output")
        let child = try ChildProcess(
            executable: "/usr/bin/env", arguments: (directory.map { ["-C", $0] } ?? []) + ["openssl"] + arguments,
            standardInput: .file(inputFile.path), standardOutput: .file(outputFile.path), standardError: .standardOutput
        )
        let status = child.waitForStatus()
        let printed = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        return Outcome(exitCode: status, output: printed)
    }

    /// The OCSP `CertID` fields `openssl ocsp -req_text` prints for `certificateFile` issued by
    /// `issuerFile` with `digest` (`"sha256"`, ...): the OCPP security extension's hash data,
    /// computed by OpenSSL's command-line tool. Hex as printed (uppercase).
    public static func certificateID(
        certificateFile: String, issuerFile: String, digest: String
    ) throws -> (issuerNameHash: String, issuerKeyHash: String, serialNumber: String) {
        let outcome = try run([
            "ocsp", "-\(digest)", "-issuer", issuerFile, "-cert", certificateFile, "-no_nonce", "-req_text",
            "-reqout", "/dev/null",
        ])
        // Long hex values are wrapped with a trailing backslash.
        let text = outcome.output.replacingOccurrences(of: "\\\n", with: "")
        func field(_ label: String) -> String {
            for line in text.split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix(label + ":") {
                    return trimmed.dropFirst(label.count + 1).trimmingCharacters(in: .whitespaces)
                }
            }
            return ""
        }
        return (field("Issuer Name Hash"), field("Issuer Key Hash"), field("Serial Number"))
    }
}
