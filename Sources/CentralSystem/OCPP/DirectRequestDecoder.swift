import Foundation
import OCPP16

/// Decodes the requests every charger sends all the time (MeterValues, Heartbeat,
/// StatusNotification) straight from the payload bytes, without Foundation's `JSONDecoder`
/// (issue 11: decoding MeterValues through Codable was the central system's largest cost).
///
/// It accepts only the plain form of a valid payload: compact or spaced JSON, every member known
/// and present at most once, no `null`, strings of printable ASCII without escapes, integers
/// without fraction or exponent. For anything else it declines (`nil`) and the caller decodes
/// with Codable, so every fault still gets the CALLERROR the Codable path gives; whatever it
/// accepts decodes to the value the Codable path would give.
public enum DirectRequestDecoder {
    /// MeterValues.req, or `nil` to decode it with Codable.
    public static func meterValues(_ payload: RawJSON) -> MeterValuesRequest? {
        payload.bytes.withUnsafeBytes { buffer in
            var reader = Reader(buffer)
            guard let request = reader.meterValuesRequest(), reader.isAtEndAfterWhitespace else { return nil }
            return request
        }
    }

    /// Heartbeat.req (always `{}`), or `nil` to decode it with Codable.
    public static func heartbeat(_ payload: RawJSON) -> HeartbeatRequest? {
        payload.bytes.withUnsafeBytes { buffer in
            var reader = Reader(buffer)
            guard reader.consume(UInt8(ascii: "{")), reader.consume(UInt8(ascii: "}")),
                reader.isAtEndAfterWhitespace
            else { return nil }
            return HeartbeatRequest()
        }
    }

    /// StatusNotification.req, or `nil` to decode it with Codable.
    public static func statusNotification(_ payload: RawJSON) -> StatusNotificationRequest? {
        payload.bytes.withUnsafeBytes { buffer in
            var reader = Reader(buffer)
            guard let request = reader.statusNotificationRequest(), reader.isAtEndAfterWhitespace else { return nil }
            return request
        }
    }
}

/// A forward-only reader over the payload bytes; every method returns `nil` or `false` where the
/// direct decoder declines.
private struct Reader {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    var isAtEndAfterWhitespace: Bool {
        mutating get {
            skipWhitespace()
            return index == bytes.count
        }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A string of printable ASCII without escapes (anything else declines).
    mutating func string() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return nil
    }

