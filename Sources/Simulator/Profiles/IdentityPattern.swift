/// A per-charger identity value such as a serial number: text with `{index}` or
/// `{index:05}` (zero-padded to 5 digits) standing for the charger's number in the fleet.
public struct IdentityPattern: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The pattern as written, e.g. `WB-{index:05}`.
    public var pattern: String

    public init(_ pattern: String) {
        self.pattern = pattern
    }

    public init(from decoder: any Decoder) throws {
        pattern = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(pattern)
    }

    public var description: String { pattern }

    /// The largest charger number a length check assumes (fleets of up to 100 000 chargers).
    public static let largestIndex = 99_999

    /// The value for charger `index`: `WB-{index:05}` gives `WB-00042` for 42.
    public func expanded(index: Int) -> String {
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let placeholder = rest[rest.index(after: open)..<close]
            result += Self.format(placeholder, index: index) ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// What is wrong with the pattern's placeholders, if anything.
    public var placeholderProblem: String? {
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                return "unclosed \"{\"; write {index} or {index:05}"
            }
            let placeholder = rest[rest.index(after: open)..<close]
            if Self.format(placeholder, index: 0) == nil {
                return "unknown placeholder {\(placeholder)}; write {index} or {index:05}"
            }
            rest = rest[rest.index(after: close)...]
        }
        return rest.contains("}") ? "unmatched \"}\"" : nil
    }

    /// `index` → "42"; `index:05` → "00042"; anything else → nil.
    private static func format(_ placeholder: Substring, index: Int) -> String? {
        if placeholder == "index" { return String(index) }
        guard placeholder.hasPrefix("index:0"), let width = Int(placeholder.dropFirst("index:0".count)),
            (1...12).contains(width)
        else { return nil }
        let digits = String(index)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
}
