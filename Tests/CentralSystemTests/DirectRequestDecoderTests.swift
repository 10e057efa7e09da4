import CentralSystem
import Foundation
import OCPP16
import Testing

/// The direct decoder against the Codable path: the same value for what it accepts, and a
/// decline (so the same CALLERROR, from Codable) for everything else.
@Suite("Direct request decoder")
struct DirectRequestDecoderTests {
    /// What `ChargePointRequest.decode` answers (direct first) next to what Codable alone answers.
    private func bothPaths<Request: Decodable & Equatable>(
        _ json: String, action: String, as type: Request.Type, wrap: (Request) -> ChargePointRequest
    ) -> (served: Result<ChargePointRequest, CallError>, codable: Result<ChargePointRequest, CallError>) {
        let payload = RawJSON(json)
        let served = ChargePointRequest.decode(InboundCall(messageId: "1", action: action, payload: payload))
        let codable: Result<ChargePointRequest, CallError>
        do throws(CallError) {
            codable = .success(wrap(try payload.decode(Request.self)))
        } catch {
            codable = .failure(error)
        }
        return (served, codable)
    }

    static let meterValuesAccepted: [String] = [
        // The fleet's compact form.
        #"{"connectorId":1,"transactionId":42,"meterValue":[{"timestamp":"2026-11-26T04:40:00.123Z","#
            + #""sampledValue":[{"value":"1234.5","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","#
            + #""unit":"Wh"},{"value":"7400","measurand":"Power.Active.Import","unit":"W"},"#
            + #"{"value":"35","measurand":"SoC","unit":"Percent","location":"EV"}]}]}"#,
        // Spaced, members in another order, no transactionId, several meter values.
        """
        { "meterValue" : [ { "sampledValue" : [ { "unit" : "kWh" , "value" : "1.25" } ] ,
          "timestamp" : "2026-01-01T00:00:00Z" } , { "timestamp" : "2026-01-01T00:01:00+02:00",
          "sampledValue": [] } ] , "connectorId" : 0 }
        """,
        // Only the required value.
        #"{"connectorId":2,"meterValue":[{"timestamp":"2026-01-01T00:00:00.5Z","sampledValue":[{"value":"0"}]}]}"#,
        // Every optional field of a sampled value, per phase, every location and format.
        #"{"connectorId":1,"transactionId":-3,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":["#
            + #"{"value":"230.1","context":"Sample.Clock","format":"Raw","measurand":"Voltage","phase":"L1-N","#
            + #""location":"Outlet","unit":"V"},"#
            + #"{"value":"16","context":"Transaction.Begin","measurand":"Current.Import","phase":"L2","location":"Cable","#
            + #""unit":"A"},"#
            + #"{"value":"50","context":"Trigger","measurand":"Frequency","phase":"N","location":"Inlet","unit":"Hertz"},"#
            + #"{"value":"20","context":"Interruption.Begin","measurand":"Temperature","unit":"Celcius"},"#
            + #"{"value":"300","measurand":"Temperature","unit":"K"},{"value":"70","measurand":"Temperature","#
            + #""unit":"Fahrenheit"},{"value":"1","measurand":"Power.Offered","unit":"kVA"},"#
            + #"{"value":"21.5","context":"Interruption.End","measurand":"Temperature","location":"Body","unit":"Celsius"},"#
            + #"{"value":"0.98","context":"Other","measurand":"Power.Factor","phase":"L3-L1"},"#
            + #"{"value":"3","context":"Transaction.End","measurand":"Energy.Reactive.Import.Interval","unit":"kvarh"}"#
            + #"]}]}"#,
        // Signed data: the value is an opaque string.
        #"{"connectorId":1,"transactionId":7,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":["#
            + #"{"value":"AP;0;3;ALCV3ABBBISHMA2RYEGAZE3HV5YQBQRQAEHAR2MN;BIHEIWSHAAA4W3Z3Q2R2GLVDTY","#
            + #""context":"Sample.Periodic","format":"SignedData","measurand":"Energy.Active.Import.Register"}]}]}"#,
    ]

    @Test("valid MeterValues decode directly to the value Codable gives", arguments: meterValuesAccepted)
    func meterValuesAcceptedMatchCodable(json: String) throws {
        let direct = try #require(DirectRequestDecoder.meterValues(RawJSON(json)))
        #expect(try RawJSON(json).decode(MeterValuesRequest.self) == direct)
        let (served, codable) = bothPaths(
            json, action: "MeterValues", as: MeterValuesRequest.self, wrap: { .meterValues($0) })
        #expect(served == codable)
    }

