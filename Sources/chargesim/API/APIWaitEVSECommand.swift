import ArgumentParser
import PublicAPI

/// `chargesim api wait evse CP EVSE STATUS`.
struct APIWaitEVSECommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evse", abstract: "Wait until an EVSE reports a hardware status.")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "The EVSE's networkId.")
    var evse: Int

    @Argument(
        help: "available, preparing, charging, suspendedEV, suspendedEVSE, finishing, reserved, unavailable, faulted.")
    var status: String

    @Option(help: "Seconds to wait.")
    var timeout: Double = 60

    func validate() throws {
        guard EVSEHardwareStatus(rawValue: status).isKnown else {
            throw ValidationError(
                "STATUS must be one of \(EVSEHardwareStatus.knownCases.map(\.rawValue).joined(separator: ", ")).")
        }
        if !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            let reached = try await client.waitForEVSE(
                chargePointId: found.id, evseNetworkId: evse, status: EVSEHardwareStatus(rawValue: status),
                timeout: .milliseconds(Int64(timeout * 1000)))
            try output.show(reached) { .evses([reached], identities: [found.id: found.network?.id ?? ""]) }
        }
    }
}