    /// An integer in plain JSON form (`0`, `-12`, `345`), at most 18 digits, so it fits `Int`.
    mutating func integer() -> Int? {
        skipWhitespace()
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            // Past 18 digits it may not fit: Codable judges it.
            guard index - start < 18 else { return nil }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits <= 18 else { return nil }
        // A leading zero is not JSON, and "-0" is left to Codable.
        if bytes[start] == UInt8(ascii: "0"), digits > 1 || negative { return nil }
        // A fraction or exponent makes it a number Codable must judge.
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
            default: break
            }
        }
        return negative ? -value : value
    }

    mutating func value<Value: RawRepresentable>(_ type: Value.Type) -> Value? where Value.RawValue == String {
        string().flatMap(Value.init(rawValue:))
    }

    /// `{ "name": value, ... }`: `member` reads the value of each member and returns whether it
    /// accepted it (an unknown or repeated name declines).
    mutating func object(_ member: (inout Reader, String) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        while true {
            guard let name = string(), consume(UInt8(ascii: ":")), member(&self, name) else { return false }
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "}"))
        }
    }

    /// `[ element, ... ]`.
    mutating func array<Element>(_ element: (inout Reader) -> Element?) -> [Element]? {
        guard consume(UInt8(ascii: "[")) else { return nil }
        var elements: [Element] = []
        if consume(UInt8(ascii: "]")) { return elements }
        while true {
            guard let next = element(&self) else { return nil }
            elements.append(next)
            if consume(UInt8(ascii: ",")) { continue }
            return consume(UInt8(ascii: "]")) ? elements : nil
        }
    }

    mutating func timestamp() -> OCPPTimestamp? {
        string().flatMap(OCPPTimestamp.init(rfc3339:))
    }

    // MARK: Messages

    mutating func meterValuesRequest() -> MeterValuesRequest? {
        var connectorId: Int?
        var transactionId: Int?
        var meterValue: [MeterValue]?
        let accepted = object { reader, name in
            switch name {
            case "connectorId" where connectorId == nil:
                connectorId = reader.integer()
                return connectorId != nil
            case "transactionId" where transactionId == nil:
                transactionId = reader.integer()
                return transactionId != nil
            case "meterValue" where meterValue == nil:
                meterValue = reader.array { $0.meterValue() }
                return meterValue != nil
            default:
                return false
            }
        }
        // An empty meterValue breaks the schema's minItems: Codable names the fault.
        guard accepted, let connectorId, let meterValue, !meterValue.isEmpty else { return nil }
        return MeterValuesRequest(connectorId: connectorId, transactionId: transactionId, meterValue: meterValue)
    }

    mutating func meterValue() -> MeterValue? {
        var timestamp: OCPPTimestamp?
        var sampledValue: [SampledValue]?
        let accepted = object { reader, name in
            switch name {
            case "timestamp" where timestamp == nil:
                timestamp = reader.timestamp()
                return timestamp != nil
            case "sampledValue" where sampledValue == nil:
                sampledValue = reader.array { $0.sampledValue() }
                return sampledValue != nil
            default:
                return false
            }
        }
        guard accepted, let timestamp, let sampledValue else { return nil }
        return MeterValue(timestamp: timestamp, sampledValue: sampledValue)
    }

    mutating func sampledValue() -> SampledValue? {
        var value: String?
        var context: ReadingContext?
        var format: ValueFormat?
        var measurand: Measurand?
        var phase: Phase?
        var location: Location?
        var unit: UnitOfMeasure?
        let accepted = object { reader, name in
            switch name {
            case "value" where value == nil:
                value = reader.string()
                return value != nil
            case "context" where context == nil:
                context = reader.value(ReadingContext.self)
                return context != nil
            case "format" where format == nil:
                format = reader.value(ValueFormat.self)
                return format != nil
            case "measurand" where measurand == nil:
                measurand = reader.value(Measurand.self)
                return measurand != nil
            case "phase" where phase == nil:
                phase = reader.value(Phase.self)
                return phase != nil
            case "location" where location == nil:
                location = reader.value(Location.self)
                return location != nil
            case "unit" where unit == nil:
                unit = reader.value(UnitOfMeasure.self)
                return unit != nil
            default:
                return false
            }
        }
        guard accepted, let value else { return nil }
        return SampledValue(
            value: value, context: context, format: format, measurand: measurand, phase: phase, location: location,
            unit: unit)
    }

    mutating func statusNotificationRequest() -> StatusNotificationRequest? {
        var connectorId: Int?
        var errorCode: ChargePointErrorCode?
        var info: CiString50?
        var status: ChargePointStatus?
        var timestamp: OCPPTimestamp?
        var vendorId: CiString255?
        var vendorErrorCode: CiString50?
        let accepted = object { reader, name in
            switch name {
            case "connectorId" where connectorId == nil:
                connectorId = reader.integer()
                return connectorId != nil
            case "errorCode" where errorCode == nil:
                errorCode = reader.value(ChargePointErrorCode.self)
                return errorCode != nil
            case "info" where info == nil:
                info = reader.string().flatMap { try? CiString50($0) }
                return info != nil
            case "status" where status == nil:
                status = reader.value(ChargePointStatus.self)
                return status != nil
            case "timestamp" where timestamp == nil:
                timestamp = reader.timestamp()
                return timestamp != nil
            case "vendorId" where vendorId == nil:
                vendorId = reader.string().flatMap { try? CiString255($0) }
                return vendorId != nil
            case "vendorErrorCode" where vendorErrorCode == nil:
                vendorErrorCode = reader.string().flatMap { try? CiString50($0) }
                return vendorErrorCode != nil
            default:
                return false
            }
        }
        guard accepted, let connectorId, let errorCode, let status else { return nil }
        return StatusNotificationRequest(
            connectorId: connectorId, errorCode: errorCode, info: info, status: status, timestamp: timestamp,
            vendorId: vendorId, vendorErrorCode: vendorErrorCode)
    }
}