    static let meterValuesDeclined: [String] = [
        // Faults Codable answers with a CALLERROR.
        #"{"connectorId":1,"meterValue":[]}"#,  // minItems
        #"{"connectorId":1}"#,  // required meterValue
        #"{"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1"}]}]}"#,  // connectorId
        #"{"connectorId":"1","meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1"}]}]}"#,
        #"{"connectorId":1.5,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1"}]}]}"#,
        #"{"connectorId":99999999999999999999,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1"}]}]}"#,
        #"{"connectorId":1,"meterValue":[{"timestamp":"yesterday","sampledValue":[{"value":"1"}]}]}"#,
        #"{"connectorId":1,"meterValue":[{"timestamp":"2026-02-30T00:00:00Z","sampledValue":[{"value":"1"}]}]}"#,
        #"{"connectorId":1,"meterValue":[{"sampledValue":[{"value":"1"}]}]}"#,
        #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z"}]}"#,
        #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"unit":"Wh"}]}]}"#,
        #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":1}]}]}"#,
        #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1","unit":"wh"}]}]}"#,
        #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1","measurand":"Energy"}]}]}"#,
        #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1","phase":"L4"}]}]}"#,
        #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1","context":"Periodic"}]}]}"#,
        #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1","location":"Car"}]}]}"#,
        #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1","format":"Signed"}]}]}"#,
        #"{"connectorId":1,"meterValue":{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1"}]}}"#,
        #"{"connectorId":1,"transactionId":null,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1"}]}]}"#,
        #"{"connectorId":null,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1"}]}]}"#,
        #"[1,2]"#,
        // Valid forms left to Codable: escapes, non-ASCII, unknown or repeated members, -0, exponents.
        #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1\/2"}]}]}"#,
        #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1\u0030"}]}]}"#,
        #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"Zähler"}]}]}"#,
        #"{"connectorId":1,"vendor":"x","meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1"}]}]}"#,
        #"{"connectorId":1,"connectorId":2,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1"}]}]}"#,
        #"{"connectorId":-0,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1"}]}]}"#,
        #"{"connectorId":1e0,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1"}]}]}"#,
        #"{"connectorId":1.0,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1"}]}]}"#,
    ]

    @Test(
        "anything unusual is left to Codable, so the answer (value or CALLERROR) is Codable's",
        arguments: meterValuesDeclined)
    func meterValuesDeclinedMatchCodable(json: String) {
        #expect(DirectRequestDecoder.meterValues(RawJSON(json)) == nil)
        let (served, codable) = bothPaths(
            json, action: "MeterValues", as: MeterValuesRequest.self, wrap: { .meterValues($0) })
        #expect(served == codable)
    }

    @Test("the faults keep their CALLERROR codes through ChargePointRequest.decode")
    func meterValuesErrorCodes() {
        let cases: [(String, CallErrorCode)] = [
            (#"{"connectorId":1,"meterValue":[]}"#, .propertyConstraintViolation),
            (#"{"connectorId":"1","meterValue":[]}"#, .typeConstraintViolation),
            (#"{"connectorId":1,"meterValue":[{"timestamp":"x","sampledValue":[]}]}"#, .propertyConstraintViolation),
            (
                #"{"connectorId":1,"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1","unit":"wh"}]}]}"#,
                .propertyConstraintViolation
            ),
            (#"{"connectorId":1}"#, .occurenceConstraintViolation),
        ]
        for (json, code) in cases {
            let served = ChargePointRequest.decode(
                InboundCall(messageId: "1", action: "MeterValues", payload: RawJSON(json)))
            guard case .failure(let error) = served else {
                Issue.record("\(json) decoded")
                continue
            }
            #expect(error.code == code, "\(json): \(error)")
        }
    }

    @Test("Heartbeat: {} decodes directly; anything else is Codable's")
    func heartbeat() {
        #expect(DirectRequestDecoder.heartbeat(RawJSON("{}")) == HeartbeatRequest())
        #expect(DirectRequestDecoder.heartbeat(RawJSON(" { } ")) == HeartbeatRequest())
        for json in [#"{"x":1}"#, "[]", #""x""#] {
            #expect(DirectRequestDecoder.heartbeat(RawJSON(json)) == nil)
            let (served, codable) = bothPaths(
                json, action: "Heartbeat", as: HeartbeatRequest.self, wrap: { .heartbeat($0) })
            #expect(served == codable)
        }
    }

    static let statusNotifications: [(json: String, direct: Bool)] = [
        (#"{"connectorId":1,"errorCode":"NoError","status":"Available"}"#, true),
        (
            #"{"connectorId":0,"errorCode":"OtherError","info":"door open","status":"Faulted","#
                + #""timestamp":"2026-01-01T00:00:00Z","vendorId":"com.example","vendorErrorCode":"E42"}"#, true
        ),
        (#"{"status":"SuspendedEV","errorCode":"EVCommunicationError","connectorId":2}"#, true),
        (
            #"{"connectorId":1,"errorCode":"NoError","status":"Available","info":""#
                + String(repeating: "i", count: 50) + #""}"#, true
        ),
        // Faults and unusual forms: Codable's answer.
        (
            #"{"connectorId":1,"errorCode":"NoError","status":"Available","info":""#
                + String(repeating: "i", count: 51) + #""}"#, false
        ),
        (#"{"connectorId":1,"errorCode":"NoError","status":"Open"}"#, false),
        (#"{"connectorId":1,"errorCode":"Broken","status":"Available"}"#, false),
        (#"{"connectorId":1,"status":"Available"}"#, false),
        (#"{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"now"}"#, false),
        (#"{"connectorId":1,"errorCode":"NoError","status":"Available","vendorId":"é"}"#, false),
    ]

    @Test("StatusNotification: direct where plain, Codable's answer otherwise", arguments: statusNotifications)
    func statusNotification(json: String, direct: Bool) {
        let decoded = DirectRequestDecoder.statusNotification(RawJSON(json))
        #expect((decoded != nil) == direct)
        let (served, codable) = bothPaths(
            json, action: "StatusNotification", as: StatusNotificationRequest.self, wrap: { .statusNotification($0) })
        #expect(served == codable)
        if let decoded { #expect(codable == .success(.statusNotification(decoded))) }
    }
}
