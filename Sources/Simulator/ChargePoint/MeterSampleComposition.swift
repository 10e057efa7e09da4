import Foundation
import OCPP16

/// Turns a ``MeterReading`` into the SampledValues of one OCPP MeterValue (OCPP 1.6 §7.31,
/// §7.45): one value per configured measurand and phase, each with its unit, context and
/// location. The charge point's only place that builds sampled values, to be replaced by the
/// `MeterValuesComposer` of branch `sim-components`.
enum MeterSampleComposition {
    static func meterValue(
        _ reading: MeterReading,
        measurands: [Measurand],
        context: ReadingContext,
        currentType: CurrentType,
        timestamp: OCPPTimestamp
    ) -> MeterValue {
        var values: [SampledValue] = []
        func add(
            _ value: String, _ measurand: Measurand, _ unit: UnitOfMeasure?, phase: Phase? = nil,
            location: Location = .outlet
        ) {
            values.append(
                SampledValue(
                    value: value, context: context, format: .raw, measurand: measurand, phase: phase,
                    location: location, unit: unit))
        }
        let phases: [Phase] = [.l1, .l2, .l3]
        let neutralPhases: [Phase] = [.l1N, .l2N, .l3N]
        let isAC = currentType == .ac
        for measurand in measurands {
            switch measurand {
            case .energyActiveImportRegister:
                add(String(reading.energyActiveImportRegisterWh), measurand, .wh)
            case .powerActiveImport:
                add(format(reading.powerActiveImportW), measurand, .w)
            case .powerOffered:
                add(format(reading.powerOfferedW), measurand, .w)
            case .currentImport:
                for (index, amperes) in reading.currentImportA.enumerated() {
                    add(format(amperes), measurand, .a, phase: isAC && index < 3 ? phases[index] : nil)
                }
            case .currentOffered:
                add(format(reading.currentOfferedA), measurand, .a)
            case .voltage:
                for (index, volts) in reading.voltageV.enumerated() {
                    add(format(volts), measurand, .v, phase: isAC && index < 3 ? neutralPhases[index] : nil)
                }
            case .soc:
                if let soc = reading.socPercent { add(format(soc, decimals: 0), measurand, .percent, location: .ev) }
            case .frequency:
                if let hertz = reading.frequencyHz { add(format(hertz, decimals: 2), measurand, .hertz) }
            case .temperature:
                if let celsius = reading.temperatureC { add(format(celsius), measurand, .celsius, location: .body) }
            case .energyActiveExportRegister, .energyReactiveExportRegister, .energyReactiveImportRegister,
                .energyActiveExportInterval, .energyActiveImportInterval, .energyReactiveExportInterval,
                .energyReactiveImportInterval, .powerActiveExport, .powerReactiveExport, .powerReactiveImport,
                .powerFactor, .currentExport, .rpm:
                // Not modelled: the simulated charger imports only and has no fan.
                continue
            }
        }
        if values.isEmpty {
            add(String(reading.energyActiveImportRegisterWh), .energyActiveImportRegister, .wh)
        }
        return MeterValue(timestamp: timestamp, sampledValue: values)
    }

    private static func format(_ value: Double, decimals: Int = 1) -> String {
        String(format: "%.\(decimals)f", value.isFinite ? value : 0)
    }
}
