/// A zone-less `Y-m-d H:i:s` time (`2022-11-12 12:00:00`), the format get-security-log takes
/// for `startTime`/`stopTime` (reference §2.5, §5).
public struct LocalDateTime: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The text as sent, validated on creation.
    public let text: String

    /// Accepts exactly `YYYY-MM-DD HH:MM:SS`; `nil` for anything else.
    public init?(_ text: String) {
        let halves = text.split(separator: " ", omittingEmptySubsequences: false)
        guard halves.count == 2, CalendarDay(String(halves[0])) != nil else { return nil }
        let clock = halves[1].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        self.text = text
    }

    /// The `Y-m-d H:i:s` text.
    public var description: String { text }

    /// Decodes `Y-m-d H:i:s`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = LocalDateTime(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not Y-m-d H:i:s: \(text)")
        }
        self = value
    }

    /// Encodes `Y-m-d H:i:s`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
