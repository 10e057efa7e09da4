import OCPP16

/// What the charger may do with a presented id tag before (or instead of) asking the central
/// system (OCPP 1.6 §3.5): the answer of ``AuthorizationStore/lookup(idTag:now:online:policy:)``.
public enum LocalAuthorization: Sendable, Equatable {
    /// Where a local acceptance came from.
    public enum Source: Sendable, Equatable {
        /// The local authorization list (§3.5.1).
        case localList
        /// The authorization cache (§3.5.2).
        case cache
        /// An id unknown locally, accepted offline by `AllowOfflineTxForUnknownId` (§3.5.3).
        case unknownOffline
    }

    /// Start without waiting for the central system; `parentIdTag` is the id's group, if known.
    case accepted(parentIdTag: CiString20?, source: Source)
    /// Refuse locally: the list or cache knows the id with this non-Accepted status (an expired
    /// entry reads `.expired`), or it is unknown while offline and unknown ids are not allowed (`.invalid`).
    case rejected(AuthorizationStatus)
    /// Send Authorize.req and act on its answer.
    case askCentralSystem
}
