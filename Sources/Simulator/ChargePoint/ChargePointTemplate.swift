import OCPP16

/// What every ``ChargePoint`` built from one ``ChargerProfile`` shares and never changes: the
/// profile, the configuration keys with the profile's values, and the handlers of the calls the
/// charger answers (with the RPC endpoint settings derived from them).
///
/// A fleet builds one per profile and passes it to each charger of that profile (issue 11: memory
/// per idle charger). The configuration's keys and the profile's values are shared; a charger
/// keeps only the values it changed (ChangeConfiguration, the central system's heartbeat interval,
/// a restored snapshot), so an idle charger holds a few entries instead of ~50 keys.
public final class ChargePointTemplate: Sendable {
    /// The profile the chargers are built from.
    public let profile: ChargerProfile
    /// The configuration of a charger of ``profile`` before any change.
    let configuration: ConfigurationStore
    /// The calls the chargers answer (their feature profiles').
    let registry: ActionRegistry<ChargePoint>
    /// The RPC endpoint settings of every charger (the handled actions of ``registry``).
    let endpointConfiguration: RPCEndpoint.Configuration
    /// The profile's connector ids, in order (chaos and traffic pick from them): one array for
    /// all chargers instead of one each.
    let connectorIds: [Int]
    /// The error codes random faults draw from (``FaultInjection``), likewise shared.
    let faultErrorCodes: [ChargePointErrorCode]

    /// The shared parts of a charger of `profile`.
    public init(profile: ChargerProfile) {
        self.profile = profile
        self.configuration = ConfigurationStore(profile: profile)
        let registry = ChargePoint.makeRegistry(features: Set(profile.featureProfiles))
        self.registry = registry
        self.endpointConfiguration = RPCEndpoint.Configuration(handledActions: registry.handledActions)
        self.connectorIds = profile.connectors.map(\.id)
        self.faultErrorCodes = FaultInjection.errorCodes(of: profile.behaviour)
    }
}
