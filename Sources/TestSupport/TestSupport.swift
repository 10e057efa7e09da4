/// Shared test support: the CLI runner, the manual clock (`ManualClock`), the drip-feed verifier
/// (`DripFeed`), raw WebSocket frames (`WireFrame`), a seeded RNG, and (as the layers land)
/// the JSON-schema checker and the live harness.
public enum TestSupport {}
