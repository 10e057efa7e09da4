import OCPP16

/// One connector as the control API lists it (connector 0 is the charge point itself).
public struct ConnectorOverview: Sendable, Equatable, Codable {
    /// The plugged-in EV.
    public struct EV: Sendable, Equatable, Codable {
        /// The model's label.
        public var name: String
        /// Usable battery capacity, kWh.
        public var batteryCapacityKWh: Double
        /// State of charge now, %.
        public var socPercent: Double
        /// The most the EV takes (AC or DC), kW.
        public var maxPowerKW: Double
    }

    /// The OCPP connectorId.
    public var connectorId: Int
    /// The current OCPP status (as derived; reported after MinimumStatusDuration).
    public var status: ChargePointStatus
    /// The error code that goes with the status.
    public var errorCode: ChargePointErrorCode
    /// The fault's free text, if any.
    public var info: String?
    /// The fault's vendor error code, if any.
    public var vendorErrorCode: String?
    /// The central system's transaction id, once StartTransaction is answered.
    public var transactionId: Int?
    /// The id tag of the transaction (or of the start being prepared).
    public var idTag: String?
    /// The power drawn now, W.
    public var powerW: Double
    /// The energy register, Wh (nil for connector 0).
    public var registerWh: Double?
    /// The energy of the running transaction so far, Wh.
    public var sessionEnergyWh: Double?
    /// The EV plugged in, if any.
    public var ev: EV?
}
