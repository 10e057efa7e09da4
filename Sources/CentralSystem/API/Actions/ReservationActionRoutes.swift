import Foundation
import Hummingbird
import OCPP16
import PublicAPI

/// Reserve and cancel-reservation actions (reference §5): ReserveNow / CancelReservation.
enum ReservationActionRoutes {
    /// How long a reservation holds ([INF]: AMPECO's `reservationTime` setting, default here 15 min).
    static let durationMinutes = 15

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        return [
            APIRoute(
                .post, "/public-api/actions/charge-point/v1.0/{chargePoint}/reserve/{evse}", "reserveEVSE",
                "Reserve an EVSE for a user (ReserveNow)", tag: "Reservation actions", success: 202,
                failures: [404, 406, 422], bodySchema: ActionBodySchemas.reserve, response: ReserveResult.openAPISchema
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let evse = try await ActionCommand.evse(call, "evse", of: chargePoint, store)
                let body = try call.decode(ReserveBody.self)
                guard body.userId > 0 else { throw APIFailure.invalid("userId", "The selected userId is invalid.") }
                let now = deps.now()
                // [INF] No users here: the reservation's id tag is `U` + the user id.
                let idTag = "U\(body.userId)"
                let reservation = try await store.addReservation(
                    chargePointId: chargePoint.id ?? 0, evseId: evse.id ?? 0, userId: Int64(body.userId), idTag: idTag,
                    durationMinutes: durationMinutes, now: now)
                let reservationId = reservation.id ?? 0
                let request = ReserveNowRequest(
                    connectorId: evse.networkId,
                    expiryDate: OCPPTimestamp(
                        millisecondsSince1970: now.millisecondsSince1970 + Int64(durationMinutes) * 60_000),
                    idTag: CiString20(truncating: idTag), reservationId: Int(reservationId))
                do {
                    _ = try await ActionCommand.sendAccepted(
                        request, to: chargePoint, deps, status: \.status, accepted: .accepted)
                } catch {
                    _ = try await store.setReservationStatus(id: reservationId, .canceled, now: deps.now())
                    throw error
                }
                deps.notify(.reservationChanged(id: reservationId, status: .active, now: deps.now()))
                return try APIResponse.json(
                    ReserveResult(success: true, reservationId: Int(reservationId)), status: .accepted)
            },
            APIRoute(
                .post, "/public-api/actions/reservation/v1.0/{reservation}/cancel", "cancelReservation",
                "Cancel a reservation (CancelReservation); force cancels whatever the charger answers",
                tag: "Reservation actions", success: 202, failures: [404, 406, 422],
                bodySchema: ActionBodySchemas.cancel, response: nil
            ) { call in
                guard
                    let reservation = try await store.reservation(id: try call.id("reservation", model: "Reservation")),
                    let reservationId = reservation.id
                else { throw APIFailure.notFound("Reservation") }
                let body = try call.decode(CancelReservationBody.self, emptyAs: CancelReservationBody())
                guard reservation.status == .active else {
                    throw APIFailure.notAcceptable(
                        "Reservation \(reservationId) is not active (\(reservation.status.rawValue)).")
                }
                let chargePoint = try await ActionCommand.chargePoint(id: reservation.chargePointId, store)
                do {
                    let answer = try await ActionCommand.send(
                        CancelReservationRequest(reservationId: Int(reservationId)), to: chargePoint, deps)
                    guard answer.status == .accepted else {
                        throw ActionCommand.rejected(
                            chargePoint, action: CancelReservationRequest.action, status: answer.status.rawValue)
                    }
                } catch {
                    guard body.force == true else { throw error }
                }
                _ = try await store.setReservationStatus(id: reservationId, .canceled, now: deps.now())
                deps.notify(.reservationChanged(id: reservationId, status: .canceled, now: deps.now()))
                return APIResponse.empty(.accepted)
            },
        ]
    }
}
