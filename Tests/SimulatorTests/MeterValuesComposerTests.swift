import Foundation
import OCPP16
import Simulator
import TestSupport
import Testing

/// Sampled values per measurand, phase, unit and location, checked against the official
/// MeterValues and StopTransaction schemas; clock-aligned instants; the bounded transactionData.
@Suite struct MeterValuesComposerTests {
    static let t0 = OCPPTimestamp(rfc3339: "2026-11-25T10:07:30.000Z") ?? OCPPTimestamp(millisecondsSince1970: 0)
    static let all: [Measurand] = [
        .energyActiveImportRegister, .powerActiveImport, .powerOffered, .currentImport, .currentOffered, .voltage,
        .soc, .frequency, .temperature, .energyActiveExportRegister, .rpm,
    ]

    static let threePhase = MeterReading(
        energyActiveImportRegisterWh: 12_345, powerActiveImportW: 11_040.4, powerOfferedW: 22_080,
        currentImportA: [16.04, 15.96, 16], currentOfferedA: 32, voltageV: [230.04, 229.5, 231],
        socPercent: nil, frequencyHz: 50.01, temperatureC: 31.26)

    static let dc = MeterReading(
        energyActiveImportRegisterWh: 5_000, powerActiveImportW: 120_000, powerOfferedW: 150_000,
        currentImportA: [300], currentOfferedA: 375, voltageV: [400], socPercent: 54.6, frequencyHz: nil,
        temperatureC: nil)

    func validate(_ payload: some Encodable, schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let data = try JSONEncoder().encode(payload)
        let violations = try JSONSchemaValidator(schema: OCPPSchemaFiles.schema(schema)).validate(json: data)
        #expect(violations.isEmpty, "\(violations)", sourceLocation: sourceLocation)
    }

