/// The virtual charge point and the fleet runner (issue 5).
///
/// The EV and meter model (`EVModel`, `ConnectorMeter`, `MeterModel`, `MeterReading`), charger
/// profiles (`ChargerProfile`, `ProfileLoader`), the sans-I/O charge point machine
/// (`ChargePoint`: boot, connector statuses, transactions, meter values, the Core, reservation,
/// local list and trigger operations, the persistent transaction queue), and the fleet: the
/// NIO shell that runs one `ChargePoint` per charger on a shared event loop group
/// (`ChargerRuntime`, `Fleet`), with each charger's state on disk (`ChargerStateDirectory`:
/// an fsynced transaction journal and an atomically replaced snapshot).
public enum Simulator {}
