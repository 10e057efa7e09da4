import Foundation
import Hummingbird
import OCPP16
import PublicAPI

/// Start and stop actions (reference §5): RemoteStartTransaction / RemoteStopTransaction.
enum SessionActionRoutes {
    static let chargePointBase = "/public-api/actions/charge-point/v1.0/{chargePoint}"

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        return [
            APIRoute(
                .post, "\(chargePointBase)/start/{evse}", "startSessionOnEVSE",
                "Start a session on an EVSE (RemoteStartTransaction, connectorId = EVSE networkId)",
                tag: "Session actions", success: 202, failures: [404, 406, 422], bodySchema: ActionBodySchemas.start,
                response: StartSessionResult.openAPISchema
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let evse = try await ActionCommand.evse(call, "evse", of: chargePoint, store)
                return try await start(call, chargePoint: chargePoint, evse: evse, withSessionId: true, deps)
            },
            APIRoute(
                .post, "\(chargePointBase)/start", "startSession",
                "Start a session, the charge point picks the EVSE (RemoteStartTransaction)", tag: "Session actions",
                success: 202, failures: [404, 406, 422], bodySchema: ActionBodySchemas.startWithoutEVSE,
                response: StartSessionResult.openAPISchema
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                return try await start(call, chargePoint: chargePoint, evse: nil, withSessionId: false, deps)
            },
            APIRoute(
                .post, "/public-api/actions/evse/v1.0/{evse}/start", "startSessionByEVSEId",
                "Start a session on an EVSE by its system id", tag: "Session actions", success: 202,
                failures: [404, 406, 422], bodySchema: ActionBodySchemas.start,
                response: StartSessionResult.openAPISchema
            ) { call in
                guard let evse = try await store.evse(id: try call.id("evse", model: "Evse")) else {
                    throw APIFailure.notFound("Evse")
                }
                let chargePoint = try await ActionCommand.chargePoint(id: evse.chargePointId, store)
                return try await start(call, chargePoint: chargePoint, evse: evse, withSessionId: true, deps)
            },
            APIRoute(
                .post, "\(chargePointBase)/stop/{session}", "stopSession",
                "Stop a session (RemoteStopTransaction); force ends it whatever the charger answers",
                tag: "Session actions", success: 202, failures: [404, 406, 422], bodySchema: ActionBodySchemas.force,
                response: nil
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                guard let session = try await store.session(id: try call.id("session", model: "Session")),
                    session.chargePointId == chargePoint.id, let sessionId = session.id
                else { throw APIFailure.notFound("Session") }
                let body = try call.decode(StopSessionBody.self, emptyAs: StopSessionBody())
                guard session.status == .active else {
                    throw APIFailure.notAcceptable("Session \(sessionId) is not active (\(session.status.rawValue)).")
                }
                let request = RemoteStopTransactionRequest(transactionId: session.transactionId)
                do {
                    let answer = try await ActionCommand.send(request, to: chargePoint, deps)
                    if answer.status != .accepted {
                        throw ActionCommand.rejected(
                            chargePoint, action: RemoteStopTransactionRequest.action, status: answer.status.rawValue)
                    }
                } catch {
                    guard body.force == true else { throw error }
                    _ = try await store.forceStopSession(id: sessionId, now: deps.now())
                }
                return APIResponse.empty(.accepted)
            },
        ]
    }

    /// The shared start: validates the body, logs an admin authorization (creating the `*…` id tag
    /// when none is given), sends RemoteStartTransaction and, on Accepted, waits briefly for the
    /// charger's StartTransaction to learn the `sessionId`.
    static func start(
        _ call: APICall, chargePoint: ChargePointRecord, evse: EVSERecord?, withSessionId: Bool,
        _ deps: APIDependencies
    ) async throws -> Response {
        let store = deps.store
        let body = try call.decode(StartSessionBody.self, emptyAs: StartSessionBody())
        if body.paymentMethodId != nil, body.userId == nil {
            throw APIFailure.invalid("paymentMethodId", "The paymentMethodId needs a userId.")
        }
        if let idTag = body.idTag, idTag.isEmpty || idTag.utf8.count > 20 {
            throw APIFailure.invalid("idTag", "The idTag must be 1 to 20 characters.")
        }
        if let connectorId = body.connectorId, connectorId < 1 {
            throw APIFailure.invalid("connectorId", "The connectorId must be at least 1.")
        }
        let connectorId = evse?.networkId ?? body.connectorId
        var profile: ChargingProfile?
        if let requested = body.chargingProfile {
            guard withSessionId else {
                throw APIFailure.invalid("chargingProfile", "A charging profile needs an EVSE to start on.")
            }
            profile = try ChargingProfileConversion.profile(
                requested, id: deps.makeRequestId(), field: "chargingProfile.")
        }
        if let evse, let evseId = evse.id, try await store.activeSession(evseId: evseId) != nil {
            return try APIResponse.json(
                StartSessionResult(
                    success: false, message: "A session is already running on this EVSE.", errorCode: .sessionExists),
                status: .accepted)
        }
        let authorization = try await store.recordRemoteStart(
            idTag: body.idTag, chargePointId: chargePoint.id ?? 0, now: deps.now())
        let authorizationId = authorization.id ?? 0
        deps.notify(.authorizationChanged(authorization, action: "created"))
        let request = RemoteStartTransactionRequest(
            connectorId: connectorId, idTag: CiString20(truncating: authorization.idTag), chargingProfile: profile)
        do {
            let answer = try await ActionCommand.send(request, to: chargePoint, deps)
            if answer.status != .accepted {
                throw ActionCommand.rejected(
                    chargePoint, action: RemoteStartTransactionRequest.action, status: answer.status.rawValue)
            }
        } catch let failure as APIFailure {
            if let rejected = try await store.rejectAuthorization(
                id: authorizationId, reason: failure.body?.message ?? "remote start failed", now: deps.now())
            {
                deps.notify(.authorizationChanged(rejected, action: "updated"))
            }
            throw failure
        }
        var sessionId: Int?
        if withSessionId {
            sessionId = try await waitForSession(
                chargePointId: chargePoint.id ?? 0, idTag: authorization.idTag, deps: deps)
        }
        return try APIResponse.json(
            StartSessionResult(success: true, sessionId: sessionId, authorizationId: Int(authorizationId)),
            status: .accepted)
    }

    /// Polls the store for the session the charger opens, up to `startSessionWait`.
    static func waitForSession(chargePointId: Int64, idTag: String, deps: APIDependencies) async throws -> Int? {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: deps.startSessionWait)
        while true {
            if let session = try await deps.store.activeSession(chargePointId: chargePointId, idTag: idTag),
                let id = session.id
            {
                return Int(id)
            }
            guard clock.now < deadline else { return nil }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
