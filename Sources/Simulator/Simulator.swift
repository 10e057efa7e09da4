/// The virtual charge point and the fleet runner (issue 5).
///
/// Built so far: the EV and meter model (`EVModel`, `ConnectorMeter`, `MeterModel`,
/// `MeterReading`), charger profiles (`ChargerProfile`, `ProfileLoader`) and the sans-I/O
/// charge point machine (`ChargePoint`: boot, connector statuses, transactions, meter values,
/// the Core, reservation, local list and trigger operations, the persistent transaction queue).
/// The fleet runner (the NIO shell that drives one `ChargePoint` per charger) is still to come;
/// `chargesim fleet` says so.
public enum Simulator {}
