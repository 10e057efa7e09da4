import Foundation
import Hummingbird
import OCPP16
import PublicAPI

/// Sends an action's OCPP call and maps whatever goes wrong to the documented 406 (reference §5:
/// "406 on Rejected/NotSupported/offline"), with a message saying which.
enum ActionCommand {
    /// The typed answer of `request` from `chargePoint`, or a 406 saying why there is none.
    static func send<R: OCPPRequest>(_ request: R, to chargePoint: ChargePointRecord, _ deps: APIDependencies)
        async throws(APIFailure) -> R.Response
    {
        do {
            return try await deps.commands.send(request, to: chargePoint.ocppIdentity, timeout: deps.commandTimeout)
        } catch {
            throw failure(error, action: R.action)
        }
    }

    /// Sends `request` and requires the answer's `status` to be `accepted`; any other status is a
    /// 406 naming it.
    static func sendAccepted<R: OCPPRequest, Status: RawRepresentable & Equatable>(
        _ request: R, to chargePoint: ChargePointRecord, _ deps: APIDependencies,
        status: (R.Response) -> Status, accepted: Status
    ) async throws(APIFailure) -> R.Response where Status.RawValue == String {
        let answer = try await send(request, to: chargePoint, deps)
        guard status(answer) == accepted else {
            throw rejected(chargePoint, action: R.action, status: status(answer).rawValue)
        }
        return answer
    }

    /// One message per `ChargePointCommandError` case.
    static func failure(_ error: ChargePointCommandError, action: String) -> APIFailure {
        switch error {
        case .offline(let id):
            return .notAcceptable("Charge point \(id) is offline; \(action) was not sent.")
        case .timedOut(let id, let action):
            return .notAcceptable("Charge point \(id) did not answer \(action) in time.")
        case .callError(let id, let code, let description):
            let detail = description.isEmpty ? "" : ": \(description)"
            return .notAcceptable("Charge point \(id) answered \(action) with CALLERROR \(code.wire)\(detail).")
        case .failed(let id, let reason):
            return .notAcceptable("\(action) to charge point \(id) failed: \(reason).")
        }
    }

    /// 406 for a typed answer whose status is not Accepted.
    static func rejected(_ chargePoint: ChargePointRecord, action: String, status: String) -> APIFailure {
        .notAcceptable("Charge point \(chargePoint.ocppIdentity) rejected \(action) (status \(status)).")
    }

    /// A bounded OCPP string from an API field, 422 naming the field when it is too long.
    static func bounded<Limit: StringLengthLimit>(_ value: String, field: String) throws(APIFailure)
        -> BoundedString<Limit>
    {
        do {
            return try BoundedString<Limit>(value, field: field)
        } catch {
            throw .invalid(field, "The \(field) may not be greater than \(Limit.maxLength) characters.")
        }
    }

    /// The EVSE of `chargePoint` whose networkId is the path's `{name}`, or 404.
    static func evse(_ call: APICall, _ name: String, of chargePoint: ChargePointRecord, _ store: Store)
        async throws -> EVSERecord
    {
        guard let text = call.parameters[name], let networkId = Int(text), networkId >= 0,
            let evse = try await store.evse(chargePointId: chargePoint.id ?? 0, networkId: networkId)
        else { throw APIFailure.notFound("Evse") }
        return evse
    }

    /// A charge point by row id (for EVSE- and reservation-addressed actions).
    static func chargePoint(id: Int64, _ store: Store) async throws -> ChargePointRecord {
        guard let record = try await store.chargePoint(id: id) else { throw APIFailure.notFound("ChargePoint") }
        return record
    }

    /// 202 with `{"success": true}`.
    static func accepted() throws -> Response {
        try APIResponse.json(ActionResult(success: true), status: .accepted)
    }
}
