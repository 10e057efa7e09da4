// Encode + decode of OCPP CALL frames through our typed path (Codable message types, the RPC
// frame scanner) against the naive baseline a user would write first: JSONEncoder/JSONDecoder
// on a plain dictionary tree. Same payloads, same run. `swift run -c release chargesim-ocpp-bench`.
import Dispatch
import Foundation
import OCPP16

/// The naive baseline's JSON tree.
enum JSONValue: Codable, Equatable {
    case string(String)
    case number(Double)
    case object([String: JSONValue])
    case array([JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let array = try? container.decode([JSONValue].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .object(let object): try container.encode(object)
        case .array(let array): try container.encode(array)
        }
    }
}

let timestamp = OCPPTimestamp(millisecondsSince1970: 1_795_000_000_000)

/// MeterValues with 3 phases and 10 sampled values, as a three-phase AC charger sends them.
let meterValues = MeterValuesRequest(
    connectorId: 1, transactionId: 4711,
    meterValue: [
        MeterValue(
            timestamp: timestamp,
            sampledValue: [
                SampledValue(
                    value: "12345", context: .samplePeriodic, measurand: .energyActiveImportRegister, unit: .wh),
                SampledValue(value: "11040", context: .samplePeriodic, measurand: .powerActiveImport, unit: .w),
                SampledValue(value: "16.0", context: .samplePeriodic, measurand: .currentImport, phase: .l1, unit: .a),
                SampledValue(value: "16.0", context: .samplePeriodic, measurand: .currentImport, phase: .l2, unit: .a),
                SampledValue(value: "16.0", context: .samplePeriodic, measurand: .currentImport, phase: .l3, unit: .a),
                SampledValue(value: "230.1", context: .samplePeriodic, measurand: .voltage, phase: .l1N, unit: .v),
                SampledValue(value: "229.8", context: .samplePeriodic, measurand: .voltage, phase: .l2N, unit: .v),
                SampledValue(value: "230.4", context: .samplePeriodic, measurand: .voltage, phase: .l3N, unit: .v),
                SampledValue(value: "22080", context: .samplePeriodic, measurand: .powerOffered, unit: .w),
                SampledValue(value: "50.0", context: .samplePeriodic, measurand: .frequency),
            ])
    ])

let statusNotification = StatusNotificationRequest(
    connectorId: 1, errorCode: .noError, status: .charging, timestamp: timestamp)

/// Our path: typed payload → CALL bytes → frame scan → typed payload.
func typedRoundTrip<R: OCPPRequest>(_ request: R) -> Bool {
    guard let payload = try? RawJSON(encoding: request) else { return false }
    let bytes = RPCFrame.call(messageId: "19223201", action: R.action, payload: payload).serialized()
    guard case .call(_, _, let parsed)? = try? RPCFrame.parse(bytes),
        let decoded = try? parsed.decode(R.self)
    else { return false }
    return decoded == request
}

/// The baseline: the same frame as a dictionary tree through JSONEncoder/JSONDecoder.
func dictionaryRoundTrip(_ frame: JSONValue) -> Bool {
    guard let bytes = try? JSONEncoder().encode(frame),
        let decoded = try? JSONDecoder().decode(JSONValue.self, from: bytes)
    else { return false }
    return decoded == frame
}

/// The baseline's tree for a payload: what `JSONSerialization` makes of our JSON, converted.
func tree<R: OCPPRequest>(_ request: R) -> JSONValue {
    func convert(_ value: Any) -> JSONValue {
        switch value {
        case let text as String: return .string(text)
        case let number as NSNumber: return .number(number.doubleValue)
        case let array as [Any]: return .array(array.map(convert))
        case let object as [String: Any]: return .object(object.mapValues(convert))
        default: return .string("\(value)")
        }
    }
    let payload = (try? RawJSON(encoding: request))?.bytes ?? Data()
    let object = (try? JSONSerialization.jsonObject(with: payload)) ?? [:]
    return .array([.number(2), .string("19223201"), .string(R.action), convert(object)])
}

func perSecond(iterations: Int, _ body: () -> Bool) -> Double {
    var best = Double.infinity
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations {
            precondition(body(), "round trip changed the message")
        }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return Double(iterations) / best
}

func line(_ label: String, _ typed: Double, _ baseline: Double) {
    let ratio = (typed / baseline * 100).rounded() / 100
    print(
        "\(label.padding(toLength: 26, withPad: " ", startingAt: 0)) ours \(Int(typed)) /s"
            + "   dictionary baseline \(Int(baseline)) /s   ratio \(ratio)x")
}

print("OCPP CALL encode + decode per second, best of 5 rounds (release build expected)")
let meterTree = tree(meterValues)
let statusTree = tree(statusNotification)
line(
    "MeterValues (3 ph, 10 sv)", perSecond(iterations: 20_000) { typedRoundTrip(meterValues) },
    perSecond(iterations: 20_000) { dictionaryRoundTrip(meterTree) })
line(
    "StatusNotification", perSecond(iterations: 100_000) { typedRoundTrip(statusNotification) },
    perSecond(iterations: 100_000) { dictionaryRoundTrip(statusTree) })
