import Foundation
import Hummingbird
import NIOCore
import OCPP16

/// Acting on one charger as its driver, its EV, its technician or its network.
enum ChargerRoutes {
    /// An EV for `plug`.
    struct EVRequest: Decodable {
        var name: String?
        var batteryCapacityKWh: Double
        var socPercent: Double
        var maxPowerKW: Double
        var targetSoCPercent: Double?
    }

    struct PlugRequest: Decodable {
        var ev: EVRequest?
    }

    struct IdTagRequest: Decodable {
        var idTag: String
    }

    struct FaultRequest: Decodable {
        var errorCode: String
        var info: String?
        var vendorErrorCode: String?
    }

    struct ConfigurationRequest: Decodable {
        var value: String
    }

    struct ConfigurationAnswer: Encodable {
        var key: String
        var value: String?
        var status: String
    }

    static let plugSchema = """
        {"type":"object","properties":{"ev":{"type":"object",\
        "required":["batteryCapacityKWh","socPercent","maxPowerKW"],"properties":{\
        "name":{"type":"string"},"batteryCapacityKWh":{"type":"number","exclusiveMinimum":0},\
        "socPercent":{"type":"number","minimum":0,"maximum":100},"maxPowerKW":{"type":"number","exclusiveMinimum":0},\
        "targetSoCPercent":{"type":"number","minimum":0,"maximum":100}}}},\
        "description":"without ev, one is drawn from the profile's EV mix"}
        """
    static let idTagSchema = """
        {"type":"object","required":["idTag"],"properties":{"idTag":{"type":"string","minLength":1,"maxLength":20}}}
        """
    static let faultSchema = """
        {"type":"object","required":["errorCode"],"properties":{\
        "errorCode":{"type":"string","enum":[\(ChargePointErrorCode.allCases.filter { $0 != .noError }
        .map { "\"\($0.rawValue)\"" }.joined(separator: ","))]},\
        "info":{"type":"string","maxLength":50},"vendorErrorCode":{"type":"string","maxLength":255}}}
        """
    static let configurationSchema = """
        {"type":"object","required":["value"],"properties":{"value":{"type":"string","maxLength":500}}}
        """

