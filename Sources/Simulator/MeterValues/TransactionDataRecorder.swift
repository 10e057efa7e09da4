import OCPP16

/// Collects the meter values of one transaction for StopTransaction.req `transactionData`
/// (OCPP 1.6 §4.10, §9.1 StopTxnSampledData / StopTxnAlignedData), within a bound.
///
/// The charger records the Transaction.Begin sample, a sample of `StopTxnSampledData` at every
/// `MeterValueSampleInterval`, one of `StopTxnAlignedData` at every clock-aligned instant, and the
/// Transaction.End sample. When the bound is reached the oldest samples after the first are dropped,
/// so the list keeps the Begin sample and the most recent ones.
public struct TransactionDataRecorder: Sendable, Equatable, Codable {
    /// The most meter values kept.
    public let capacity: Int
    /// The meter values kept, oldest first.
    public private(set) var meterValues: [MeterValue]
    /// How many were dropped to stay within `capacity`.
    public private(set) var droppedCount: Int

    public init(capacity: Int = 100) {
        self.capacity = max(capacity, 2)
        meterValues = []
        droppedCount = 0
    }

    /// Adds a meter value.
    public mutating func record(_ meterValue: MeterValue) {
        if meterValues.count >= capacity {
            meterValues.remove(at: 1)
            droppedCount += 1
        }
        meterValues.append(meterValue)
    }

    /// Composes and adds the sample of `context` at `timestamp`: `alignedMeasurands` (StopTxnAlignedData)
    /// for Sample.Clock, `sampledMeasurands` (StopTxnSampledData) for every other context. Nothing is
    /// added when those measurands give no value.
    public mutating func record(
        _ reading: MeterReading,
        context: ReadingContext,
        at timestamp: OCPPTimestamp,
        composer: MeterValuesComposer,
        sampledMeasurands: [Measurand],
        alignedMeasurands: [Measurand]
    ) {
        let measurands = context == .sampleClock ? alignedMeasurands : sampledMeasurands
        if let value = composer.meterValue(of: reading, measurands: measurands, context: context, at: timestamp) {
            record(value)
        }
    }

    /// The `transactionData` for StopTransaction.req: `nil` when nothing was recorded.
    public var transactionData: [MeterValue]? { meterValues.isEmpty ? nil : meterValues }
}
