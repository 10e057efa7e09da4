import Foundation
import NIOHTTP1

/// The resources the embedded central system serves (reference §4), one typed method each.
/// Lists are ``PageSequence``s that follow `links.next`.
extension PublicAPIClient {
    static let chargePoints = "resources/charge-points"
    static let evses = "resources/evses/v2.1"
    static let sessions = "resources/sessions/v1.0"

    // MARK: Charge points (v2.0, v1.0 read and live status)

    /// `GET resources/charge-points/v2.0` (cursor pages; filters `networkId`, `name`, ...).
    public func chargePoints(_ query: ListQuery = ListQuery()) -> PageSequence<ChargePoint> {
        list("\(Self.chargePoints)/v2.0", query)
    }

    /// The expansions a charge point read asks for unless told otherwise: the two the typed model
    /// carries data for.
    public static let defaultChargePointIncludes = ["lastBootNotification", "chargingProfile"]

    /// `GET resources/charge-points/v2.0/{id}` with `include[]` = `include`.
    public func chargePoint(_ id: Int, include: [String] = defaultChargePointIncludes)
        async throws(PublicAPIClientError) -> ChargePoint
    {
        try await data(
            "\(Self.chargePoints)/v2.0/\(id)", query: include.map { URLQueryItem(name: "include[]", value: $0) },
            as: ChargePoint.self)
    }

    /// The charge point whose OCPP identity (`network.id`) is `identity`, `nil` when there is none.
    public func chargePoint(identity: String, include: [String] = defaultChargePointIncludes)
        async throws(PublicAPIClientError) -> ChargePoint?
    {
        var query = ListQuery(filters: ["networkId": identity], perPage: 10)
        query.include = include
        let matches = try await chargePoints(query).collect()
        return matches.first { $0.network?.id == identity }
    }

    /// `POST resources/charge-points/v2.0` (201).
    public func createChargePoint(_ body: ChargePointWrite) async throws(PublicAPIClientError) -> ChargePoint {
        try await send(.POST, "\(Self.chargePoints)/v2.0", json: body, as: DataEnvelope<ChargePoint>.self).data
    }

    /// `PATCH resources/charge-points/v2.0/{id}`.
    public func updateChargePoint(_ id: Int, _ body: ChargePointWrite) async throws(PublicAPIClientError)
        -> ChargePoint
    {
        try await send(.PATCH, "\(Self.chargePoints)/v2.0/\(id)", json: body, as: DataEnvelope<ChargePoint>.self).data
    }

    /// `DELETE resources/charge-points/v2.0/{id}` (204).
    public func deleteChargePoint(_ id: Int) async throws(PublicAPIClientError) {
        _ = try await send(.DELETE, "\(Self.chargePoints)/v2.0/\(id)")
    }

    /// `GET resources/charge-points/v1.0/{id}` (deprecated, EVSEs embedded).
    public func chargePointV1(_ id: Int) async throws(PublicAPIClientError) -> ChargePointV1 {
        try await data("\(Self.chargePoints)/v1.0/\(id)", as: ChargePointV1.self)
    }

    /// `GET resources/charge-points/v1.0/{id}/status`: network, hardware and EVSE statuses.
    public func chargePointStatus(_ id: Int) async throws(PublicAPIClientError) -> ChargePointLiveStatus {
        try await data("\(Self.chargePoints)/v1.0/\(id)/status", as: ChargePointLiveStatus.self)
    }

    // MARK: EVSEs

    /// `GET resources/evses/v2.1` (filter `chargePointId`).
    public func evses(_ query: ListQuery = ListQuery()) -> PageSequence<EVSE> {
        list(Self.evses, query)
    }

    /// `GET resources/evses/v2.1/{id}`.
    public func evse(_ id: Int) async throws(PublicAPIClientError) -> EVSE {
        try await data("\(Self.evses)/\(id)", as: EVSE.self)
    }

    /// `GET resources/charge-points/v2.0/{id}/evses`.
    public func evses(ofChargePoint chargePointId: Int, _ query: ListQuery = ListQuery()) -> PageSequence<EVSE> {
        list("\(Self.chargePoints)/v2.0/\(chargePointId)/evses", query)
    }

