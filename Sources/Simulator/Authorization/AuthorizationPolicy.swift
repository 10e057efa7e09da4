/// The configuration keys that govern local authorization (OCPP 1.6 §3.5 and §9.1, §9.2), as
/// ``AuthorizationStore`` reads them. Build it with ``ConfigurationStore/authorizationPolicy``.
public struct AuthorizationPolicy: Sendable, Equatable {
    /// The charger supports the LocalAuthListManagement feature profile.
    public var localAuthListSupported: Bool
    /// `LocalAuthListEnabled`.
    public var localAuthListEnabled: Bool
    /// `LocalAuthListMaxLength`: most entries the local list holds.
    public var localAuthListMaxLength: Int
    /// `SendLocalListMaxLength`: most entries one SendLocalList.req may carry.
    public var sendLocalListMaxLength: Int
    /// `AuthorizationCacheEnabled`.
    public var authorizationCacheEnabled: Bool
    /// `LocalPreAuthorize`: online, start at once for an id the list or cache accepts.
    public var localPreAuthorize: Bool
    /// `LocalAuthorizeOffline`: offline, accept an id the list or cache accepts.
    public var localAuthorizeOffline: Bool
    /// `AllowOfflineTxForUnknownId`: offline, accept an id neither the list nor the cache knows.
    public var allowOfflineTxForUnknownId: Bool

    public init(
        localAuthListSupported: Bool = true,
        localAuthListEnabled: Bool = true,
        localAuthListMaxLength: Int = 1000,
        sendLocalListMaxLength: Int = 100,
        authorizationCacheEnabled: Bool = true,
        localPreAuthorize: Bool = false,
        localAuthorizeOffline: Bool = true,
        allowOfflineTxForUnknownId: Bool = false
    ) {
        self.localAuthListSupported = localAuthListSupported
        self.localAuthListEnabled = localAuthListEnabled
        self.localAuthListMaxLength = localAuthListMaxLength
        self.sendLocalListMaxLength = sendLocalListMaxLength
        self.authorizationCacheEnabled = authorizationCacheEnabled
        self.localPreAuthorize = localPreAuthorize
        self.localAuthorizeOffline = localAuthorizeOffline
        self.allowOfflineTxForUnknownId = allowOfflineTxForUnknownId
    }

    /// The local list is in use: the profile is supported and `LocalAuthListEnabled` is true.
    public var usesLocalList: Bool { localAuthListSupported && localAuthListEnabled }
}
