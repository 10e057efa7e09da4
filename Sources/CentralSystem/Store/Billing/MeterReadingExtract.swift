import OCPP16

/// The three quantities a session keeps from one MeterValue (OCPP 1.6 §7.31–7.43): the active
/// import register in Wh, active import power in W, and SoC in percent. A sampled value without
/// a measurand is the import register (the OCPP default). Values with a phase are summed when
/// no total is given.
struct MeterReadingExtract: Hashable {
    var energyWh: Double?
    var powerW: Double?
    var socPercent: Double?

    /// Whether the sampled values held none of the three (nothing to store).
    var isEmpty: Bool { energyWh == nil && powerW == nil && socPercent == nil }

    init(_ values: [SampledValue]) {
        var energyTotal: Double?
        var energyPhases: [Double] = []
        var powerTotal: Double?
        var powerPhases: [Double] = []
        for sampled in values {
            guard let number = Double(sampled.value) else { continue }
            switch sampled.measurand ?? .energyActiveImportRegister {
            case .energyActiveImportRegister:
                let wh = sampled.unit == .kWh ? number * 1000 : number
                if sampled.phase == nil { energyTotal = wh } else { energyPhases.append(wh) }
            case .powerActiveImport:
                let watts = sampled.unit == .kW ? number * 1000 : number
                if sampled.phase == nil { powerTotal = watts } else { powerPhases.append(watts) }
            case .soc:
                socPercent = number
            case .energyActiveExportRegister, .energyReactiveExportRegister, .energyReactiveImportRegister,
                .energyActiveExportInterval, .energyActiveImportInterval, .energyReactiveExportInterval,
                .energyReactiveImportInterval, .powerActiveExport, .powerOffered, .powerReactiveExport,
                .powerReactiveImport, .powerFactor, .currentImport, .currentExport, .currentOffered, .voltage,
                .frequency, .temperature, .rpm:
                continue
            }
        }
        energyWh = energyTotal ?? (energyPhases.isEmpty ? nil : energyPhases.reduce(0, +))
        powerW = powerTotal ?? (powerPhases.isEmpty ? nil : powerPhases.reduce(0, +))
    }
}
