import ArgumentParser
import PublicAPI

/// `chargesim api set-charging-profile CP EVSE --limit L`: a one-period limit.
struct APISetChargingProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-charging-profile",
        abstract: "Limit an EVSE (or, with EVSE 0, the charge point) with a one-period charging profile.")

    /// Rate units.
    enum Unit: String, CaseIterable, ExpressibleByArgument {
        case watts = "W"
        case amperes = "A"
    }

    /// Profile purposes.
    enum Purpose: String, CaseIterable, ExpressibleByArgument {
        case txDefault = "tx-default"
        case tx
        case chargePointMax = "charge-point-max"
    }

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Argument(help: "The EVSE's networkId, 0 for the whole charge point.")
    var evse: Int

    @Option(help: "The limit, in --unit.")
    var limit: Double

    @Option(help: "W or A.")
    var unit: Unit = .watts

    @Option(help: "tx-default, tx or charge-point-max.")
    var purpose: Purpose = .txDefault

    @Option(help: "The profile's stack level.")
    var stackLevel: Int = 1

    @Option(help: "The phases the limit assumes (AC).")
    var phases: Int?

    func validate() throws {
        if !(limit >= 0) { throw ValidationError("--limit must be zero or more, got \(limit).") }
        if evse < 0 { throw ValidationError("EVSE must be 0 (whole charge point) or a networkId.") }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            let profilePurpose: ProfilePurpose
            switch purpose {
            case .txDefault: profilePurpose = .txDefaultProfile
            case .tx: profilePurpose = .txProfile
            case .chargePointMax: profilePurpose = .chargePointMaxProfile
            }
            let body = SetChargingProfileBody(
                stackLevel: stackLevel, chargingProfilePurpose: profilePurpose, chargingProfileKind: .relative,
                chargingSchedule: ChargingScheduleBody(
                    chargingRateUnit: unit == .watts ? .watts : .amperes,
                    chargingSchedulePeriod: [SchedulePeriod(startPeriod: 0, limit: limit, numberPhases: phases)]))
            let installed = try await client.setChargingProfile(chargePointId: found.id, evseNetworkId: evse, body)
            try output.done(
                "Charging profile \(installed.id) installed: \(Table.format(limit)) \(unit.rawValue).",
                json: ["id": .number(Double(installed.id))])
        }
    }
}
