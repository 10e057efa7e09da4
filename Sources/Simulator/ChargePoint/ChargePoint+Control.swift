import OCPP16

// What the control API (issue 10) reads from and does to a charger beyond the EV and driver
// events of `ChargePoint+Events.swift`.
extension ChargePoint {
    /// Each connector as the control API shows it: status, fault, transaction, power, energy, EV.
    public var connectorOverviews: [ConnectorOverview] {
        connectors.map { connector in
            let meter = meters.connectors[connector.id]
            let transaction = connector.transaction
            let registerWh = meter?.registerWh
            return ConnectorOverview(
                connectorId: connector.id,
                status: connector.observed.status,
                errorCode: connector.observed.errorCode,
                info: connector.observed.info,
                vendorErrorCode: connector.observed.vendorErrorCode,
                transactionId: transaction?.transactionId,
                idTag: transaction?.idTag ?? connector.preparation?.idTag,
                powerW: meter?.powerW ?? 0,
                registerWh: registerWh,
                sessionEnergyWh: transaction.flatMap { started in
                    registerWh.map { max($0 - Double(started.meterStart), 0) }
                },
                ev: meter?.ev.map { plugged in
                    ConnectorOverview.EV(
                        name: plugged.model.name, batteryCapacityKWh: plugged.model.batteryCapacityKWh,
                        socPercent: plugged.socPercent,
                        maxPowerKW: max(plugged.model.maxACPowerKW, plugged.model.maxDCPowerKW))
                })
        }
    }

    /// The number of connectors (1...N; 0 is the charge point itself).
    public var connectorCount: Int { connectors.count - 1 }

    /// Whether an EV is plugged into `connectorId`.
    public func isEVPlugged(connectorId: Int) -> Bool { isPlugged(connectorId) }

    /// A reboot at the charger itself (power cycle from the control API): running transactions
    /// stop with reason Reboot, their StopTransactions go out first (as for Reset, §5.14), then
    /// ``ChargePointAction/reboot(_:)``.
    public mutating func rebootLocally(now: OCPPTimestamp) -> [ChargePointAction] {
        begin(now)
        beginReset(.hard, reason: .reboot)
        return finish()
    }

    /// Changes a configuration key at the charger (a technician on site), with the same rules
    /// and live effects as ChangeConfiguration from the central system (§5.3).
    public mutating func changeConfigurationLocally(
        key: CiString50, value: CiString500, now: OCPPTimestamp
    ) -> (status: ConfigurationStatus, actions: [ChargePointAction]) {
        begin(now)
        let response = changeConfiguration(ChangeConfigurationRequest(key: key, value: value))
        return (response.status, finish())
    }
}
