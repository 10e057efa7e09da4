/// Body of change-owner (reference §5); `null` removes the owner.
public struct ChangeOwnerBody: Codable, Hashable, Sendable {
    /// `userId`: New owner.
    @ExplicitNull public var userId: Int?

    /// Creates the value; optional fields default to absent.
    public init(userId: Int? = nil) {
        self.userId = userId
    }
}
