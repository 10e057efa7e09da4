import Foundation

/// An id tag (RFID card, MAC address, eMAID), id tags v2.0 (reference §4.7).
public struct IdTag: Codable, Hashable, Sendable {
    /// `id`: System id.
    public var id: Int
    /// `idTagUid`: The token.
    public var idTagUid: String
    /// `idLabel`: Label.
    public var idLabel: String?
    /// `expireAt`: Expiry.
    public var expireAt: Date?
    /// `status`: enabled, disabled or suspended.
    public var status: IdTagStatus
    /// `type`: rfid, mac_address (emaid in listings).
    public var type: IdTagType
    /// `vehicleType`: Vehicle type.
    public var vehicleType: VehicleType?
    /// `paymentMethodId`: Payment method.
    public var paymentMethodId: String?
    /// `userId`: User; a tag without one is not authorised.
    public var userId: Int?
    /// `externalId`: External id.
    public var externalId: String?
    /// `partnerId`: Partner.
    public var partnerId: Int?
    /// `createdAt`: Creation.
    public var createdAt: Date?
    /// `lastUpdatedAt`: Last change.
    public var lastUpdatedAt: Date?

    /// Creates the value; optional fields default to absent.
    public init(
        id: Int, idTagUid: String, idLabel: String? = nil, expireAt: Date? = nil, status: IdTagStatus, type: IdTagType,
        vehicleType: VehicleType? = nil, paymentMethodId: String? = nil, userId: Int? = nil, externalId: String? = nil,
        partnerId: Int? = nil, createdAt: Date? = nil, lastUpdatedAt: Date? = nil
    ) {
        self.id = id
        self.idTagUid = idTagUid
        self.idLabel = idLabel
        self.expireAt = expireAt
        self.status = status
        self.type = type
        self.vehicleType = vehicleType
        self.paymentMethodId = paymentMethodId
        self.userId = userId
        self.externalId = externalId
        self.partnerId = partnerId
        self.createdAt = createdAt
        self.lastUpdatedAt = lastUpdatedAt
    }
}
