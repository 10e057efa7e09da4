import ArgumentParser
import PublicAPI

/// `chargesim api cancel-reservation ID`.
struct APICancelReservationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel-reservation", abstract: "Cancel a reservation (CancelReservation).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The reservation id.")
    var id: Int

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            try await client.cancelReservation(id)
            try output.done("Reservation \(id) cancelled.")
        }
    }
}
