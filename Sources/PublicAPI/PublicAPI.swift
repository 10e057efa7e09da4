/// AMPECO Public API models and the typed client (issue 9). Nothing is built here yet;
/// `chargesim api` says so instead of pretending.
public enum PublicAPI {}