    static func routes(_ context: ControlContext) -> [ControlRoute] {
        let connectorPath = "/chargers/{chargePointId}/connectors/{connectorId}"
        return [
            ControlRoute(
                .post, connectorPath + "/plug", "plugIn", "Plug an EV into the connector", tag: "EV",
                failures: [400, 404, 409, 422], bodySchema: plugSchema, response: "ConnectorOverview"
            ) { call in
                let ev = try call.decode(PlugRequest.self).ev.map { request throws(ControlFailure) in
                    try model(request)
                }
                return try await connectorEvent(context, call) { machine, id, now throws(ControlFailure) in
                    guard id > 0 else { throw .invalid("connector 0 is the charge point itself; plug into 1 or more") }
                    guard !machine.isEVPlugged(connectorId: id) else {
                        throw .conflict(
                            "already_plugged", "an EV is plugged into connector \(id) already; unplug it first")
                    }
                    if let ev { return machine.plugIn(connectorId: id, ev: ev, now: now) }
                    return machine.plugInRandomEV(connectorId: id, now: now)
                }
            },
            ControlRoute(
                .post, connectorPath + "/unplug", "unplug", "Unplug the EV", tag: "EV", failures: [400, 404, 409, 422],
                response: "ConnectorOverview"
            ) { call in
                try await connectorEvent(context, call) { machine, id, now throws(ControlFailure) in
                    guard id > 0, machine.isEVPlugged(connectorId: id) else {
                        throw .conflict("not_plugged", "no EV is plugged into connector \(id)")
                    }
                    return machine.unplug(connectorId: id, now: now)
                }
            },
            ControlRoute(
                .post, connectorPath + "/id-tag", "presentIdTag",
                "Present an id tag (RFID card) to start, or to stop the transaction there", tag: "Driver",
                failures: [400, 404, 422], bodySchema: idTagSchema, response: "ConnectorOverview"
            ) { call in
                let idTag = try call.decode(IdTagRequest.self).idTag
                guard (1...20).contains(idTag.count) else {
                    throw ControlFailure.invalid("idTag must be 1 to 20 characters (OCPP IdToken), got \(idTag.count)")
                }
                return try await connectorEvent(context, call) { machine, id, now throws(ControlFailure) in
                    guard id > 0 else { throw .invalid("present the tag at connector 1 or more") }
                    return machine.presentIdTag(idTag, connectorId: id, now: now)
                }
            },
            ControlRoute(
                .post, connectorPath + "/stop", "pressStop", "Press the stop button: the transaction stops (Local)",
                tag: "Driver", failures: [400, 404, 409, 422], response: "ConnectorOverview"
            ) { call in
                try await connectorEvent(context, call) { machine, id, now throws(ControlFailure) in
                    guard machine.hasTransaction(onConnector: id) else {
                        throw .conflict("no_transaction", "no transaction runs on connector \(id)")
                    }
                    return machine.pressStop(connectorId: id, now: now)
                }
            },
            ControlRoute(
                .post, connectorPath + "/fault", "setFault",
                "Break the connector (0: the charge point): it reports Faulted with the error code", tag: "Faults",
                failures: [400, 404, 422], bodySchema: faultSchema, response: "ConnectorOverview"
            ) { call in
                let request = try call.decode(FaultRequest.self)
                guard let code = ChargePointErrorCode(rawValue: request.errorCode), code != .noError else {
                    throw ControlFailure.invalid(
                        "errorCode '\(request.errorCode)' is not an OCPP 1.6 ChargePointErrorCode other than NoError; use one of "
                            + ChargePointErrorCode.allCases.filter { $0 != .noError }.map(\.rawValue).joined(
                                separator: ", "))
                }
                if let info = request.info, info.count > 50 {
                    throw ControlFailure.invalid("info must be at most 50 characters (OCPP CiString50)")
                }
                if let vendor = request.vendorErrorCode, vendor.count > 50 {
                    throw ControlFailure.invalid("vendorErrorCode must be at most 50 characters (OCPP CiString50)")
                }
                return try await connectorEvent(context, call) { machine, id, now throws(ControlFailure) in
                    machine.setFault(
                        connectorId: id, errorCode: code, info: request.info, vendorErrorCode: request.vendorErrorCode,
                        now: now)
                }
            },
            ControlRoute(
                .delete, connectorPath + "/fault", "clearFault", "Repair the connector", tag: "Faults",
                failures: [400, 404, 422], response: "ConnectorOverview"
            ) { call in
                try await connectorEvent(context, call) { machine, id, now throws(ControlFailure) in
                    machine.clearFault(connectorId: id, now: now)
                }
            },
            ControlRoute(
                .post, "/chargers/{chargePointId}/offline", "goOffline",
                "Cut the network: the connection closes and stays closed (charging goes on, messages queue)",
                tag: "Network", failures: [404], response: "ChargerOverview"
            ) { call in
                let charger = try context.charger(call.parameter("chargePointId"))
                try await charger.setOnline(false).get()
                return ControlCall.json(try await charger.overview().get())
            },
            ControlRoute(
                .post, "/chargers/{chargePointId}/online", "goOnline", "Restore the network: reconnect now",
                tag: "Network", failures: [404], response: "ChargerOverview"
            ) { call in
                let charger = try context.charger(call.parameter("chargePointId"))
                try await charger.setOnline(true).get()
                return ControlCall.json(try await charger.overview().get())
            },
            ControlRoute(
                .post, "/chargers/{chargePointId}/reboot", "reboot",
                "Power-cycle the charger: transactions stop (reason Reboot), then it reconnects and boots",
                tag: "Charger", success: 202, failures: [404, 409], response: "ChargerOverview"
            ) { call in
                let charger = try context.charger(call.parameter("chargePointId"))
                let done = try await charger.perform(answering: { machine, now in
                    (true, machine.rebootLocally(now: now))
                })
                .get()
                guard done != nil else { throw stopped(charger) }
                return ControlCall.json(try await charger.overview().get(), status: .accepted)
            },
            ControlRoute(
                .delete, "/chargers/{chargePointId}/security-log", "clearSecurityLog",
                "Clear the security log: it then holds one SecurityLogWasCleared event, also sent to the central system",
                tag: "Charger", failures: [404, 409], response: "ChargerOverview"
            ) { call in
                let charger = try context.charger(call.parameter("chargePointId"))
                let done = try await charger.perform(answering: { machine, now in
                    (true, machine.clearSecurityLog(reason: "cleared through the control API", now: now))
                })
                .get()
                guard done != nil else { throw stopped(charger) }
                return ControlCall.json(try await charger.overview().get())
            },
            ControlRoute(
                .put, "/chargers/{chargePointId}/configuration/{key}", "changeConfiguration",
                "Change a configuration key at the charger (same rules and effects as ChangeConfiguration)",
                tag: "Charger", failures: [400, 404, 409, 422], bodySchema: configurationSchema,
                response: "ConfigurationAnswer"
            ) { call in
                let charger = try context.charger(call.parameter("chargePointId"))
                let name = call.parameter("key")
                let value = try call.decode(ConfigurationRequest.self).value
                let key: CiString50
                let typed: CiString500
                do {
                    key = try CiString50(name, field: "key")
                    typed = try CiString500(value, field: "value")
                } catch {
                    throw ControlFailure.invalid("the key must be at most 50 and the value 500 characters")
                }
                let answer = try await charger.perform(answering: { machine, now in
                    let (status, actions) = machine.changeConfigurationLocally(key: key, value: typed, now: now)
                    let problem = machine.configuration.entry(name)?.standardKey.flatMap {
                        machine.configuration.problem(with: value, for: $0)
                    }
                    return ((status, machine.configurationValue(name), problem), actions)
                }).get()
                guard let (status, current, problem) = answer else { throw stopped(charger) }
                switch status {
                case .accepted, .rebootRequired:
                    return ControlCall.json(ConfigurationAnswer(key: name, value: current, status: status.rawValue))
                case .notSupported:
                    throw ControlFailure(
                        status: .notFound, code: "unknown_key",
                        message: "the charger has no configuration key '\(name)'")
                case .rejected:
                    throw ControlFailure.invalid(
                        "the charger rejected \(name)=\(value): \(problem ?? "the key is read-only or the value invalid")"
                    )
                }
            },
        ]
    }

