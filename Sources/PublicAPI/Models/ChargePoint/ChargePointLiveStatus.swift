import Foundation

/// `GET charge-points/v1.0/{chargePoint}/status` (reference §4.3).
public struct ChargePointLiveStatus: Codable, Hashable, Sendable {
    /// `networkStatus`: Connection state, space spelling (required).
    public var networkStatus: LegacyNetworkStatus
    /// `hardwareStatus`: Connector-0 status or `null`.
    @ExplicitNull public var hardwareStatus: ChargePointHardwareStatus?
    /// `evses`: Each EVSE's live status.
    public var evses: [EVSELiveStatus]
    /// `lastUpdatedAt`: Last change.
    public var lastUpdatedAt: Date?

    /// Creates the value; optional fields default to absent.
    public init(
        networkStatus: LegacyNetworkStatus, hardwareStatus: ChargePointHardwareStatus? = nil, evses: [EVSELiveStatus],
        lastUpdatedAt: Date? = nil
    ) {
        self.networkStatus = networkStatus
        self.hardwareStatus = hardwareStatus
        self.evses = evses
        self.lastUpdatedAt = lastUpdatedAt
    }
}
