import Foundation

/// The JSON coders every Public API body goes through, so the server and the client agree on
/// timestamps: ISO 8601 with an offset (reference §2.5).
public enum PublicAPIJSON {
    /// Writes `Date`s as ISO 8601 in UTC with `Z`, with milliseconds only when they are not zero
    /// (the spec's examples use whole seconds), and keys sorted so bodies are stable.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(formatTimestamp(date))
        }
        return encoder
    }

    /// Reads `Date`s in ISO 8601 with `Z` or a numeric offset, with or without fractional
    /// seconds (`2024-01-01T12:00:00Z`, `2025-10-14T08:30:00+00:00`).
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseTimestamp(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "not an ISO 8601 date-time with offset: \(text)"
                )
            }
            return date
        }
        return decoder
    }

    /// `2024-01-01T12:00:00Z`, or `2024-01-01T12:00:00.250Z` when there are milliseconds.
    public static func formatTimestamp(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let whole = Date(timeIntervalSince1970: (milliseconds / 1000).rounded(.down))
        if milliseconds.truncatingRemainder(dividingBy: 1000) == 0 {
            return whole.formatted(Date.ISO8601FormatStyle())
        }
        let exact = Date(timeIntervalSince1970: milliseconds / 1000)
        return exact.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    /// Parses an ISO 8601 date-time with `Z` or an offset; `nil` when it is not one.
    public static func parseTimestamp(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) {
            return date
        }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
