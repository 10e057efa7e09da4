import Foundation

/// An authorization attempt, authorizations v2.1 (reference §4.8).
public struct Authorization: Codable, Hashable, Sendable {
    /// `id`: System id.
    public var id: Int
    /// `method`: How.
    public var method: AuthorizationMethod
    /// `source`: local or roaming.
    public var source: AuthorizationSource
    /// `createdAt`: When.
    public var createdAt: Date
    /// `status`: accepted, rejected or pending.
    public var status: AuthorizationDecision
    /// `rejectionReason`: Why rejected.
    public var rejectionReason: String?
    /// `userId`: User, 0 = anonymous.
    public var userId: Int
    /// `idTagUid`: Token used.
    @ExplicitNull public var idTagUid: String?
    /// `chargePointId`: Charge point.
    public var chargePointId: Int?
    /// `evseId`: EVSE.
    public var evseId: Int?
    /// `sessionIds`: Sessions it started.
    public var sessionIds: [Int]
    /// `roaming`: Roaming block.
    public var roaming: JSONValue?
    /// `lastUpdatedAt`: Last change.
    public var lastUpdatedAt: Date

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int, method: AuthorizationMethod, source: AuthorizationSource, createdAt: Date,
        status: AuthorizationDecision, rejectionReason: String? = nil, userId: Int, idTagUid: String? = nil,
        chargePointId: Int? = nil, evseId: Int? = nil, sessionIds: [Int], roaming: JSONValue? = nil, lastUpdatedAt: Date
    ) {
        self.id = id
        self.method = method
        self.source = source
        self.createdAt = createdAt
        self.status = status
        self.rejectionReason = rejectionReason
        self.userId = userId
        self.idTagUid = idTagUid
        self.chargePointId = chargePointId
        self.evseId = evseId
        self.sessionIds = sessionIds
        self.roaming = roaming
        self.lastUpdatedAt = lastUpdatedAt
    }
}
