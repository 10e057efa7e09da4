import Foundation
import OCPP16

/// The content of a GetDiagnostics file (OCPP 1.6 §5.9 leaves the format to the charger): a
/// JSON document with the charger's identity, its connectors, its readable configuration and
/// its recent OCPP frames within the requested window.
public struct DiagnosticsReport: Sendable, Equatable, Codable {
    /// One connector's state (0 is the charge point).
    public struct Connector: Sendable, Equatable, Codable {
        public var connectorId: Int
        public var status: ChargePointStatus
        public var errorCode: ChargePointErrorCode
        /// The central system's id of the running transaction, if any.
        public var transactionId: Int?
        /// The energy register, Wh.
        public var registerWh: Double?
    }

    /// The requested window (GetDiagnostics `startTime`/`stopTime`).
    public struct Window: Sendable, Equatable, Codable {
        public var startTime: OCPPTimestamp?
        public var stopTime: OCPPTimestamp?

        public init(startTime: OCPPTimestamp?, stopTime: OCPPTimestamp?) {
            self.startTime = startTime
            self.stopTime = stopTime
        }
    }

    public var chargePointId: String
    public var vendor: String
    public var model: String
    public var firmwareVersion: String
    public var generatedAt: OCPPTimestamp
    public var window: Window
    public var connectors: [Connector]
    /// Readable configuration keys and values (AuthorizationKey, write-only, is never included).
    public var configuration: [String: String]
    /// OCPP-J frames in and out within the window, oldest first.
    public var messages: [OCPPMessageLog.Entry]

    /// The JSON bytes of the file (sorted keys, pretty-printed).
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { Array($0) } ?? Array("{}".utf8)
    }

    /// `diagnostics-<chargePointId>-<yyyyMMddTHHmmssZ>.json`: no characters a file system or URL
    /// path would object to (the id's own `/`, `\`, `:` and spaces become `_`).
    public static func fileName(chargePointId: String, at instant: OCPPTimestamp) -> String {
        let safeId = String(chargePointId.map { "/\\: ?#%".contains($0) ? "_" : $0 })
        let stamp = (instant.rfc3339 ?? "\(instant.millisecondsSince1970)")
            .prefix(19)
            .filter { $0 != "-" && $0 != ":" }
        return "diagnostics-\(safeId)-\(stamp)Z.json"
    }
}
