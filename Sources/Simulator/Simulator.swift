/// The virtual charge point and the fleet runner (issue 5).
///
/// Built so far: the EV and meter model (`EVModel`, `ConnectorMeter`, `MeterModel`,
/// `MeterReading`) and charger profiles (`ChargerProfile`, `ProfileLoader`). The charge point
/// state machine and the fleet runner are still to come; `chargesim fleet` says so.
public enum Simulator {}
