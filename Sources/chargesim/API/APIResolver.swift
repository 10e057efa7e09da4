import PublicAPI

/// Turns what a person types into API ids: a charge point by OCPP identity (or system id), an
/// EVSE by its networkId (connector number), the active session of an EVSE.
struct APIResolver {
    let client: PublicAPIClient

    /// The charge point whose OCPP identity is `text`; else, when `text` is a number, the one
    /// with that system id.
    func chargePoint(_ text: String) async throws -> ChargePoint {
        if let found = try await client.chargePoint(identity: text) { return found }
        if let id = Int(text), let found = try await chargePoint(id: id) { return found }
        throw APICommandFailure(message: "no charge point with identity or id '\(text)'.", code: .notFound)
    }

    private func chargePoint(id: Int) async throws -> ChargePoint? {
        let result: Result<ChargePoint, PublicAPIClientError>
        do {
            result = .success(try await client.chargePoint(id))
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let found): return found
        case .failure(let error) where error.status == 404: return nil
        case .failure(let error): throw error
        }
    }

    /// The charge point's EVSE whose networkId is `networkId`.
    func evse(_ chargePoint: ChargePoint, networkId: Int) async throws -> EVSE {
        guard let evse = try await client.evse(chargePointId: chargePoint.id, networkId: networkId) else {
            throw APICommandFailure(
                message: "charge point \(chargePoint.network?.id ?? String(chargePoint.id)) has no EVSE \(networkId).",
                code: .notFound)
        }
        return evse
    }

    /// OCPP identity by system id, for tables.
    func identities() async throws -> [Int: String] {
        var identities: [Int: String] = [:]
        for try await chargePoint in client.chargePoints() { identities[chargePoint.id] = chargePoint.network?.id }
        return identities
    }
}