    @Test func threePhaseACGivesPerPhaseCurrentAndVoltageAndSkipsSoC() throws {
        let composer = MeterValuesComposer(currentType: .ac, phases: 3)
        let values = composer.sampledValues(of: Self.threePhase, measurands: Self.all, context: .samplePeriodic)
        let rows = values.map {
            [
                $0.measurand?.rawValue, $0.value, $0.phase?.rawValue, $0.unit?.rawValue,
                $0.location?.rawValue,
            ]
        }
        #expect(
            rows == [
                ["Energy.Active.Import.Register", "12345", nil, "Wh", "Outlet"],
                ["Power.Active.Import", "11040", nil, "W", "Outlet"],
                ["Power.Offered", "22080", nil, "W", "Outlet"],
                ["Current.Import", "16.0", "L1", "A", "Outlet"],
                ["Current.Import", "16.0", "L2", "A", "Outlet"],
                ["Current.Import", "16.0", "L3", "A", "Outlet"],
                ["Current.Offered", "32.0", nil, "A", "Outlet"],
                ["Voltage", "230.0", "L1-N", "V", "Outlet"],
                ["Voltage", "229.5", "L2-N", "V", "Outlet"],
                ["Voltage", "231.0", "L3-N", "V", "Outlet"],
                ["Frequency", "50.01", nil, "Hertz", "Outlet"],
                ["Temperature", "31.3", nil, "Celsius", "Body"],
            ])
        #expect(values.allSatisfy { $0.context == .samplePeriodic && $0.format == .raw })
        let request = MeterValuesRequest(
            connectorId: 1, transactionId: 42, meterValue: [MeterValue(timestamp: Self.t0, sampledValue: values)])
        try validate(request, schema: "MeterValues")
    }

    @Test func singlePhaseACReportsL1Only() {
        let reading = MeterReading(
            energyActiveImportRegisterWh: 1, powerActiveImportW: 7360, powerOfferedW: 7360, currentImportA: [32],
            currentOfferedA: 32, voltageV: [230])
        let values = MeterValuesComposer(currentType: .ac, phases: 1)
            .sampledValues(of: reading, measurands: [.currentImport, .voltage], context: .trigger)
        #expect(values.map(\.phase) == [.l1, .l1N])
        #expect(values.allSatisfy { $0.context == .trigger })
    }

    @Test func dcHasNoPhasesAndReportsSoCFromTheEV() throws {
        let composer = MeterValuesComposer(
            rating: ConnectorRating(
                currentType: .dc, maxCurrentA: 375, phases: 0,
                maxPowerKW: 150))
        let values = composer.sampledValues(
            of: Self.dc, measurands: [.currentImport, .voltage, .soc, .frequency], context: .transactionEnd)
        #expect(values.map(\.measurand) == [.currentImport, .voltage, .soc])
        #expect(values.allSatisfy { $0.phase == nil })
        #expect(values.last?.value == "55")
        #expect(values.last?.unit == .percent)
        #expect(values.last?.location == .ev)
        let stop = StopTransactionRequest(
            meterStop: 5000, timestamp: Self.t0, transactionId: 1, reason: .local,
            transactionData: [MeterValue(timestamp: Self.t0, sampledValue: values)])
        try validate(stop, schema: "StopTransaction")
    }

    @Test(arguments: ReadingContext.allCases)
    func everyContextValidates(context: ReadingContext) throws {
        let composer = MeterValuesComposer(currentType: .ac, phases: 3)
        let value = try #require(
            composer.meterValue(
                of: Self.threePhase, measurands: Self.all, context: context,
                at: Self.t0))
        #expect(value.sampledValue.allSatisfy { $0.context == context })
        try validate(MeterValuesRequest(connectorId: 2, meterValue: [value]), schema: "MeterValues")
    }

    /// The payload written straight to bytes is the one `RawJSON(encoding:)` gives for the same
    /// request, byte for byte: every context, AC with one and three phases, DC, with and without a
    /// (provisional) transaction id, and numbers that take the unusual paths of the formatter.
    @Test(arguments: ReadingContext.allCases)
    func payloadWrittenStraightIsTheEncodedRequest(context: ReadingContext) throws {
        let odd = MeterReading(
            energyActiveImportRegisterWh: -5, powerActiveImportW: -0.2, powerOfferedW: 3.5e18,
            currentImportA: [-12.25, .nan, 0.05], currentOfferedA: -.infinity, voltageV: [-1e17, 0.95, 229.999],
            socPercent: 99.5, frequencyHz: 49.995, temperatureC: -3.04)
        let cases: [(MeterValuesComposer, MeterReading)] = [
            (MeterValuesComposer(currentType: .ac, phases: 3), Self.threePhase),
            (MeterValuesComposer(currentType: .ac, phases: 1), Self.threePhase),
            (MeterValuesComposer(currentType: .dc, phases: 0), Self.dc),
            (MeterValuesComposer(currentType: .ac, phases: 3), odd),
            (MeterValuesComposer(currentType: .dc, phases: 0), odd),
        ]
        for (composer, reading) in cases {
            for transactionId in [nil, 42, -7, Int.min] {
                let payload = composer.meterValuesPayload(
                    connectorId: 2, transactionId: transactionId, of: reading, measurands: Self.all, context: context,
                    at: Self.t0)
                let value = try #require(
                    composer.meterValue(of: reading, measurands: Self.all, context: context, at: Self.t0))
                let encoded = try RawJSON(
                    encoding: MeterValuesRequest(connectorId: 2, transactionId: transactionId, meterValue: [value]))
                #expect(payload?.description == encoded.description)
            }
        }
        let unmeasurable = MeterValuesComposer(currentType: .ac, phases: 3).meterValuesPayload(
            connectorId: 1, transactionId: 1, of: Self.threePhase, measurands: [.soc, .rpm], context: context,
            at: Self.t0)
        #expect(unmeasurable == nil)
    }

    @Test func unmeasurableMeasurandsGiveNoMeterValue() {
        let composer = MeterValuesComposer(currentType: .ac, phases: 3)
        #expect(
            composer.meterValue(
                of: Self.threePhase, measurands: [.soc, .rpm], context: .sampleClock,
                at: Self.t0) == nil)
        #expect(composer.meterValue(of: Self.threePhase, measurands: [], context: .sampleClock, at: Self.t0) == nil)
    }

    @Test func negativeZeroAndNonFiniteNumbersReadAsZero() {
        let reading = MeterReading(
            energyActiveImportRegisterWh: 0, powerActiveImportW: -0.2, powerOfferedW: .nan, currentImportA: [-0.01],
            currentOfferedA: .infinity, voltageV: [0])
        let values = MeterValuesComposer(currentType: .ac, phases: 1).sampledValues(
            of: reading, measurands: [.powerActiveImport, .powerOffered, .currentImport, .currentOffered],
            context: .samplePeriodic)
        #expect(values.map(\.value) == ["0", "0", "0.0", "0.0"])
    }

    @Test func clockAlignedInstantsStartAtMidnightUTC() throws {
        func next(_ time: String, _ seconds: Int64) throws -> String? {
            let instant = try #require(OCPPTimestamp(rfc3339: time))
            return MeterValuesComposer.nextClockAlignedInstant(after: instant, interval: .seconds(seconds))?.rfc3339
        }
        #expect(try next("2026-11-25T10:07:30.000Z", 900) == "2026-11-25T10:15:00.000Z")
        #expect(try next("2026-11-25T10:15:00.000Z", 900) == "2026-11-25T10:30:00.000Z")
        #expect(try next("2026-11-25T23:59:59.999Z", 900) == "2026-11-26T00:00:00.000Z")
        #expect(try next("2026-11-25T22:00:00.000Z", 7 * 3600) == "2026-11-26T00:00:00.000Z")
        #expect(try next("2026-11-25T01:00:00.000Z", 7 * 3600) == "2026-11-25T07:00:00.000Z")
        #expect(try next("1969-12-31T23:50:00.000Z", 3600) == "1970-01-01T00:00:00.000Z")
        #expect(try next("2026-11-25T10:07:30.000Z", 0) == nil)
    }

    @Test func transactionDataPicksTheStopTxnMeasurandsPerContextAndStaysBounded() throws {
        var recorder = TransactionDataRecorder(capacity: 3)
        let composer = MeterValuesComposer(currentType: .ac, phases: 3)
        #expect(recorder.transactionData == nil)
        func record(_ context: ReadingContext, _ offset: Int64) {
            recorder.record(
                Self.threePhase, context: context, at: Self.t0 + .seconds(offset), composer: composer,
                sampledMeasurands: [.energyActiveImportRegister, .powerActiveImport],
                alignedMeasurands: [.energyActiveImportRegister])
        }
        record(.transactionBegin, 0)
        record(.sampleClock, 1)
        #expect(recorder.meterValues.map(\.sampledValue.count) == [2, 1])
        record(.samplePeriodic, 2)
        record(.samplePeriodic, 3)
        record(.transactionEnd, 4)
        let data = try #require(recorder.transactionData)
        #expect(data.map(\.timestamp) == [Self.t0, Self.t0 + .seconds(3), Self.t0 + .seconds(4)])
        #expect(data.first?.sampledValue.first?.context == .transactionBegin)
        #expect(recorder.droppedCount == 2)
        recorder.record(
            Self.threePhase, context: .samplePeriodic, at: Self.t0, composer: composer,
            sampledMeasurands: [.soc], alignedMeasurands: [])
        #expect(recorder.meterValues.count == 3)
        #expect(recorder.droppedCount == 2)
        try validate(
            StopTransactionRequest(meterStop: 12_345, timestamp: Self.t0, transactionId: 9, transactionData: data),
            schema: "StopTransaction")
    }
}
