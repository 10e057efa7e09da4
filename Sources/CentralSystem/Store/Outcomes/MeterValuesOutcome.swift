/// The result of `Store.applyMeterValues` (OCPP 1.6 §4.7).
public struct MeterValuesOutcome: Sendable, Hashable {
    /// The session the samples belong to after the update, `nil` when none matched.
    public var session: SessionRecord?
    /// Samples newly stored; replayed ones are ignored and not counted.
    public var insertedSamples: Int
    /// Samples newly stored without a session (`unattached_meter_sample`) because none matched.
    public var unattachedSamples: Int = 0
}
