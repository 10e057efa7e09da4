/// Location `workingHours` (reference §4.9); only `isAlwaysOpen` is modelled.
public struct WorkingHours: Codable, Hashable, Sendable {
    /// `isAlwaysOpen`: Open 24/7.
    public var isAlwaysOpen: Bool?

    /// Creates the value; optional fields default to absent.
    public init(isAlwaysOpen: Bool? = nil) {
        self.isAlwaysOpen = isAlwaysOpen
    }
}
