/// What a fleet registers before it connects (`chargesim fleet --register-via-api`): a charge
/// point with the OCPP identity and Basic-auth password the charger will connect with, and its
/// EVSEs by networkId (OCPP connector id).
public struct ChargePointRegistration: Hashable, Sendable {
    /// The OCPP identity (`network.id`), the last segment of the charger's URL.
    public var identity: String
    /// The Basic-auth password (security profiles 1 and 2); `nil` leaves the back end's as is.
    public var password: String?
    /// The EVSEs to find or create, each with at least `networkId`.
    public var evses: [EVSEWrite]

    /// A registration.
    public init(identity: String, password: String? = nil, evses: [EVSEWrite] = []) {
        self.identity = identity
        self.password = password
        self.evses = evses
    }

    /// What registering found and did.
    public struct Outcome: Hashable, Sendable {
        /// The charge point as the back end has it now.
        public var chargePoint: ChargePoint
        /// Whether it was created (else found, and its password updated when one was given).
        public var created: Bool
        /// EVSE networkIds that already existed.
        public var existingEVSEs: [String]
        /// EVSE networkIds created now.
        public var createdEVSEs: [String]
        /// EVSE networkIds the back end does not let the API create (it answered 404/405 to the
        /// create): it makes them from the charger's first StatusNotification, as the embedded
        /// central system does.
        public var deferredEVSEs: [String]
    }
}

extension PublicAPIClient {
    /// Finds the charge point by identity or creates it, sets its password, then finds or
    /// creates each EVSE. Idempotent: running it again changes nothing but the password.
    public func register(_ registration: ChargePointRegistration) async throws(PublicAPIClientError)
        -> ChargePointRegistration.Outcome
    {
        let network = ChargePointNetwork(
            id: registration.identity, ocppProtocol: .ocpp16, password: registration.password)
        var found: ChargePoint
        var created = false
        if let existing = try await chargePoint(identity: registration.identity) {
            found = existing
            if registration.password != nil {
                found = try await updateChargePoint(existing.id, ChargePointWrite(network: network))
            }
        } else {
            found = try await createChargePoint(
                ChargePointWrite(name: registration.identity, network: network, communicationMode: .directOcpp))
            created = true
        }
        let present = Set(try await evses(ofChargePoint: found.id).collect().map(\.networkId))
        var outcome = ChargePointRegistration.Outcome(
            chargePoint: found, created: created, existingEVSEs: [], createdEVSEs: [], deferredEVSEs: [])
        for var evse in registration.evses {
            let networkId = evse.networkId ?? ""
            if present.contains(networkId) {
                outcome.existingEVSEs.append(networkId)
                continue
            }
            evse.chargePointId = found.id
            do {
                _ = try await createEVSE(chargePointId: found.id, evse)
                outcome.createdEVSEs.append(networkId)
            } catch  where error.status == 404 || error.status == 405 {
                outcome.deferredEVSEs.append(networkId)
            }
        }
        return outcome
    }
}
