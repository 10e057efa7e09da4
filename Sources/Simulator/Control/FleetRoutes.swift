import Foundation
import Hummingbird
import NIOCore

/// The fleet as a whole: list, add and remove chargers.
enum FleetRoutes {
    struct FleetListing: Encodable {
        var chargers: [ChargerOverview]
        var totalPowerW: Double
    }

    struct NewCharger: Decodable {
        var chargePointId: String
        var profile: String?
    }

    struct Removed: Encodable {
        var removed: String
    }

    static let newChargerSchema = """
        {"type":"object","required":["chargePointId"],"properties":{\
        "chargePointId":{"type":"string","minLength":1,"maxLength":48},\
        "profile":{"type":"string","description":"a profile name the fleet was started with; default: the first"}}}
        """

    static func routes(_ context: ControlContext) -> [ControlRoute] {
        [
            ControlRoute(
                .get, "/chargers", "listChargers", "Every charger with its connectors", tag: "Fleet",
                response: "FleetListing"
            ) { _ in
                let chargers = try await overviews(context.fleet.chargers)
                return ControlCall.json(
                    FleetListing(chargers: chargers, totalPowerW: chargers.reduce(0) { $0 + $1.powerW }))
            },
            ControlRoute(
                .post, "/chargers", "addCharger", "Add a charger and power it on", tag: "Fleet", success: 201,
                failures: [400, 409, 422], bodySchema: newChargerSchema, response: "ChargerOverview"
            ) { call in
                let request = try call.decode(NewCharger.self)
                let id = request.chargePointId
                guard !id.isEmpty, id.count <= 48, !id.contains(where: { "/?#% ".contains($0) }) else {
                    throw ControlFailure.invalid(
                        "chargePointId must be 1 to 48 characters without '/', '?', '#', '%' or spaces")
                }
                let profile: ChargerProfile
                if let name = request.profile {
                    guard let named = context.profiles.first(where: { $0.name == name }) else {
                        throw ControlFailure.invalid(
                            "no profile '\(name)'; this fleet knows "
                                + context.profiles.map(\.name).joined(separator: ", "))
                    }
                    profile = named.profile
                } else {
                    guard let first = context.profiles.first else {
                        throw ControlFailure.invalid("this fleet has no profiles to add chargers from")
                    }
                    profile = first.profile
                }
                let charger: ChargerRuntime
                do {
                    charger = try context.fleet.add(profile: profile, chargePointId: id)
                } catch let error as FleetMembershipError {
                    throw ControlFailure.conflict("duplicate_id", "\(error); pick another chargePointId")
                } catch {
                    throw ControlFailure(
                        status: .serviceUnavailable, code: "state_directory", message: "cannot open its state: \(error)"
                    )
                }
                return ControlCall.json(try await charger.overview().get(), status: .created)
            },
            ControlRoute(
                .get, "/chargers/{chargePointId}", "getCharger", "One charger with its connectors", tag: "Fleet",
                failures: [404], response: "ChargerOverview"
            ) { call in
                let charger = try context.charger(call.parameter("chargePointId"))
                return ControlCall.json(try await charger.overview().get())
            },
            ControlRoute(
                .delete, "/chargers/{chargePointId}", "removeCharger",
                "Stop a charger (its transactions stop with reason Local unless stopTransactions=false) and remove it",
                tag: "Fleet", failures: [404], query: ["stopTransactions"], response: "Removed"
            ) { call in
                let id = call.parameter("chargePointId")
                let stopping = call.query["stopTransactions"] != "false"
                guard let stopped = context.fleet.remove(id, stoppingTransactions: stopping) else {
                    throw ControlFailure.unknownCharger(id)
                }
                try await stopped.get()
                return ControlCall.json(Removed(removed: id))
            },
        ]
    }

    /// The overviews of `chargers`, in order, read with one task per event loop (not one per
    /// charger: a 50k fleet is listed and scraped with a handful of hops).
    static func overviews(_ chargers: [ChargerRuntime]) async throws -> [ChargerOverview] {
        var byLoop: [ObjectIdentifier: (loop: any EventLoop, positions: [Int])] = [:]
        for (position, charger) in chargers.enumerated() {
            byLoop[ObjectIdentifier(charger.eventLoop), default: (charger.eventLoop, [])].positions.append(position)
        }
        var result: [ChargerOverview?] = Array(repeating: nil, count: chargers.count)
        for (loop, positions) in byLoop.values {
            let pinned = positions.map { chargers[$0] }
            let read = try await loop.submit { pinned.map { $0.overviewOnLoop() } }.get()
            for (position, overview) in zip(positions, read) { result[position] = overview }
        }
        return result.compactMap { $0 }
    }
}
