import Foundation
import Yams

/// Problems met while a profile decodes, shared through the decoder's `userInfo` so that one
/// run reports every one of them instead of stopping at the first.
final class ProfileProblemCollector {
    /// The parsed file, to describe the offending value ("got \"thirty\"").
    let root: Node
    var problems: [ProfileProblem] = []

    init(root: Node) {
        self.root = root
    }

    /// The node at `path`, if the file has one there.
    func node(at path: ProfilePath) -> Node? {
        var node = root
        for component in path.components {
            switch (component, node) {
            case (.key(let key), .mapping(let mapping)):
                guard let value = mapping.first(where: { $0.key.string == key })?.value else { return nil }
                node = value
            case (.index(let index), .sequence(let sequence)):
                guard sequence.indices.contains(index) else { return nil }
                node = sequence[index]
            case (.key, _), (.index, _):
                return nil
            }
        }
        return node
    }

    /// How a value looks in the file, for "got ..." in a message.
    func describeValue(at path: ProfilePath) -> String {
        switch node(at: path) {
        case .scalar(let scalar)?:
            return Node.scalar(scalar).null != nil || scalar.string.isEmpty ? "nothing" : "\"\(scalar.string)\""
        case .mapping?: return "a mapping"
        case .sequence?: return "a list"
        case .alias?: return "an alias"
        case nil: return "nothing"
        }
    }
}

extension CodingUserInfoKey {
    // The raw value is a literal, so the initialiser cannot fail.
    static let profileProblems = CodingUserInfoKey(rawValue: "ChargeSim.profileProblems")!
}

/// Thrown by a profile type's `init(from:)` after it has recorded why it failed, so that the
/// types above it do not record the failure a second time.
struct ProfileDecodingFailed: Error {}

/// A coding key for any mapping key, to find the keys a type does not know.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init?(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// What a value should look like, for "expected an integer" in a message.
protocol ProfileValue {
    static var expectation: String { get }
}

extension ProfileValue where Self: CaseIterable & RawRepresentable, RawValue == String {
    static var expectation: String { "one of " + allCases.map(\.rawValue).joined(separator: ", ") }
}

extension Int: ProfileValue { static var expectation: String { "an integer" } }
extension Double: ProfileValue { static var expectation: String { "a number" } }
extension String: ProfileValue { static var expectation: String { "a string" } }
extension Bool: ProfileValue { static var expectation: String { "true or false" } }
extension Array: ProfileValue { static var expectation: String { "a list" } }

/// Reads one mapping of a profile: flags unknown keys, and turns a missing field or a value of
/// the wrong type into a recorded problem (with the collector) or a thrown error (without one,
/// e.g. when decoding JSON), so decoding goes on and finds the other problems.
struct ProfileFields<Key: CodingKey & CaseIterable> {
    private let container: KeyedDecodingContainer<Key>
    private let collector: ProfileProblemCollector?
    private let path: ProfilePath
    /// Whether a field could not be read; the caller then throws `ProfileDecodingFailed`.
    private(set) var failed = false

