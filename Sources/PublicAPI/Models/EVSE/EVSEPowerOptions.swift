/// EVSE v2.1 `powerOptions` (reference §4.4).
public struct EVSEPowerOptions: Codable, Hashable, Sendable {
    /// `maxPower`: Maximum power; documented as Wh, read as W (reference §2.5).
    public var maxPower: Int?
    /// `maxVoltage`: Nominal voltage, a string.
    public var maxVoltage: MaxVoltage?
    /// `maxAmperage`: Maximum current in A.
    public var maxAmperage: Double?
    /// `phases`: Phase supply.
    public var phases: PhaseSupply?
    /// `phaseRotation`: Phase rotation.
    public var phaseRotation: PhaseRotation?
    /// `connectedPhase`: Connected phase(s).
    public var connectedPhase: ConnectedPhase?

    /// Creates the value; optional fields default to absent.
    public init(
        maxPower: Int? = nil, maxVoltage: MaxVoltage? = nil, maxAmperage: Double? = nil, phases: PhaseSupply? = nil,
        phaseRotation: PhaseRotation? = nil, connectedPhase: ConnectedPhase? = nil
    ) {
        self.maxPower = maxPower
        self.maxVoltage = maxVoltage
        self.maxAmperage = maxAmperage
        self.phases = phases
        self.phaseRotation = phaseRotation
        self.connectedPhase = connectedPhase
    }
}
