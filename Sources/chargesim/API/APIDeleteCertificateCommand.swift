import ArgumentParser
import PublicAPI

/// `chargesim api delete-certificate CP --type T`.
struct APIDeleteCertificateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete-certificate",
        abstract: "Have the charger delete its installed certificates of a type (DeleteCertificate).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Option(help: "The certificate type: \(CertificateType.knownCases.map(\.rawValue).joined(separator: ", ")).")
    var type: String

    func validate() throws {
        guard CertificateType(rawValue: type).isKnown else {
            throw ValidationError(
                "--type must be one of \(CertificateType.knownCases.map(\.rawValue).joined(separator: ", ")); got '\(type)'."
            )
        }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            try await client.deleteCertificate(
                chargePointId: found.id, CertificateBody(certificateType: CertificateType(rawValue: type)))
            try output.done("\(type) deletion on \(found.network?.id ?? chargePoint) accepted.")
        }
    }
}
