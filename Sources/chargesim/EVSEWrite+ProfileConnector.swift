import PublicAPI
import Simulator

extension EVSEWrite {
    /// The EVSE a charger of this profile reports on `connector`, as the Public API creates it:
    /// `networkId` is the OCPP connector id, and the fields the reference requires on create
    /// (`physicalReference`, `currentType`, `networkId`, `status`) are all set.
    init(registering connector: ProfileConnector) {
        self.init(
            networkId: String(connector.id), physicalReference: String(connector.id),
            currentType: connector.currentType == .dc ? PublicAPI.CurrentType.dc : .ac,
            status: .enabled,
            powerOptions: EVSEPowerOptions(maxPower: Int(connector.maxPowerKW * 1000)))
    }
}