    private static func stopped(_ charger: ChargerRuntime) -> ControlFailure {
        .conflict("stopped", "the charger \(charger.chargePointId) is stopped (being removed or the fleet stopping)")
    }

    /// The EV model of a plug request, or a 422 naming the bad field.
    static func model(_ request: EVRequest) throws(ControlFailure) -> EVModel {
        guard request.batteryCapacityKWh > 0, request.batteryCapacityKWh.isFinite else {
            throw .invalid("ev.batteryCapacityKWh must be a positive number of kWh")
        }
        guard (0...100).contains(request.socPercent) else { throw .invalid("ev.socPercent must be 0 to 100") }
        guard request.maxPowerKW > 0, request.maxPowerKW.isFinite else {
            throw .invalid("ev.maxPowerKW must be a positive number of kW")
        }
        if let target = request.targetSoCPercent, !(0...100).contains(target) {
            throw .invalid("ev.targetSoCPercent must be 0 to 100")
        }
        return EVModel(
            name: request.name ?? "Control API EV", batteryCapacityKWh: request.batteryCapacityKWh,
            startSoCPercent: request.socPercent, targetSoCPercent: request.targetSoCPercent ?? 100,
            maxACPowerKW: request.maxPowerKW, acPhases: 3, maxDCPowerKW: request.maxPowerKW)
    }

    /// Runs `event` for the connector of the call on its charger's loop (checking the connector
    /// exists) and answers with the connector as it is afterwards.
    static func connectorEvent(
        _ context: ControlContext, _ call: ControlCall,
        _ event:
            @escaping @Sendable (inout ChargePoint, Int, OCPPTimestamp) throws(ControlFailure) -> [ChargePointAction]
    ) async throws -> Response {
        let charger = try context.charger(call.parameter("chargePointId"))
        let connectorId = try call.integerParameter("connectorId")
        let outcome = try await charger.perform(answering: {
            machine, now -> (Result<ConnectorOverview, ControlFailure>, [ChargePointAction]) in
            guard (0...machine.connectorCount).contains(connectorId) else {
                return (
                    .failure(
                        .invalid(
                            "connector \(connectorId) does not exist; \(charger.chargePointId) has connectors 1 to \(machine.connectorCount) (0 is the charge point)"
                        )), []
                )
            }
            do throws(ControlFailure) {
                let actions = try event(&machine, connectorId, now)
                return (.success(machine.connectorOverviews[connectorId]), actions)
            } catch {
                return (.failure(error), [])
            }
        }).get()
        guard let outcome else { throw stopped(charger) }
        return ControlCall.json(try outcome.get())
    }
}
