import Foundation
import PublicAPI

/// Filters of `GET sessions/v1.0` the store serves (reference §4.6); `nil` = no constraint.
public struct SessionFilter: Sendable, Hashable {
    /// `filter[chargePointId]`
    public var chargePointId: Int64?
    /// `filter[evseId]` (EVSE system id)
    public var evseId: Int64?
    /// `filter[status]`
    public var status: SessionStatus?
    /// `filter[idTag]`
    public var idTag: String?
    /// `filter[startedAfter]`
    public var startedAfter: Date?
    /// `filter[startedBefore]`
    public var startedBefore: Date?
    /// `filter[endedAfter]`
    public var endedAfter: Date?
    /// `filter[endedBefore]`
    public var endedBefore: Date?

    /// A filter; all constraints optional.
    public init(
        chargePointId: Int64? = nil, evseId: Int64? = nil, status: SessionStatus? = nil, idTag: String? = nil,
        startedAfter: Date? = nil, startedBefore: Date? = nil, endedAfter: Date? = nil, endedBefore: Date? = nil
    ) {
        self.chargePointId = chargePointId
        self.evseId = evseId
        self.status = status
        self.idTag = idTag
        self.startedAfter = startedAfter
        self.startedBefore = startedBefore
        self.endedAfter = endedAfter
        self.endedBefore = endedBefore
    }
}
