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
        forEachSample(of: reading, measurands: measurands, into: &values) { values, sample in
            let text =
                switch sample.quantity {
                case .integer(let number): String(number)
                case .decimal(let number, let decimals): Self.format(number, decimals: decimals)
                }
            values.append(
                SampledValue(
                    value: text, context: context, format: .raw, measurand: sample.measurand, phase: sample.phase,
                    location: sample.location, unit: sample.unit))
        }
        return values
    }

    /// One sampled value before it is written: what is measured, where, and the number.
    struct Sample {
        /// The number and how it is written.
        enum Quantity {
            /// In decimal, as is.
            case integer(Int)
            /// With this many digits after the point (``format(_:decimals:)``).
            case decimal(Double, decimals: Int)
        }

        var measurand: Measurand
        var quantity: Quantity
        var unit: UnitOfMeasure
        var location: Location
        var phase: Phase?
    }

    /// Calls `body` with each sampled value of `measurands` in `reading`, in order: the one list of
    /// what is measured, shared by ``sampledValues(of:measurands:context:)`` and the MeterValues
    /// payload written straight to bytes (``meterValuesPayload(connectorId:transactionId:of:measurands:context:at:)``).
    ///
    /// `state` is passed to `body` rather than captured by it: a variable a closure captures and
    /// changes is checked for exclusive access at run time on every change.
    func forEachSample<State>(
        of reading: MeterReading,
        measurands: [Measurand],
        into state: inout State,
        _ body: (inout State, Sample) -> Void
    ) {
        func add(_ measurand: Measurand, _ quantity: Sample.Quantity, _ unit: UnitOfMeasure, _ location: Location) {
            body(&state, Sample(measurand: measurand, quantity: quantity, unit: unit, location: location, phase: nil))
        }
        func addPerPhase(_ measurand: Measurand, _ values: [Double], _ names: [Phase], _ unit: UnitOfMeasure) {
            switch currentType {
            case .dc:
                if let value = values.first {
                    body(
                        &state,
                        Sample(
                            measurand: measurand, quantity: .decimal(value, decimals: 1), unit: unit,
                            location: .outlet, phase: nil))
                }
            case .ac:
                let count = min(values.count, max(phases, 1), names.count)
                for index in 0..<count {
                    body(
                        &state,
                        Sample(
                            measurand: measurand, quantity: .decimal(values[index], decimals: 1), unit: unit,
                            location: .outlet, phase: names[index]))
                }
            }
        }
        for measurand in measurands {
            switch measurand {
            case .energyActiveImportRegister:
                add(measurand, .integer(max(reading.energyActiveImportRegisterWh, 0)), .wh, .outlet)
            case .powerActiveImport:
                add(measurand, .decimal(reading.powerActiveImportW, decimals: 0), .w, .outlet)
            case .powerOffered:
                add(measurand, .decimal(reading.powerOfferedW, decimals: 0), .w, .outlet)
            case .currentImport:
                addPerPhase(measurand, reading.currentImportA, [.l1, .l2, .l3], .a)
            case .currentOffered:
                add(measurand, .decimal(reading.currentOfferedA, decimals: 1), .a, .outlet)
            case .voltage:
                addPerPhase(measurand, reading.voltageV, [.l1N, .l2N, .l3N], .v)
            case .soc:
                if let soc = reading.socPercent { add(measurand, .decimal(soc, decimals: 0), .percent, .ev) }
            case .frequency:
                if let hertz = reading.frequencyHz { add(measurand, .decimal(hertz, decimals: 2), .hertz, .outlet) }
            case .temperature:
                if let celsius = reading.temperatureC {
                    add(measurand, .decimal(celsius, decimals: 1), .celsius, .body)
                }
            case .energyActiveExportRegister, .energyReactiveExportRegister, .energyReactiveImportRegister,
                .energyActiveExportInterval, .energyActiveImportInterval, .energyReactiveExportInterval,
                .energyReactiveImportInterval, .powerActiveExport, .powerReactiveExport, .powerReactiveImport,
                .powerFactor, .currentExport, .rpm:
                continue
            }
        }
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

    /// `value` with `decimals` digits after the point, `.` as separator whatever the locale; non-finite
    /// numbers and negative zero read as zero.
    static func format(_ value: Double, decimals: Int) -> String {
        var text: [UInt8] = []
        appendFormatted(value, decimals: decimals, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends ``format(_:decimals:)``'s text as UTF-8 (the MeterValues payload writes its values
    /// straight into its bytes, with no String per value; issue 11).
    static func appendFormatted(_ value: Double, decimals: Int, to bytes: inout [UInt8]) {
        let finite = value.isFinite ? value : 0
        // Integer digits instead of String(format:), which built an ICU number formatter per
        // sampled value: 18 % of the fleet's CPU under MeterValues load (perf, issue 11).
        let digits = min(max(decimals, 0), 9)
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(finite) * Double(scale)).rounded(.toNearestOrEven)
        if scaled < 9.0e15 {
            let units = Int64(scaled)
            if finite < 0 && units != 0 { bytes.append(UInt8(ascii: "-")) }
            CompactJSONWriter.appendDecimal(UInt64(units / scale), to: &bytes)
            if digits > 0 {
                bytes.append(UInt8(ascii: "."))
                // `digits` digits, leading zeros included.
                let fraction = units % scale
                var divisor = scale / 10
                while divisor > 0 {
                    bytes.append(UInt8(truncatingIfNeeded: 48 + (fraction / divisor) % 10))
                    divisor /= 10
                }
            }
            return
        }
        var text = String(format: "%.\(decimals)f", locale: Locale(identifier: "en_US_POSIX"), finite)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            text = String(text.dropFirst())
        }
        bytes.append(contentsOf: text.utf8)
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
