import ArgumentParser
import PublicAPI

/// `chargesim api install-certificate CP --type T`.
struct APIInstallCertificateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install-certificate",
        abstract: "Have the back end install its root certificate of a type on the charger (InstallCertificate).",
        discussion: "The API sends the back end's own certificate of that type; it takes no PEM from the caller.")

    /// The types the API installs (reference §5).
    static let types: [CertificateType] = [
        .v2gRootCertificate, .moRootCertificate, .csmsRootCertificate, .manufacturerRootCertificate,
    ]

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Option(help: "The certificate type: \(Self.types.map(\.rawValue).joined(separator: ", ")).")
    var type: String

    func validate() throws {
        guard Self.types.contains(CertificateType(rawValue: type)) else {
            throw ValidationError(
                "--type must be one of \(Self.types.map(\.rawValue).joined(separator: ", ")); got '\(type)'.")
        }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            try await client.installCertificate(
                chargePointId: found.id, CertificateBody(certificateType: CertificateType(rawValue: type)))
            try output.done("\(type) installation on \(found.network?.id ?? chargePoint) accepted.")
        }
    }
}
