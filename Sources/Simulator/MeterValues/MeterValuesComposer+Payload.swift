import Foundation
import OCPP16

// The MeterValues.req a charger sends every MeterValueSampleInterval, written straight from the
// reading into its JSON bytes: no SampledValue array, no String per value or enum, one buffer
// (issue 11: the SampledValue path and its encoding were a third of the charger's own CPU per
// sample). The bytes are those of `RawJSON(encoding: MeterValuesRequest(...))`, keys sorted.
extension MeterValuesComposer {
    /// The payload of a MeterValues.req of `connectorId` (and `transactionId`) with one MeterValue
    /// at `timestamp` holding ``sampledValues(of:measurands:context:)``: the same bytes as
    /// `RawJSON(encoding:)` of that request. Nil when none of `measurands` can be measured (as
    /// ``meterValue(of:measurands:context:at:)``) or the timestamp has no RFC 3339 form.
    public func meterValuesPayload(
        connectorId: Int,
        transactionId: Int?,
        of reading: MeterReading,
        measurands: [Measurand],
        context: ReadingContext,
        at timestamp: OCPPTimestamp
    ) -> RawJSON? {
        var payload = PayloadBytes()
        // About 130 bytes per sampled value: one allocation, no regrowth.
        payload.bytes.reserveCapacity(96 + 144 * max(measurands.count, 1) * max(phases, 1))
        payload.append("{\"connectorId\":")
        Self.appendInteger(connectorId, to: &payload.bytes)
        payload.append(",\"meterValue\":[{\"sampledValue\":[")
        forEachSample(of: reading, measurands: measurands, into: &payload) { payload, sample in
            payload.append(payload.count == 0 ? "{\"context\":\"" : ",{\"context\":\"")
            payload.count += 1
            payload.append(Self.text(of: context))
            payload.append("\",\"format\":\"Raw\",\"location\":\"")
            payload.append(Self.text(of: sample.location))
            payload.append("\",\"measurand\":\"")
            payload.append(Self.text(of: sample.measurand))
            if let phase = sample.phase {
                payload.append("\",\"phase\":\"")
                payload.append(Self.text(of: phase))
            }
            payload.append("\",\"unit\":\"")
            payload.append(Self.text(of: sample.unit))
            payload.append("\",\"value\":\"")
            switch sample.quantity {
            case .integer(let number): Self.appendInteger(number, to: &payload.bytes)
            case .decimal(let number, let decimals):
                Self.appendFormatted(number, decimals: decimals, to: &payload.bytes)
            }
            payload.append("\"}")
        }
        guard payload.count > 0 else { return nil }
        payload.append("],\"timestamp\":\"")
        guard timestamp.appendRFC3339(to: &payload.bytes) else { return nil }
        payload.append("\"}]")
        if let transactionId {
            payload.append(",\"transactionId\":")
            Self.appendInteger(transactionId, to: &payload.bytes)
        }
        payload.append("}")
        return RawJSON(Data(payload.bytes))
    }

    /// The bytes being written and how many sampled values they hold.
    private struct PayloadBytes {
        var bytes: [UInt8] = []
        var count = 0

        mutating func append(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }
    }

    /// Appends `number` in decimal, with its sign.
    private static func appendInteger(_ number: Int, to bytes: inout [UInt8]) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        CompactJSONWriter.appendDecimal(UInt64(number.magnitude), to: &bytes)
    }

    // The raw values of the enums, as static text: `rawValue` builds a String per call.

    private static func text(of context: ReadingContext) -> StaticString {
        switch context {
        case .interruptionBegin: "Interruption.Begin"
        case .interruptionEnd: "Interruption.End"
        case .sampleClock: "Sample.Clock"
        case .samplePeriodic: "Sample.Periodic"
        case .transactionBegin: "Transaction.Begin"
        case .transactionEnd: "Transaction.End"
        case .trigger: "Trigger"
        case .other: "Other"
        }
    }

    private static func text(of location: Location) -> StaticString {
        switch location {
        case .cable: "Cable"
        case .ev: "EV"
        case .inlet: "Inlet"
        case .outlet: "Outlet"
        case .body: "Body"
        }
    }

    private static func text(of phase: Phase) -> StaticString {
        switch phase {
        case .l1: "L1"
        case .l2: "L2"
        case .l3: "L3"
        case .n: "N"
        case .l1N: "L1-N"
        case .l2N: "L2-N"
        case .l3N: "L3-N"
        case .l1L2: "L1-L2"
        case .l2L3: "L2-L3"
        case .l3L1: "L3-L1"
        }
    }

    private static func text(of unit: UnitOfMeasure) -> StaticString {
        switch unit {
        case .wh: "Wh"
        case .kWh: "kWh"
        case .varh: "varh"
        case .kvarh: "kvarh"
        case .w: "W"
        case .kW: "kW"
        case .va: "VA"
        case .kVA: "kVA"
        case .var: "var"
        case .kvar: "kvar"
        case .a: "A"
        case .v: "V"
        case .k: "K"
        case .celcius: "Celcius"
        case .celsius: "Celsius"
        case .fahrenheit: "Fahrenheit"
        case .percent: "Percent"
        case .hertz: "Hertz"
        }
    }

    private static func text(of measurand: Measurand) -> StaticString {
        switch measurand {
        case .energyActiveExportRegister: "Energy.Active.Export.Register"
        case .energyActiveImportRegister: "Energy.Active.Import.Register"
        case .energyReactiveExportRegister: "Energy.Reactive.Export.Register"
        case .energyReactiveImportRegister: "Energy.Reactive.Import.Register"
        case .energyActiveExportInterval: "Energy.Active.Export.Interval"
        case .energyActiveImportInterval: "Energy.Active.Import.Interval"
        case .energyReactiveExportInterval: "Energy.Reactive.Export.Interval"
        case .energyReactiveImportInterval: "Energy.Reactive.Import.Interval"
        case .powerActiveExport: "Power.Active.Export"
        case .powerActiveImport: "Power.Active.Import"
        case .powerOffered: "Power.Offered"
        case .powerReactiveExport: "Power.Reactive.Export"
        case .powerReactiveImport: "Power.Reactive.Import"
        case .powerFactor: "Power.Factor"
        case .currentImport: "Current.Import"
        case .currentExport: "Current.Export"
        case .currentOffered: "Current.Offered"
        case .voltage: "Voltage"
        case .frequency: "Frequency"
        case .temperature: "Temperature"
        case .soc: "SoC"
        case .rpm: "RPM"
        }
    }
}
