/// Shared test support: the CLI runner, and (as the layers land) the manual clock,
/// the drip-feed verifier, the JSON-schema checker and the live harness.
public enum TestSupport {}
