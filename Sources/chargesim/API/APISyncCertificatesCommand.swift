import ArgumentParser
import PublicAPI

/// `chargesim api sync-certificates CP [--type T]`.
struct APISyncCertificatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync-certificates",
        abstract: "Have the back end fetch the charger's installed certificate ids (GetInstalledCertificateIds).")

    /// The types the API syncs (reference §5).
    static let types: [CertificateType] = [
        .v2gRootCertificate, .moRootCertificate, .csmsRootCertificate, .v2gCertificateChain,
        .manufacturerRootCertificate,
    ]

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Option(help: "Only this type (default all): \(Self.types.map(\.rawValue).joined(separator: ", ")).")
    var type: String?

    func validate() throws {
        if let type, !Self.types.contains(CertificateType(rawValue: type)) {
            throw ValidationError(
                "--type must be one of \(Self.types.map(\.rawValue).joined(separator: ", ")); got '\(type)'.")
        }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            try await client.syncCertificates(
                chargePointId: found.id,
                SyncCertificatesBody(certificateType: type.map(CertificateType.init(rawValue:))))
            try output.done("Certificate sync of \(found.network?.id ?? chargePoint) accepted.")
        }
    }
}
