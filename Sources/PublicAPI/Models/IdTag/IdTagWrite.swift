import Foundation

/// Body of id tag create (idTagUid, status, type required) and PATCH (reference §4.7).
public struct IdTagWrite: Codable, Hashable, Sendable {
    /// `idTagUid`: The token.
    public var idTagUid: String?
    /// `idLabel`: Label.
    public var idLabel: String?
    /// `expireAt`: Expiry.
    public var expireAt: Date?
    /// `status`: Status.
    public var status: IdTagStatus?
    /// `type`: Type.
    public var type: IdTagType?
    /// `vehicleType`: Vehicle type.
    public var vehicleType: VehicleType?
    /// `paymentMethodId`: Payment method.
    public var paymentMethodId: String?
    /// `userId`: User.
    public var userId: Int?
    /// `externalId`: External id.
    public var externalId: String?
    /// `partnerId`: Partner.
    public var partnerId: Int?

    /// Creates the value; optional fields default to absent.
    public init(
        idTagUid: String? = nil, idLabel: String? = nil, expireAt: Date? = nil, status: IdTagStatus? = nil,
        type: IdTagType? = nil, vehicleType: VehicleType? = nil, paymentMethodId: String? = nil, userId: Int? = nil,
        externalId: String? = nil, partnerId: Int? = nil
    ) {
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
    }
}
