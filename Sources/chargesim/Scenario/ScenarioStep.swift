import Foundation

/// One step of a scenario: exactly one of `fleet`, `api`, `charger`, `wait`, `assert`, with the
/// fields that kind reads. Unknown keys are refused, so a typo is an error, not a no-op.
struct ScenarioStep: Decodable, Sendable {
    /// The kinds of step.
    enum Kind: Sendable, Equatable {
        /// `fleet: start` or `fleet: stop`.
        case fleet(String)
        /// An API action: start, stop, reset, unlock, change-availability, set-charging-profile,
        /// clear-charging-profile, trigger, set-configuration.
        case api(String)
        /// Something done at the charger: plug, unplug, fault, clear-fault, present-tag, press-stop.
        case charger(String)
        /// Wait for `evse` (status), `session` (status) or `energy` (above).
        case wait(String)
        /// Check a field of `session`, `evse` or `charge-point`.
        case assert(String)

        var label: String {
            switch self {
            case .fleet(let value): "fleet \(value)"
            case .api(let value): "api \(value)"
            case .charger(let value): "charger \(value)"
            case .wait(let value): "wait \(value)"
            case .assert(let value): "assert \(value)"
            }
        }
    }

    var kind: Kind
    var name: String?
    var chargePoint: String?
    var evse: Int?
    var idTag: String?
    var status: String?
    var type: String?
    var limit: Double?
    var unit: String?
    var message: String?
    var key: String?
    var value: String?
    var errorCode: String?
    var above: Double?
    var timeout: Double?
    var force: Bool?
    var field: String?
    var equals: String?
    var notEquals: String?
    var greaterThan: Double?
    var lessThan: Double?
    var atLeast: Double?
    var atMost: Double?
    var exists: Bool?
    /// For `api` steps: the HTTP status the action must fail with (e.g. 406); absent = success.
    var expectStatus: Int?

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case fleet, api, charger, wait, assert
        case name, chargePoint, evse, idTag, status, type, limit, unit, message, key, value, errorCode, above
        case timeout, force, field, equals, notEquals, greaterThan, lessThan, atLeast, atMost, exists, expectStatus
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let unknown = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
            .filter { CodingKeys(stringValue: $0) == nil }
        if let first = unknown.first {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "unknown key '\(first)'; a step has one of fleet, api, charger, wait, assert and their fields"))
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var kinds: [Kind] = []
        if let value = try container.decodeIfPresent(String.self, forKey: .fleet) { kinds.append(.fleet(value)) }
        if let value = try container.decodeIfPresent(String.self, forKey: .api) { kinds.append(.api(value)) }
        if let value = try container.decodeIfPresent(String.self, forKey: .charger) { kinds.append(.charger(value)) }
        if let value = try container.decodeIfPresent(String.self, forKey: .wait) { kinds.append(.wait(value)) }
        if let value = try container.decodeIfPresent(String.self, forKey: .assert) { kinds.append(.assert(value)) }
        guard kinds.count == 1, let kind = kinds.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription:
                        "a step needs exactly one of fleet, api, charger, wait, assert (got \(kinds.count))"
                ))
        }
        self.kind = kind
        name = try container.decodeIfPresent(String.self, forKey: .name)
        chargePoint = try container.decodeIfPresent(String.self, forKey: .chargePoint)
        evse = try container.decodeIfPresent(Int.self, forKey: .evse)
        idTag = try container.decodeIfPresent(String.self, forKey: .idTag)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        type = try container.decodeIfPresent(String.self, forKey: .type)
        limit = try container.decodeIfPresent(Double.self, forKey: .limit)
        unit = try container.decodeIfPresent(String.self, forKey: .unit)
        message = try container.decodeIfPresent(String.self, forKey: .message)
        key = try container.decodeIfPresent(String.self, forKey: .key)
        value = try container.decodeIfPresent(String.self, forKey: .value)
        errorCode = try container.decodeIfPresent(String.self, forKey: .errorCode)
        above = try container.decodeIfPresent(Double.self, forKey: .above)
        timeout = try container.decodeIfPresent(Double.self, forKey: .timeout)
        force = try container.decodeIfPresent(Bool.self, forKey: .force)
        field = try container.decodeIfPresent(String.self, forKey: .field)
        equals = try container.decodeIfPresent(String.self, forKey: .equals)
        notEquals = try container.decodeIfPresent(String.self, forKey: .notEquals)
        greaterThan = try container.decodeIfPresent(Double.self, forKey: .greaterThan)
        lessThan = try container.decodeIfPresent(Double.self, forKey: .lessThan)
        atLeast = try container.decodeIfPresent(Double.self, forKey: .atLeast)
        atMost = try container.decodeIfPresent(Double.self, forKey: .atMost)
        exists = try container.decodeIfPresent(Bool.self, forKey: .exists)
        expectStatus = try container.decodeIfPresent(Int.self, forKey: .expectStatus)
    }

    /// The step's name in the report: its `name`, else its kind and target.
    var title: String {
        if let name { return name }
        var parts = [kind.label]
        if let chargePoint { parts.append(chargePoint) }
        if let evse { parts.append("evse \(evse)") }
        if let type { parts.append(type) }
        if let key { parts.append(key) }
        if let status { parts.append(status) }
        if let field { parts.append(field) }
        return parts.joined(separator: " ")
    }
}
