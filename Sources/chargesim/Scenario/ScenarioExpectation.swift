import Foundation
import PublicAPI

/// What an `assert` step expects of a field: `equals`, `notEquals`, `greaterThan`, `lessThan`,
/// `atLeast`, `atMost`, `exists` (any combination; all must hold).
struct ScenarioExpectation {
    let step: ScenarioStep

    init(_ step: ScenarioStep) {
        self.step = step
    }

    /// Throws naming the field, the expectation and the value seen.
    func check(_ value: JSONValue?, field: String) throws {
        let present = value != nil && value != .null
        let seen = Self.text(value)
        if let exists = step.exists, exists != present {
            throw ScenarioFailure("\(field): expected it \(exists ? "present" : "absent"), got \(seen)")
        }
        if let expected = step.equals, seen != expected {
            throw ScenarioFailure("\(field): expected \(expected), got \(seen)")
        }
        if let unexpected = step.notEquals, seen == unexpected {
            throw ScenarioFailure("\(field): expected anything but \(unexpected), got it")
        }
        let bounds: [(Double?, String, (Double, Double) -> Bool)] = [
            (step.greaterThan, ">", { $0 > $1 }), (step.lessThan, "<", { $0 < $1 }),
            (step.atLeast, ">=", { $0 >= $1 }), (step.atMost, "<=", { $0 <= $1 }),
        ]
        for (bound, symbol, holds) in bounds {
            guard let bound else { continue }
            guard let number = Double(seen) else {
                throw ScenarioFailure("\(field): expected a number \(symbol) \(bound), got \(seen)")
            }
            if !holds(number, bound) { throw ScenarioFailure("\(field): expected \(symbol) \(bound), got \(seen)") }
        }
        if step.exists == nil, step.equals == nil, step.notEquals == nil, bounds.allSatisfy({ $0.0 == nil }) {
            throw ScenarioFailure(
                "\(field): the assert names no expectation (equals, notEquals, greaterThan, lessThan, atLeast, atMost, exists)"
            )
        }
    }

    /// A JSON value as text: strings bare, numbers without a needless `.0`, `null` for absent.
    static func text(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: return "null"
        case .string(let string)?: return string
        case .bool(let bool)?: return bool ? "true" : "false"
        case .number(let double)?:
            return double == double.rounded() && abs(double) < 1e15 ? String(Int(double)) : String(double)
        case .array(let array)?: return "[\(array.count) items]"
        case .object?: return "{object}"
        }
    }
}
