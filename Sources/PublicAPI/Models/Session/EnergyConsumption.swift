/// Session `energyConsumption`, in Wh (reference §4.6).
public struct EnergyConsumption: Codable, Hashable, Sendable {
    /// `total`: All energy delivered.
    public var total: Double
    /// `grid`: From the grid.
    public var grid: Double
    /// `local`: From local generation.
    public var local: Double?

    /// Creates the value; optional fields default to absent.
    public init(total: Double, grid: Double, local: Double? = nil) {
        self.total = total
        self.grid = grid
        self.local = local
    }
}
