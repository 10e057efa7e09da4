import OCPP16

/// How long the central system took to answer the chargers' CALLs: from the frame read on the
/// event loop to its CALLRESULT or CALLERROR handed to the WebSocket there, in the fleet's
/// round-trip buckets (issue 11: splits the fleet's round trip into the central system's part
/// and the rest, which is the network, the machine and the fleet).
public struct OCPPProcessingTimes: Sendable, Equatable {
    /// MeterValues.req only (the round trip the benchmark reports).
    public var meterValues = RoundTripHistogram()
    /// Every CALL answered, MeterValues included.
    public var calls = RoundTripHistogram()

    public init() {}

    /// What was recorded since `earlier` (a snapshot of the same server).
    public func since(_ earlier: OCPPProcessingTimes) -> OCPPProcessingTimes {
        var difference = OCPPProcessingTimes()
        difference.meterValues = meterValues.since(earlier.meterValues)
        difference.calls = calls.since(earlier.calls)
        return difference
    }
}