    /// The charge point's EVSE whose `networkId` (OCPP connector id) is `networkId`, `nil` when none.
    public func evse(chargePointId: Int, networkId: Int) async throws(PublicAPIClientError) -> EVSE? {
        try await evses(ofChargePoint: chargePointId).collect().first { $0.networkId == String(networkId) }
    }

    /// `POST resources/charge-points/v2.0/{id}/evses` (201). Not served by the embedded central
    /// system, which creates EVSEs from the charger's StatusNotifications.
    public func createEVSE(chargePointId: Int, _ body: EVSEWrite) async throws(PublicAPIClientError) -> EVSE {
        try await send(
            .POST, "\(Self.chargePoints)/v2.0/\(chargePointId)/evses", json: body, as: DataEnvelope<EVSE>.self
        ).data
    }

    // MARK: Sessions

    /// `GET resources/sessions/v1.0` (filters `chargePointId`, `evseId`, `status`, `idTag`,
    /// `startedAfter`, ...).
    public func sessions(_ query: ListQuery = ListQuery()) -> PageSequence<Session> {
        list(Self.sessions, query)
    }

    /// `GET resources/sessions/v1.0/{id}`.
    public func session(_ id: String) async throws(PublicAPIClientError) -> Session {
        try await data("\(Self.sessions)/\(Self.segment(id))", as: Session.self)
    }

    /// `GET resources/sessions/v1.0/{id}/consumption-stats`.
    public func consumptionStats(sessionId: String) async throws(PublicAPIClientError) -> [ConsumptionStat] {
        try await data("\(Self.sessions)/\(Self.segment(sessionId))/consumption-stats", as: [ConsumptionStat].self)
    }

    // MARK: Id tags, authorizations, locations, reservations

    /// `GET resources/id-tags/v2.0`.
    public func idTags(_ query: ListQuery = ListQuery()) -> PageSequence<IdTag> {
        list("resources/id-tags/v2.0", query)
    }

    /// `GET resources/id-tags/v2.0/{id}`.
    public func idTag(_ id: Int) async throws(PublicAPIClientError) -> IdTag {
        try await data("resources/id-tags/v2.0/\(id)", as: IdTag.self)
    }

    /// `POST resources/id-tags/v2.0` (201).
    public func createIdTag(_ body: IdTagWrite) async throws(PublicAPIClientError) -> IdTag {
        try await send(.POST, "resources/id-tags/v2.0", json: body, as: DataEnvelope<IdTag>.self).data
    }

    /// `PATCH resources/id-tags/v2.0/{id}`.
    public func updateIdTag(_ id: Int, _ body: IdTagWrite) async throws(PublicAPIClientError) -> IdTag {
        try await send(.PATCH, "resources/id-tags/v2.0/\(id)", json: body, as: DataEnvelope<IdTag>.self).data
    }

    /// `DELETE resources/id-tags/v2.0/{id}` (204).
    public func deleteIdTag(_ id: Int) async throws(PublicAPIClientError) {
        _ = try await send(.DELETE, "resources/id-tags/v2.0/\(id)")
    }

    /// `GET resources/authorizations/v2.1`.
    public func authorizations(_ query: ListQuery = ListQuery()) -> PageSequence<Authorization> {
        list("resources/authorizations/v2.1", query)
    }

    /// `GET resources/authorizations/v2.1/{id}`.
    public func authorization(_ id: Int) async throws(PublicAPIClientError) -> Authorization {
        try await data("resources/authorizations/v2.1/\(id)", as: Authorization.self)
    }

    /// `GET resources/locations/v2.0`.
    public func locations(_ query: ListQuery = ListQuery()) -> PageSequence<Location> {
        list("resources/locations/v2.0", query)
    }

    /// `GET resources/locations/v2.0/{id}`.
    public func location(_ id: Int) async throws(PublicAPIClientError) -> Location {
        try await data("resources/locations/v2.0/\(id)", as: Location.self)
    }

    /// `POST resources/locations/v2.0` (201).
    public func createLocation(_ body: LocationWrite) async throws(PublicAPIClientError) -> Location {
        try await send(.POST, "resources/locations/v2.0", json: body, as: DataEnvelope<Location>.self).data
    }

