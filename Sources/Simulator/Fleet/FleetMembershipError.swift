/// Why a charger cannot join or leave a running ``Fleet``.
public enum FleetMembershipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A charger with this id is in the fleet already.
    case duplicateId(String)

    public var description: String {
        switch self {
        case .duplicateId(let id): "a charger with id '\(id)' is already in the fleet"
        }
    }
}