    init(_ decoder: any Decoder, _ keys: Key.Type) throws {
        collector = decoder.userInfo[.profileProblems] as? ProfileProblemCollector
        path = ProfilePath(codingPath: decoder.codingPath)
        do {
            container = try decoder.container(keyedBy: Key.self)
        } catch {
            guard let collector else { throw error }
            let got = collector.describeValue(at: path)
            collector.problems.append(ProfileProblem(path: path, message: "expected a mapping, got \(got)"))
            throw ProfileDecodingFailed()
        }
        let known = Key.allCases.map(\.stringValue)
        for key in try decoder.container(keyedBy: AnyCodingKey.self).allKeys where !known.contains(key.stringValue) {
            let message = "unknown key; expected one of \(known.joined(separator: ", "))"
            guard let collector else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: decoder.codingPath + [key], debugDescription: message))
            }
            collector.problems.append(ProfileProblem(path: path.appending(key.stringValue), message: message))
        }
    }

    /// A field that must be there.
    mutating func required<T: Decodable & ProfileValue>(_ key: Key) throws -> T? {
        try required(key, expectation: T.expectation)
    }

    /// A field that must be there, of a type with its own decoder (a mapping).
    mutating func required<T: Decodable>(_ key: Key, expectation: String = "a mapping") throws -> T? {
        guard container.contains(key) else {
            try record(path.appending(key.stringValue), "missing; add it (\(expectation))")
            return nil
        }
        return try optional(key, expectation: expectation)
    }

    /// A field that may be left out (or set to null).
    mutating func optional<T: Decodable & ProfileValue>(_ key: Key) throws -> T? {
        try optional(key, expectation: T.expectation)
    }

    /// A field that may be left out, of a type with its own decoder (a mapping).
    mutating func optional<T: Decodable>(_ key: Key, expectation: String = "a mapping") throws -> T? {
        do {
            return try container.decodeIfPresent(T.self, forKey: key)
        } catch {
            try absorb(error, expectation: expectation)
            return nil
        }
    }

    /// A list read item by item, so that every bad item is reported.
    mutating func list<T: Decodable>(_ key: Key, of itemExpectation: String, required: Bool) throws -> [T]? {
        let listPath = path.appending(key.stringValue)
        guard container.contains(key), (try? container.decodeNil(forKey: key)) == false else {
            if required { try record(listPath, "missing; add it (a list)") }
            return nil
        }
        var items: [T] = []
        var itemFailed = false
        do {
            var unkeyed = try container.nestedUnkeyedContainer(forKey: key)
            while !unkeyed.isAtEnd {
                do {
                    items.append(try unkeyed.decode(T.self))
                } catch {
                    itemFailed = true
                    try absorb(error, expectation: itemExpectation)
                    // A failed decode leaves the container where it was; step over the item.
                    _ = try unkeyed.superDecoder()
                }
            }
        } catch {
            try absorb(error, expectation: "a list")
            return nil
        }
        return itemFailed ? nil : items
    }

    /// A mapping of keys to strings, read key by key.
    mutating func stringMap(_ key: Key) throws -> [String: String]? {
        guard container.contains(key), (try? container.decodeNil(forKey: key)) == false else { return nil }
        do {
            let nested = try container.nestedContainer(keyedBy: AnyCodingKey.self, forKey: key)
            var map: [String: String] = [:]
            for entry in nested.allKeys {
                do {
                    map[entry.stringValue] = try nested.decode(String.self, forKey: entry)
                } catch {
                    try absorb(error, expectation: "a string")
                }
            }
            return map
        } catch {
            try absorb(error, expectation: "a mapping of keys to strings")
            return nil
        }
    }

    /// Records a problem found while reading this mapping (a two-number range the wrong way round).
    mutating func record(_ problemPath: ProfilePath, _ message: String) throws {
        failed = true
        guard let collector else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(problemPath): \(message)"))
        }
        collector.problems.append(ProfileProblem(path: problemPath, message: message))
    }

    /// The path of `key` in this mapping.
    func path(of key: Key) -> ProfilePath {
        path.appending(key.stringValue)
    }

    private mutating func absorb(_ error: any Error, expectation: String) throws {
        failed = true
        if error is ProfileDecodingFailed { return }
        guard let collector, let decodingError = error as? DecodingError else { throw error }
        switch decodingError {
        case .keyNotFound(let key, let context):
            let at = ProfilePath(codingPath: context.codingPath + [key])
            collector.problems.append(ProfileProblem(path: at, message: "missing; add it (\(expectation))"))
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let at = ProfilePath(codingPath: context.codingPath)
            let got = collector.describeValue(at: at)
            collector.problems.append(ProfileProblem(path: at, message: "expected \(expectation), got \(got)"))
        @unknown default:
            collector.problems.append(ProfileProblem(path: path, message: String(describing: error)))
        }
    }
}