    /// `PATCH resources/locations/v2.0/{id}`.
    public func updateLocation(_ id: Int, _ body: LocationWrite) async throws(PublicAPIClientError) -> Location {
        try await send(.PATCH, "resources/locations/v2.0/\(id)", json: body, as: DataEnvelope<Location>.self).data
    }

    /// `DELETE resources/locations/v2.0/{id}` (204).
    public func deleteLocation(_ id: Int) async throws(PublicAPIClientError) {
        _ = try await send(.DELETE, "resources/locations/v2.0/\(id)")
    }

    /// `GET resources/reservations/v1.0`.
    public func reservations(_ query: ListQuery = ListQuery()) -> PageSequence<Reservation> {
        list("resources/reservations/v1.0", query)
    }

    /// `GET resources/reservations/v1.0/{id}`.
    public func reservation(_ id: Int) async throws(PublicAPIClientError) -> Reservation {
        try await data("resources/reservations/v1.0/\(id)", as: Reservation.self)
    }

    // MARK: Billing

    /// `GET resources/tariffs/v1.0`.
    public func tariffs(_ query: ListQuery = ListQuery()) -> PageSequence<Tariff> {
        list("resources/tariffs/v1.0", query)
    }

    /// `GET resources/tariffs/v1.0/{id}`.
    public func tariff(_ id: Int) async throws(PublicAPIClientError) -> Tariff {
        try await data("resources/tariffs/v1.0/\(id)", as: Tariff.self)
    }

    /// `POST resources/tariffs/v1.0` (201).
    public func createTariff(_ body: Tariff) async throws(PublicAPIClientError) -> Tariff {
        try await send(.POST, "resources/tariffs/v1.0", json: body, as: DataEnvelope<Tariff>.self).data
    }

    /// `PUT resources/tariffs/v1.0/{id}`.
    public func replaceTariff(_ id: Int, _ body: Tariff) async throws(PublicAPIClientError) -> Tariff {
        try await send(.PUT, "resources/tariffs/v1.0/\(id)", json: body, as: DataEnvelope<Tariff>.self).data
    }

    /// `DELETE resources/tariffs/v1.0/{id}` (204).
    public func deleteTariff(_ id: Int) async throws(PublicAPIClientError) {
        _ = try await send(.DELETE, "resources/tariffs/v1.0/\(id)")
    }

    /// `GET resources/tariff-snapshots/v1.0/{id}`.
    public func tariffSnapshot(_ id: Int) async throws(PublicAPIClientError) -> TariffSnapshot {
        try await data("resources/tariff-snapshots/v1.0/\(id)", as: TariffSnapshot.self)
    }

    /// `GET resources/transactions/v1.0` (filter `sessionId`, `invoiceNumber`, ...).
    public func transactions(_ query: ListQuery = ListQuery()) -> PageSequence<Transaction> {
        list("resources/transactions/v1.0", query)
    }

    /// `GET resources/transactions/v1.0/{id}`; accepts the wrapped and the unwrapped shape
    /// (reference §4.14 DISAGREE).
    public func transaction(_ id: Int) async throws(PublicAPIClientError) -> Transaction {
        let path = "resources/transactions/v1.0/\(id)"
        let reply = try await send(.GET, path)
        if let wrapped = try? PublicAPIJSON.makeDecoder().decode(DataEnvelope<Transaction>.self, from: reply.body) {
            return wrapped.data
        }
        return try decode(Transaction.self, reply.body, method: .GET, path: path)
    }

    /// `GET resources/invoices/v1.0`.
    public func invoices(_ query: ListQuery = ListQuery()) -> PageSequence<Invoice> {
        list("resources/invoices/v1.0", query)
    }

    /// `GET resources/invoices/v1.0/{id}`.
    public func invoice(_ id: Int) async throws(PublicAPIClientError) -> Invoice {
        try await data("resources/invoices/v1.0/\(id)", as: Invoice.self)
    }

    // MARK: -

    func list<Item>(_ path: String, _ query: ListQuery) -> PageSequence<Item> {
        PageSequence(client: self, path: path, query: query.items)
    }

    /// A path segment from a caller's id, percent-encoded.
    static func segment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value
    }
}
