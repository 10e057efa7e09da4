/// What a connector can deliver at most, in plain electrical units.
public struct ConnectorRating: Sendable, Equatable {
    /// AC or DC.
    public var currentType: CurrentType
    /// Maximum current in A: per phase for AC, the DC output current for DC.
    public var maxCurrentA: Double
    /// AC phases wired to the connector (1 or 3); 1 for DC.
    public var phases: Int
    /// Maximum power in kW.
    public var maxPowerKW: Double
    /// Nominal line-to-neutral voltage of the grid connection, in V.
    public var nominalVoltageV: Double

    public init(
        currentType: CurrentType,
        maxCurrentA: Double,
        phases: Int,
        maxPowerKW: Double,
        nominalVoltageV: Double = 230
    ) {
        self.currentType = currentType
        self.maxCurrentA = maxCurrentA
        self.phases = phases
        self.maxPowerKW = maxPowerKW
        self.nominalVoltageV = nominalVoltageV
    }
}
