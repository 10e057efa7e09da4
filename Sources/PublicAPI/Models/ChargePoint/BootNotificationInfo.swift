import Foundation

/// Charge point v2.0 `lastBootNotification` (reference §4.1), from OCPP BootNotification.
public struct BootNotificationInfo: Codable, Hashable, Sendable {
    /// `model`: chargePointModel.
    public var model: String?
    /// `vendor`: chargePointVendor.
    public var vendor: String?
    /// `chargeBoxSerialNumber`: chargeBoxSerialNumber.
    public var chargeBoxSerialNumber: String?
    /// `chargePointSerialNumber`: chargePointSerialNumber.
    public var chargePointSerialNumber: String?
    /// `firmwareVersion`: firmwareVersion.
    public var firmwareVersion: String?
    /// `iccid`: iccid.
    public var iccid: String?
    /// `imsi`: imsi.
    public var imsi: String?
    /// `meterSerialNumber`: meterSerialNumber.
    public var meterSerialNumber: String?
    /// `meterType`: meterType.
    public var meterType: String?
    /// `lastUpdatedAt`: When it was received.
    public var lastUpdatedAt: Date?

    /// Creates the value; optional fields default to absent.
    public init(
        model: String? = nil, vendor: String? = nil, chargeBoxSerialNumber: String? = nil,
        chargePointSerialNumber: String? = nil, firmwareVersion: String? = nil, iccid: String? = nil,
        imsi: String? = nil, meterSerialNumber: String? = nil, meterType: String? = nil, lastUpdatedAt: Date? = nil
    ) {
        self.model = model
        self.vendor = vendor
        self.chargeBoxSerialNumber = chargeBoxSerialNumber
        self.chargePointSerialNumber = chargePointSerialNumber
        self.firmwareVersion = firmwareVersion
        self.iccid = iccid
        self.imsi = imsi
        self.meterSerialNumber = meterSerialNumber
        self.meterType = meterType
        self.lastUpdatedAt = lastUpdatedAt
    }
}
