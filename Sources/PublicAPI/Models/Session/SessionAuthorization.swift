import Foundation

/// Session `authorization` (with `withAuthorization`) (reference §4.6).
public struct SessionAuthorization: Codable, Hashable, Sendable {
    /// `id`: Authorization id.
    public var id: Int
    /// `method`: How.
    public var method: AuthorizationMethod
    /// `source`: Where decided.
    public var source: AuthorizationSource?
    /// `createdAt`: When.
    public var createdAt: Date?
    /// `status`: Outcome.
    public var status: AuthorizationDecision?
    /// `rejectionReason`: Why rejected.
    public var rejectionReason: String?
    /// `userId`: User.
    public var userId: Int?
    /// `rfidTagUid`: Tag UID.
    public var rfidTagUid: String?
    /// `roaming`: Roaming block.
    public var roaming: JSONValue?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int, method: AuthorizationMethod, source: AuthorizationSource? = nil, createdAt: Date? = nil,
        status: AuthorizationDecision? = nil, rejectionReason: String? = nil, userId: Int? = nil,
        rfidTagUid: String? = nil, roaming: JSONValue? = nil
    ) {
        self.id = id
        self.method = method
        self.source = source
        self.createdAt = createdAt
        self.status = status
        self.rejectionReason = rejectionReason
        self.userId = userId
        self.rfidTagUid = rfidTagUid
        self.roaming = roaming
    }
}
