/// Marks an expansion a read returns only when asked for with `include[]=name` (reference §2.4):
/// not included, the key is absent; included, it is written as the value or `null`. Decoding
/// tells the three apart: a missing key is not included, `null` is included and empty.
@propertyWrapper
public struct Included<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    /// Whether the key is written; setting a value marks it included.
    public var isIncluded: Bool
    /// The value, `nil` when absent or `null`.
    public var wrappedValue: Value? {
        didSet { if wrappedValue != nil { isIncluded = true } }
    }

    /// Included when `wrappedValue` is not `nil`.
    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
        self.isIncluded = wrappedValue != nil
    }

    /// Included, as `value` or `null`.
    public init(included value: Value?) {
        self.wrappedValue = value
        self.isIncluded = true
    }

    /// `$field` reads and sets whether the field is included.
    public var projectedValue: Included<Value> {
        get { self }
        set { self = newValue }
    }

    /// Decodes `null` or a value (both included).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(included: container.decodeNil() ? nil : try container.decode(Value.self))
    }

    /// Encodes `null` or the value.
    public func encode(to encoder: any Encoder) throws {
        try ExplicitNull(wrappedValue: wrappedValue).encode(to: encoder)
    }
}

extension KeyedEncodingContainer {
    /// Leaves the key out when the expansion was not included: synthesized `Encodable` calls this
    /// overload for `@Included` properties.
    public mutating func encode<Value>(_ value: Included<Value>, forKey key: Key) throws {
        guard value.isIncluded else { return }
        if let wrapped = value.wrappedValue {
            try encode(wrapped, forKey: key)
        } else {
            try encodeNil(forKey: key)
        }
    }
}

extension KeyedDecodingContainer {
    /// A missing key decodes as not included rather than failing: synthesized `Decodable` calls
    /// this overload for `@Included` properties.
    public func decode<Value>(_ type: Included<Value>.Type, forKey key: Key) throws -> Included<Value> {
        guard contains(key) else { return Included(wrappedValue: nil) }
        if try decodeNil(forKey: key) { return Included(included: nil) }
        return Included(included: try decode(Value.self, forKey: key))
    }
}
