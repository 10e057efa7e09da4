/// A simulated electric vehicle: what it can take from a charger and how full it is.
///
/// Plain units only (kWh, kW, %, V), so the meter model knows nothing of OCPP.
public struct EVModel: Sendable, Equatable {
    /// A label for logs and the control API ("Compact hatchback").
    public var name: String
    /// Usable battery capacity in kWh.
    public var batteryCapacityKWh: Double
    /// State of charge when plugged in, 0...100 %.
    public var startSoCPercent: Double
    /// The EV stops accepting power at this state of charge, 0...100 % (default 100).
    public var targetSoCPercent: Double
    /// The on-board charger's limit for AC charging, in kW at the grid side.
    public var maxACPowerKW: Double
    /// How many AC phases the on-board charger uses: 1 or 3.
    public var acPhases: Int
    /// The most DC power the battery accepts, in kW.
    public var maxDCPowerKW: Double
    /// DC power limit by state of charge, as a share of `maxDCPowerKW`.
    public var dcTaper: TaperCurve
    /// Share of the metered energy that ends up in the battery, 0 < efficiency ≤ 1.
    public var efficiency: Double
    /// Battery voltage at 0 % and at 100 % state of charge (e.g. 350...450 V, or 700...850 V
    /// for an 800 V platform); it rises linearly in between.
    public var dcVoltageRangeV: ClosedRange<Double>

    public init(
        name: String,
        batteryCapacityKWh: Double,
        startSoCPercent: Double,
        targetSoCPercent: Double = 100,
        maxACPowerKW: Double,
        acPhases: Int,
        maxDCPowerKW: Double,
        dcTaper: TaperCurve = .typical,
        efficiency: Double = 0.92,
        dcVoltageRangeV: ClosedRange<Double> = 350...450
    ) {
        self.name = name
        self.batteryCapacityKWh = batteryCapacityKWh
        self.startSoCPercent = startSoCPercent
        self.targetSoCPercent = targetSoCPercent
        self.maxACPowerKW = maxACPowerKW
        self.acPhases = acPhases
        self.maxDCPowerKW = maxDCPowerKW
        self.dcTaper = dcTaper
        self.efficiency = efficiency
        self.dcVoltageRangeV = dcVoltageRangeV
    }

    /// The battery voltage at `socPercent`, in V.
    public func batteryVoltage(atSoC socPercent: Double) -> Double {
        let clamped = min(max(socPercent, 0), 100)
        return dcVoltageRangeV.lowerBound + (dcVoltageRangeV.upperBound - dcVoltageRangeV.lowerBound) * clamped / 100
    }
}
