/// One charger as the control API lists it.
public struct ChargerOverview: Sendable, Equatable, Codable {
    /// The charge point id.
    public var chargePointId: String
    /// The model (profile identity's `chargePointModel`).
    public var model: String
    /// The connection.
    public var link: ChargerLinkState
    /// Accepted by the central system since the last boot.
    public var booted: Bool
    /// The firmware version it runs.
    public var firmwareVersion: String
    /// Transaction messages waiting for confirmation (the offline queue).
    public var queuedTransactionMessages: Int
    /// Connector 0 (the charge point) and 1...N.
    public var connectors: [ConnectorOverview]
    /// The sum of the connectors' power, W.
    public var powerW: Double {
        connectors.reduce(0) { $0 + $1.powerW }
    }
}
