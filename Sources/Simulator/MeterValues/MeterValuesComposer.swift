import Foundation
import OCPP16

/// Turns a connector's ``MeterReading`` into the `sampledValue`s of a MeterValues.req or a
/// StopTransaction.req `transactionData` entry (OCPP 1.6 §3.16, §7.31 Measurand, §7.45 SampledValue).
///
/// Each value carries its `context`, `measurand`, `unit`, `location` and `format` Raw; per-phase
/// measurands carry a `phase` on AC (`L1`... for current, `L1-N`... for voltage) and none on DC,
/// totals never do. Measurands the simulated hardware cannot measure are left out: SoC and
/// Frequency when the reading has none (SoC on AC), and the export, reactive, interval, power
/// factor and RPM measurands.
public struct MeterValuesComposer: Sendable, Equatable {
    /// AC or DC.
    public var currentType: CurrentType
    /// AC phases wired to the connector (1 or 3); ignored for DC.
    public var phases: Int

    public init(currentType: CurrentType, phases: Int) {
        self.currentType = currentType
        self.phases = phases
    }

    /// The composer for a connector with `rating`.
    public init(rating: ConnectorRating) {
        self.init(currentType: rating.currentType, phases: rating.phases)
    }

    /// The sampled values of `measurands` in `reading`, in the order of `measurands`.
    public func sampledValues(
        of reading: MeterReading,
        measurands: [Measurand],
        context: ReadingContext
    ) -> [SampledValue] {
        var values: [SampledValue] = []
        func add(_ measurand: Measurand, _ value: String, _ unit: UnitOfMeasure, _ location: Location, _ phase: Phase?)
        {
            values.append(
                SampledValue(
                    value: value, context: context, format: .raw, measurand: measurand, phase: phase,
                    location: location, unit: unit))
        }
        for measurand in measurands {
            switch measurand {
            case .energyActiveImportRegister:
                add(measurand, String(max(reading.energyActiveImportRegisterWh, 0)), .wh, .outlet, nil)
            case .powerActiveImport:
                add(measurand, Self.format(reading.powerActiveImportW, decimals: 0), .w, .outlet, nil)
            case .powerOffered:
                add(measurand, Self.format(reading.powerOfferedW, decimals: 0), .w, .outlet, nil)
            case .currentImport:
                for (value, phase) in perPhase(reading.currentImportA, phases: [.l1, .l2, .l3]) {
                    add(measurand, Self.format(value, decimals: 1), .a, .outlet, phase)
                }
            case .currentOffered:
                add(measurand, Self.format(reading.currentOfferedA, decimals: 1), .a, .outlet, nil)
            case .voltage:
                for (value, phase) in perPhase(reading.voltageV, phases: [.l1N, .l2N, .l3N]) {
                    add(measurand, Self.format(value, decimals: 1), .v, .outlet, phase)
                }
            case .soc:
                if let soc = reading.socPercent { add(measurand, Self.format(soc, decimals: 0), .percent, .ev, nil) }
            case .frequency:
                if let hertz = reading.frequencyHz {
                    add(measurand, Self.format(hertz, decimals: 2), .hertz, .outlet, nil)
                }
            case .temperature:
                if let celsius = reading.temperatureC {
                    add(measurand, Self.format(celsius, decimals: 1), .celsius, .body, nil)
                }
            case .energyActiveExportRegister, .energyReactiveExportRegister, .energyReactiveImportRegister,
                .energyActiveExportInterval, .energyActiveImportInterval, .energyReactiveExportInterval,
                .energyReactiveImportInterval, .powerActiveExport, .powerReactiveExport, .powerReactiveImport,
                .powerFactor, .currentExport, .rpm:
                continue
            }
        }
        return values
    }

    /// One `MeterValue` at `timestamp`, `nil` when none of `measurands` can be measured (a
    /// MeterValue needs at least one sampled value).
    public func meterValue(
        of reading: MeterReading,
        measurands: [Measurand],
        context: ReadingContext,
        at timestamp: OCPPTimestamp
    ) -> MeterValue? {
        let values = sampledValues(of: reading, measurands: measurands, context: context)
        return values.isEmpty ? nil : MeterValue(timestamp: timestamp, sampledValue: values)
    }

    private func perPhase(_ values: [Double], phases names: [Phase]) -> [(Double, Phase?)] {
        switch currentType {
        case .dc:
            return values.first.map { [($0, nil)] } ?? []
        case .ac:
            let count = min(values.count, max(phases, 1), names.count)
            return (0..<count).map { (values[$0], names[$0]) }
        }
    }

    /// `value` with `decimals` digits after the point, `.` as separator whatever the locale; non-finite
    /// numbers and negative zero read as zero.
    static func format(_ value: Double, decimals: Int) -> String {
        let finite = value.isFinite ? value : 0
        // Integer digits instead of String(format:), which built an ICU number formatter per
        // sampled value: 18 % of the fleet's CPU under MeterValues load (perf, issue 11).
        let digits = min(max(decimals, 0), 9)
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(finite) * Double(scale)).rounded(.toNearestOrEven)
        if scaled < 9.0e15 {
            let units = Int64(scaled)
            var text = finite < 0 && units != 0 ? "-" : ""
            text += String(units / scale)
            if digits > 0 {
                let fraction = String(units % scale)
                text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
            }
            return text
        }
        let text = String(format: "%.\(decimals)f", locale: Locale(identifier: "en_US_POSIX"), finite)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// The next clock-aligned sample instant strictly after `instant` (`ClockAlignedDataInterval`,
    /// OCPP 1.6 §9.1.7): intervals of `interval` start every day at 00:00:00 UTC, and the last one of
    /// a day ends at midnight even when `interval` does not divide the day. `nil` when `interval` is
    /// zero or negative (clock-aligned data off).
    public static func nextClockAlignedInstant(after instant: OCPPTimestamp, interval: Duration) -> OCPPTimestamp? {
        let step = interval.wholeMilliseconds
        guard step > 0 else { return nil }
        let day: Int64 = 86_400_000
        let milliseconds = instant.millisecondsSince1970
        var midnight = milliseconds - milliseconds % day
        if milliseconds % day < 0 { midnight -= day }
        let next = midnight + ((milliseconds - midnight) / step + 1) * step
        return OCPPTimestamp(millisecondsSince1970: min(next, midnight + day))
    }
}
