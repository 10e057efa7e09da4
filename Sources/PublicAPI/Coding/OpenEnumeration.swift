/// A string enum that stays open: values a newer server sends decode as an `unknown(raw)` case
/// instead of failing, because AMPECO grows enums over time (reference §2.7).
public protocol OpenEnumeration: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible
where RawValue == String {
    /// Every value this version knows, in the reference's order.
    static var knownCases: [Self] { get }
    /// Maps a wire value; never fails.
    init(rawValue: String)
}

extension OpenEnumeration {
    /// Whether this value is one the reference lists.
    public var isKnown: Bool { Self.knownCases.contains(self) }

    /// The wire value.
    public var description: String { rawValue }

    /// Decodes from a JSON string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    /// Encodes as a JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
