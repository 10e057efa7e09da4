import OCPP16

/// Converts the machine's `now` to the `ContinuousClock.Instant` that ``RPCEndpoint`` counts its
/// call timeouts in, and back.
///
/// The endpoint only ever compares and offsets its instants, so any fixed origin gives the
/// same behaviour: the origin is read once per process and never influences an outcome.
struct RPCTimeBase: Sendable {
    private static let origin = ContinuousClock.now

    static func instant(_ timestamp: OCPPTimestamp) -> ContinuousClock.Instant {
        origin + .milliseconds(timestamp.millisecondsSince1970)
    }

    static func timestamp(_ instant: ContinuousClock.Instant) -> OCPPTimestamp {
        OCPPTimestamp(millisecondsSince1970: origin.duration(to: instant).wholeMilliseconds)
    }
}
