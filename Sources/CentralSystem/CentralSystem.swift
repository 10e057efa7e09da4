/// The embedded OCPP 1.6J central system and AMPECO-compatible Public API (issue 8).
/// Nothing is built here yet; `chargesim csms` says so instead of pretending.
public enum CentralSystem {}
