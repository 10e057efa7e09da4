import OCPP16

// OCPP16 and PublicAPI both declare `AuthorizationStatus` and `ChargePointStatus`, and the
// `OCPP16` enum shadows the module name, so files that import both name the OCPP ones here.

/// OCPP 1.6 `AuthorizationStatus` (§7.2).
public typealias OCPPAuthorizationStatus = AuthorizationStatus
/// OCPP 1.6 `ChargePointStatus` (§7.7).
public typealias OCPPChargePointStatus = ChargePointStatus
