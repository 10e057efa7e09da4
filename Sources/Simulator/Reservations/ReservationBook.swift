import OCPP16

/// A charger's reservations (OCPP 1.6 §3.11, §5.2, §5.13): ReserveNow, CancelReservation,
/// expiry, and who may start on a reserved connector.
///
/// Connector statuses come from the charger through a closure (`connectorStatus(0)` is the charge
/// point as a whole). The book never changes a status itself: the charger sets a connector Reserved
/// on Accepted and Available when a reservation is cancelled, expires or is replaced elsewhere.
/// Sans-I/O: time comes in as `now`. `Codable` so that a charger can persist it.
public struct ReservationBook: Sendable, Equatable, Codable {
    /// The charger's connectors are 1...connectorCount.
    public let connectorCount: Int
    /// `ReserveConnectorZeroSupported`: whether connector 0 (any connector) may be reserved.
    public let connectorZeroSupported: Bool
    private var reservations: [Reservation]

    public init(connectorCount: Int, connectorZeroSupported: Bool) {
        self.connectorCount = connectorCount
        self.connectorZeroSupported = connectorZeroSupported
        reservations = []
    }

    /// Every reservation, by id.
    public var all: [Reservation] { reservations }

    /// Answers ReserveNow.req (§5.13) and, when it replaced an earlier reservation with the same id,
    /// that one (the charger frees its connector if it differs from the new one).
    ///
    /// - Rejected: connector id out of range, connector 0 without `ReserveConnectorZeroSupported`, or an
    ///   expiry date not after `now`.
    /// - Faulted / Unavailable: the charge point, or the connector, is Faulted / Unavailable (for
    ///   connector 0: no connector is free and all are Faulted / Unavailable).
    /// - Occupied: the connector is in use or reserved under another id; for a connector, also when
    ///   taking it would leave fewer free connectors than connector-0 reservations; for connector 0, when
    ///   no connector would stay free for it.
    /// - Accepted: stored; a reservation with the same id is replaced (§5.13).
    public mutating func reserve(
        _ request: ReserveNowRequest,
        connectorStatus: (Int) -> ChargePointStatus,
        now: OCPPTimestamp
    ) -> (response: ReserveNowResponse, replaced: Reservation?) {
        let connectorId = request.connectorId
        guard (0...connectorCount).contains(connectorId), connectorId != 0 || connectorZeroSupported,
            request.expiryDate > now
        else { return (ReserveNowResponse(status: .rejected), nil) }
        switch connectorStatus(0) {
        case .faulted: return (ReserveNowResponse(status: .faulted), nil)
        case .unavailable: return (ReserveNowResponse(status: .unavailable), nil)
        case .available, .preparing, .charging, .suspendedEVSE, .suspendedEV, .finishing, .reserved: break
        }
        let others = reservations.filter { $0.id != request.reservationId }
        let status =
            connectorId == 0
            ? statusForAnyConnector(others: others, connectorStatus: connectorStatus)
            : statusForConnector(connectorId, others: others, connectorStatus: connectorStatus)
        guard status == .accepted else { return (ReserveNowResponse(status: status), nil) }
        let replaced = reservations.first { $0.id == request.reservationId }
        reservations = (others + [Reservation(request)]).sorted { $0.id < $1.id }
        return (ReserveNowResponse(status: .accepted), replaced)
    }

    private func statusForConnector(
        _ connectorId: Int,
        others: [Reservation],
        connectorStatus: (Int) -> ChargePointStatus
    ) -> ReservationStatus {
        switch connectorStatus(connectorId) {
        case .faulted: return .faulted
        case .unavailable: return .unavailable
        case .preparing, .charging, .suspendedEVSE, .suspendedEV, .finishing: return .occupied
        case .available, .reserved:
            // Reserved by the reservation being replaced counts as free.
            if others.contains(where: { $0.connectorId == connectorId }) { return .occupied }
        }
        let anyConnector = others.filter { $0.connectorId == 0 }.count
        let free = freeConnectors(others: others, connectorStatus: connectorStatus).filter { $0 != connectorId }
        return free.count >= anyConnector ? .accepted : .occupied
    }

