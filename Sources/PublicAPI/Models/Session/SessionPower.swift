/// Session `power`, in W (reference §4.6).
public struct SessionPower: Codable, Hashable, Sendable {
    /// `latest`: Last reported.
    @ExplicitNull public var latest: Double?
    /// `peak`: Highest seen.
    @ExplicitNull public var peak: Double?
    /// `average`: Energy over charging time.
    @ExplicitNull public var average: Double?

    /// Creates the value; optional fields default to absent.
    public init(latest: Double? = nil, peak: Double? = nil, average: Double? = nil) {
        self.latest = latest
        self.peak = peak
        self.average = average
    }
}
