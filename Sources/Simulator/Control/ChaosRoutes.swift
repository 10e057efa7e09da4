import Foundation
import Hummingbird
import OCPP16

/// Chaos on demand (issue 10): a fleet-wide blackout or surge, and one fault injected into one
/// charger. The same operations a `--chaos` file schedules, for test suites that want them at a
/// moment of their choosing.
enum ChaosRoutes {
    struct BlackoutRequest: Decodable {
        var durationSeconds: Double
        var reconnectJitterSeconds: Double?
    }

    struct BlackoutAnswer: Encodable {
        var dropped: Int
        var durationSeconds: Double
        var reconnectJitterSeconds: Double
    }

    struct SurgeRequest: Decodable {
        var count: Int
    }

    struct SurgeAnswer: Encodable {
        var requested: Int
        var started: [String]
    }

    /// One fault for one charger; `kind` names a ``ChaosFault`` case.
    struct InjectRequest: Decodable {
        var kind: String
        var connectorId: Int?
        var errorCode: String?
        var vendorErrorCode: String?
        var durationSeconds: Double?
        var reconnectAfterSeconds: Double?
        var answer: String?
        var delaySeconds: Double?
        var count: Int?
    }

    struct Injected: Encodable {
        var chargePointId: String
        var kind: String
    }

    static let kinds = [
        "connectorFault", "evSuspended", "connectionDrop", "halfOpen", "reboot", "malformedFrame", "answers",
    ]
    static let answers = ["slow", "missing", "callError", "malformed"]

    static let blackoutSchema = """
        {"type":"object","required":["durationSeconds"],"properties":{\
        "durationSeconds":{"type":"number","minimum":0,"maximum":86400},\
        "reconnectJitterSeconds":{"type":"number","minimum":0,"maximum":3600}}}
        """
    static let surgeSchema = """
        {"type":"object","required":["count"],"properties":{"count":{"type":"integer","minimum":1}}}
        """
    static let injectSchema = """
        {"type":"object","required":["kind"],"properties":{\
        "kind":{"type":"string","enum":[\(kinds.map { "\"\($0)\"" }.joined(separator: ","))]},\
        "connectorId":{"type":"integer","minimum":1},\
        "errorCode":{"type":"string"},"vendorErrorCode":{"type":"string","maxLength":255},\
        "durationSeconds":{"type":"number","minimum":0},"reconnectAfterSeconds":{"type":"number","minimum":0},\
        "answer":{"type":"string","enum":[\(answers.map { "\"\($0)\"" }.joined(separator: ","))]},\
        "delaySeconds":{"type":"number","minimum":0},"count":{"type":"integer","minimum":1}}}
        """

    static func routes(_ context: ControlContext) -> [ControlRoute] {
        [
            ControlRoute(
                .post, "/fleet/blackout", "blackout",
                "Every charger drops its connection and comes back after durationSeconds plus a seeded jitter",
                tag: "Chaos", failures: [400, 422], bodySchema: blackoutSchema, response: "BlackoutAnswer"
            ) { call in
                let request = try call.decode(BlackoutRequest.self)
                let jitter = request.reconnectJitterSeconds ?? 0
                guard (0...86_400).contains(request.durationSeconds), (0...3_600).contains(jitter) else {
                    throw ControlFailure.invalid(
                        "durationSeconds must be 0 to 86400 and reconnectJitterSeconds 0 to 3600")
                }
                let count = context.fleet.chargers.count
                guard count > 0 else { throw ControlFailure.conflict("empty_fleet", "the fleet has no chargers") }
                try await context.fleet.blackout(
                    for: seconds(request.durationSeconds), reconnectJitter: seconds(jitter)
                )
                .get()
                return ControlCall.json(
                    BlackoutAnswer(
                        dropped: count, durationSeconds: request.durationSeconds, reconnectJitterSeconds: jitter))
            },
            ControlRoute(
                .post, "/fleet/surge", "surge",
                "count chargers (seeded pick among those with a free connector) start a session at once",
                tag: "Chaos", failures: [400, 422], bodySchema: surgeSchema, response: "SurgeAnswer"
            ) { call in
                let request = try call.decode(SurgeRequest.self)
                guard request.count >= 1 else { throw ControlFailure.invalid("count must be at least 1") }
                let started = try await context.fleet.surge(request.count)
                return ControlCall.json(SurgeAnswer(requested: request.count, started: started))
            },
            ControlRoute(
                .post, "/chargers/{chargePointId}/chaos", "injectFault",
                "Inject one fault: connectorFault, evSuspended, connectionDrop, halfOpen, reboot, malformedFrame or answers",
                tag: "Chaos", failures: [400, 404, 422], bodySchema: injectSchema, response: "Injected"
            ) { call in
                let charger = try context.charger(call.parameter("chargePointId"))
                let request = try call.decode(InjectRequest.self)
                try await charger.inject(try fault(request)).get()
                return ControlCall.json(Injected(chargePointId: charger.chargePointId, kind: request.kind))
            },
        ]
    }

    /// The ``ChaosFault`` a request names, or a 422 saying which field is missing or wrong.
    static func fault(_ request: InjectRequest) throws(ControlFailure) -> ChaosFault {
        let connectorId = request.connectorId ?? 1
        let duration = seconds(request.durationSeconds ?? 10)
        let reconnectAfter = seconds(request.reconnectAfterSeconds ?? 1)
        switch request.kind {
        case "connectorFault":
            guard let name = request.errorCode, let code = ChargePointErrorCode(rawValue: name), code != .noError
            else {
                throw ControlFailure.invalid("connectorFault needs errorCode, an OCPP 1.6 ChargePointErrorCode")
            }
            return .connectorFault(
                connectorId: connectorId, errorCode: code, vendorErrorCode: request.vendorErrorCode, duration: duration)
        case "evSuspended": return .evSuspended(connectorId: connectorId, duration: duration)
        case "connectionDrop": return .connectionDrop(reconnectAfter: reconnectAfter)
        case "halfOpen": return .halfOpen(duration: duration, reconnectAfter: reconnectAfter)
        case "reboot": return .reboot
        case "malformedFrame": return .malformedFrame
        case "answers":
            let count = request.count ?? 1
            guard count >= 1 else { throw ControlFailure.invalid("count must be at least 1") }
            switch request.answer {
            case "slow": return .answers(.slow(delay: seconds(request.delaySeconds ?? 5)), count: count)
            case "missing": return .answers(.missing, count: count)
            case "callError": return .answers(.callError, count: count)
            case "malformed": return .answers(.malformed, count: count)
            default:
                throw ControlFailure.invalid("answers needs answer: one of " + answers.joined(separator: ", "))
            }
        default:
            throw ControlFailure.invalid(
                "unknown kind '\(request.kind)'; one of " + kinds.joined(separator: ", "))
        }
    }

    static func seconds(_ value: Double) -> Duration {
        .milliseconds(Int64((max(value, 0) * 1000).rounded()))
    }
}
