import NIOCore

/// Times one charger's CALL round trips for its loop's ``FleetTraffic``: the charger has at most
/// one CALL in flight (OCPP-J 1.6 §4.1.1), so one start time is enough. Looks at the first
/// bytes of a frame only: `[2,` is a CALL, `[3,`/`[4,` an answer; no JSON is parsed.
struct RoundTripProbe {
    /// Monotonic nanoseconds when the open CALL was written; 0: none open.
    private var sentAt: UInt64 = 0
    private var isMeterValues = false

    private static let meterValuesAction = Array(#""MeterValues""#.utf8)

    /// A frame was written to the socket.
    mutating func sent(_ bytes: [UInt8], into traffic: inout FleetTraffic) {
        guard Self.messageType(bytes) == UInt8(ascii: "2") else { return }
        sentAt = NIODeadline.now().uptimeNanoseconds
        // `[2,"<id>","MeterValues",...`: the action is the third element, within the first bytes.
        isMeterValues = Self.contains(Self.meterValuesAction, inFirst: 64, of: bytes)
        traffic.callsSent += 1
        if isMeterValues { traffic.meterValuesSent += 1 }
    }

    /// A text frame was read.
    mutating func received(_ text: String, into traffic: inout FleetTraffic) {
        guard sentAt != 0 else { return }
        let type = text.utf8.withContiguousStorageIfAvailable { Self.messageType($0) } ?? Self.messageType(text.utf8)
        guard type == UInt8(ascii: "3") || type == UInt8(ascii: "4") else { return }
        let elapsed = NIODeadline.now().uptimeNanoseconds &- sentAt
        traffic.roundTrip.record(nanoseconds: elapsed)
        if isMeterValues { traffic.meterValuesRoundTrip.record(nanoseconds: elapsed) }
        sentAt = 0
    }

    /// The connection is gone: the open call will not be answered on it.
    mutating func reset() {
        sentAt = 0
    }

    /// The message type digit after `[` (and optional spaces), or nil.
    private static func messageType<C: Collection>(_ bytes: C) -> UInt8? where C.Element == UInt8 {
        var sawBracket = false
        for byte in bytes.prefix(8) {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                continue
            case UInt8(ascii: "["):
                if sawBracket { return nil }
                sawBracket = true
            default:
                return sawBracket ? byte : nil
            }
        }
        return nil
    }

    private static func contains(_ needle: [UInt8], inFirst limit: Int, of bytes: [UInt8]) -> Bool {
        let end = min(bytes.count, limit)
        guard end >= needle.count else { return false }
        var start = 0
        while start + needle.count <= end {
            if bytes[start] == needle[0], bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}
