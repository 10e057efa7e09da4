/// A snapshot of a connector's meter: everything one OCPP MeterValues sample can carry
/// (OCPP 1.6 §7.31 Measurand), in plain units.
///
/// Per-phase arrays are ordered L1, L2, L3 and have one entry per phase wired to the
/// connector (one for a single-phase connector); for DC they have the one DC value.
public struct MeterReading: Sendable, Equatable {
    /// `Energy.Active.Import.Register`, whole Wh; it never decreases.
    public var energyActiveImportRegisterWh: Int
    /// `Power.Active.Import`, W.
    public var powerActiveImportW: Double
    /// `Power.Offered`: what the connector would give now, given its rating and the limit, W.
    public var powerOfferedW: Double
    /// `Current.Import` per phase (AC) or the DC current, A.
    public var currentImportA: [Double]
    /// `Current.Offered`, A per phase (AC) or DC A.
    public var currentOfferedA: Double
    /// `Voltage` per phase, line to neutral (AC), or the DC voltage, V.
    public var voltageV: [Double]
    /// `SoC`, only on DC (an AC charger cannot see the battery).
    public var socPercent: Double?
    /// `Frequency` of the grid, only on AC, Hz.
    public var frequencyHz: Double?
    /// `Temperature` inside the connector or cable, °C.
    public var temperatureC: Double?

    public init(
        energyActiveImportRegisterWh: Int,
        powerActiveImportW: Double,
        powerOfferedW: Double,
        currentImportA: [Double],
        currentOfferedA: Double,
        voltageV: [Double],
        socPercent: Double? = nil,
        frequencyHz: Double? = nil,
        temperatureC: Double? = nil
    ) {
        self.energyActiveImportRegisterWh = energyActiveImportRegisterWh
        self.powerActiveImportW = powerActiveImportW
        self.powerOfferedW = powerOfferedW
        self.currentImportA = currentImportA
        self.currentOfferedA = currentOfferedA
        self.voltageV = voltageV
        self.socPercent = socPercent
        self.frequencyHz = frequencyHz
        self.temperatureC = temperatureC
    }
}