    private func statusForAnyConnector(
        others: [Reservation],
        connectorStatus: (Int) -> ChargePointStatus
    ) -> ReservationStatus {
        let anyConnector = others.filter { $0.connectorId == 0 }.count
        if freeConnectors(others: others, connectorStatus: connectorStatus).count > anyConnector { return .accepted }
        let statuses = (1...max(connectorCount, 1)).map(connectorStatus)
        if statuses.allSatisfy({ $0 == .faulted }) { return .faulted }
        if statuses.allSatisfy({ $0 == .unavailable }) { return .unavailable }
        return .occupied
    }

    /// Connectors that are Available (or Reserved by nothing in `others`) and not reserved by `others`.
    private func freeConnectors(others: [Reservation], connectorStatus: (Int) -> ChargePointStatus) -> [Int] {
        guard connectorCount >= 1 else { return [] }
        let reserved = Set(others.map(\.connectorId))
        return (1...connectorCount).filter { connector in
            guard !reserved.contains(connector) else { return false }
            switch connectorStatus(connector) {
            case .available, .reserved: return true
            case .preparing, .charging, .suspendedEVSE, .suspendedEV, .finishing, .unavailable, .faulted: return false
            }
        }
    }

    /// Answers CancelReservation.req (§5.2): Accepted and the cancelled reservation (the charger sets its
    /// connector Available) when the id is known, else Rejected.
    public mutating func cancel(
        _ request: CancelReservationRequest
    ) -> (response: CancelReservationResponse, cancelled: Reservation?) {
        guard let index = reservations.firstIndex(where: { $0.id == request.reservationId }) else {
            return (CancelReservationResponse(status: .rejected), nil)
        }
        let cancelled = reservations.remove(at: index)
        return (CancelReservationResponse(status: .accepted), cancelled)
    }

    /// Removes and returns the reservations whose expiry date is at or before `now` (§5.13: the charger
    /// sets those connectors Available).
    public mutating func expired(now: OCPPTimestamp) -> [Reservation] {
        let gone = reservations.filter { $0.expiryDate <= now }
        reservations.removeAll { $0.expiryDate <= now }
        return gone
    }

    /// The earliest expiry date, for the charger's timer; `nil` without reservations.
    public var nextExpiry: OCPPTimestamp? { reservations.map(\.expiryDate).min() }

    /// The reservation of connector `connectorId` (0 gives the first connector-0 reservation).
    public func reservation(forConnector connectorId: Int) -> Reservation? {
        reservations.first { $0.connectorId == connectorId }
    }

    /// The reservation with `id`.
    public func reservation(id: Int) -> Reservation? { reservations.first { $0.id == id } }

    /// Whether `idTag` (of group `parentIdTag`) may start a transaction on `connectorId` now (§5.13):
    /// on a reserved connector only its reservation's tag or group; on a free connector anyone, unless the
    /// connector is needed to honour the connector-0 reservations the tag does not hold.
    public func admits(
        idTag: CiString20,
        parentIdTag: CiString20?,
        connectorId: Int,
        connectorStatus: (Int) -> ChargePointStatus
    ) -> Bool {
        if let reservation = reservation(forConnector: connectorId), connectorId != 0 {
            return reservation.admits(idTag: idTag, parentIdTag: parentIdTag)
        }
        let anyConnector = reservations.filter { $0.connectorId == 0 }
        if anyConnector.isEmpty { return true }
        if anyConnector.contains(where: { $0.admits(idTag: idTag, parentIdTag: parentIdTag) }) { return true }
        let free = freeConnectors(others: reservations, connectorStatus: connectorStatus).filter { $0 != connectorId }
        return free.count >= anyConnector.count
    }

    /// The reservation a transaction of `idTag` on `connectorId` uses, whose id goes in
    /// StartTransaction.req `reservationId`: the connector's own, else a connector-0 one the tag holds.
    public func reservationUsed(idTag: CiString20, parentIdTag: CiString20?, connectorId: Int) -> Reservation? {
        if let own = reservation(forConnector: connectorId), connectorId != 0,
            own.admits(idTag: idTag, parentIdTag: parentIdTag)
        {
            return own
        }
        return reservations.first { $0.connectorId == 0 && $0.admits(idTag: idTag, parentIdTag: parentIdTag) }
    }

    /// Removes the reservation a started transaction consumed (§5.13), returning it.
    @discardableResult
    public mutating func consume(reservationId: Int) -> Reservation? {
        guard let index = reservations.firstIndex(where: { $0.id == reservationId }) else { return nil }
        return reservations.remove(at: index)
    }
}
