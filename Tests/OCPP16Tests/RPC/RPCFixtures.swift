import Foundation
import OCPP16

// Small stand-ins for the generated message types, shaped like their 1.6 schemas, so the RPC
// layer is tested on its own: nested objects, arrays, enums, a CiString limit.

/// An Authorize.req whose `idTag` is a CiString20.
struct AuthorizeFixture: OCPPRequest {
    static let action = "Authorize"
    static let initiator = OCPPInitiator.chargePoint

    var idTag: String

    init(idTag: String) {
        self.idTag = idTag
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        idTag = try container.decode(String.self, forKey: .idTag)
        guard idTag.count <= 20 else {
            throw OCPPPayloadViolation(field: "idTag", reason: "longer than 20 characters (CiString20)")
        }
    }

    struct Response: OCPPPayload {
        var idTagInfo: IdTagInfoFixture
    }
}

struct IdTagInfoFixture: Codable, Sendable, Equatable {
    enum Status: String, Codable, Sendable {
        case Accepted, Blocked, Expired, Invalid, ConcurrentTx
    }

    var status: Status
    var parentIdTag: String?
}

/// A MeterValues.req: arrays of objects, an Int32 connector id.
struct MeterValuesFixture: OCPPRequest {
    static let action = "MeterValues"
    static let initiator = OCPPInitiator.chargePoint

    struct MeterValue: Codable, Sendable, Equatable {
        var timestamp: String
        var sampledValue: [SampledValue]
    }

    struct SampledValue: Codable, Sendable, Equatable {
        var value: String
    }

    var connectorId: Int32
    var meterValue: [MeterValue]

    struct Response: OCPPPayload {}
}

/// A Reset.req, sent by the central system.
struct ResetFixture: OCPPRequest {
    static let action = "Reset"
    static let initiator = OCPPInitiator.centralSystem

    enum ResetType: String, Codable, Sendable {
        case Hard, Soft
    }

    var type: ResetType

    struct Response: OCPPPayload {
        enum Status: String, Codable, Sendable {
            case Accepted, Rejected
        }

        var status: Status
    }
}

/// A Heartbeat.req: an empty payload.
struct HeartbeatFixture: OCPPRequest {
    static let action = "Heartbeat"
    static let initiator = OCPPInitiator.chargePoint

    struct Response: OCPPPayload {
        var currentTime: String
    }
}

/// A DataTransfer.req carrying a number, to make encoding fail with a non-finite value.
struct DataTransferFixture: OCPPRequest {
    static let action = "DataTransfer"
    static let initiator = OCPPInitiator.chargePoint

    var vendorId: String
    var reading: Double

    struct Response: OCPPPayload {
        var status: String
    }
}

extension Array where Element == UInt8 {
    /// The bytes of a JSON text written in a test.
    static func json(_ text: String) -> [UInt8] { Array(text.utf8) }
}

extension RawJSON {
    /// The payload as text, for readable expectations.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
