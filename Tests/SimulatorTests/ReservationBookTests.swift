import OCPP16
import Simulator
import Testing

/// ReserveNow / CancelReservation answers, expiry on a manual clock, and who may start (OCPP 1.6 §5.13).
@Suite struct ReservationBookTests {
    static let t0 = OCPPTimestamp(millisecondsSince1970: 1_790_000_000_000)

    /// Connector statuses a test can change; unlisted connectors are Available.
    struct Statuses {
        var byConnector: [Int: ChargePointStatus] = [:]
        func callAsFunction(_ connectorId: Int) -> ChargePointStatus { byConnector[connectorId] ?? .available }
    }

    func request(
        _ id: Int, connector: Int, tag: CiString20 = "TAG", parent: CiString20? = nil,
        expiresIn: Duration = .seconds(600)
    ) -> ReserveNowRequest {
        ReserveNowRequest(
            connectorId: connector, expiryDate: Self.t0 + expiresIn, idTag: tag, parentIdTag: parent,
            reservationId: id)
    }

    func reserve(_ book: inout ReservationBook, _ request: ReserveNowRequest, _ statuses: Statuses = Statuses())
        -> ReservationStatus
    {
        book.reserve(request, connectorStatus: statuses.callAsFunction, now: Self.t0).response.status
    }

    @Test func availableConnectorIsAccepted() {
        var book = ReservationBook(connectorCount: 2, connectorZeroSupported: false)
        #expect(reserve(&book, request(1, connector: 1)) == .accepted)
        #expect(book.reservation(forConnector: 1)?.id == 1)
        #expect(book.reservation(id: 1)?.idTag == "TAG")
    }

    @Test func connectorStatusesGiveFaultedOccupiedUnavailable() {
        var book = ReservationBook(connectorCount: 2, connectorZeroSupported: false)
        let cases: [(ChargePointStatus, ReservationStatus)] = [
            (.faulted, .faulted), (.unavailable, .unavailable), (.preparing, .occupied), (.charging, .occupied),
            (.suspendedEV, .occupied), (.suspendedEVSE, .occupied), (.finishing, .occupied),
        ]
        for (status, expected) in cases {
            #expect(reserve(&book, request(1, connector: 1), Statuses(byConnector: [1: status])) == expected)
        }
        #expect(reserve(&book, request(1, connector: 1), Statuses(byConnector: [0: .faulted])) == .faulted)
        #expect(reserve(&book, request(1, connector: 1), Statuses(byConnector: [0: .unavailable])) == .unavailable)
        #expect(book.all.isEmpty)
    }

    @Test func reservedConnectorIsOccupiedForAnotherReservation() {
        var book = ReservationBook(connectorCount: 2, connectorZeroSupported: false)
        #expect(reserve(&book, request(1, connector: 1)) == .accepted)
        #expect(reserve(&book, request(2, connector: 1), Statuses(byConnector: [1: .reserved])) == .occupied)
    }

    @Test func sameReservationIdReplacesTheEarlierOne() {
        var book = ReservationBook(connectorCount: 2, connectorZeroSupported: false)
        #expect(reserve(&book, request(7, connector: 1, tag: "OLD")) == .accepted)
        let statuses = Statuses(byConnector: [1: .reserved])
        let moved = book.reserve(
            request(7, connector: 2, tag: "NEW"), connectorStatus: statuses.callAsFunction,
            now: Self.t0)
        #expect(moved.response.status == .accepted)
        #expect(moved.replaced?.connectorId == 1)
        #expect(book.all.map(\.connectorId) == [2])
        // Re-reserving the same connector under the same id is fine even though it reads Reserved.
        #expect(
            reserve(&book, request(7, connector: 2, tag: "NEWER"), Statuses(byConnector: [2: .reserved]))
                == .accepted)
        #expect(book.reservation(id: 7)?.idTag == "NEWER")
        // A refused replacement keeps the earlier reservation.
        #expect(reserve(&book, request(7, connector: 1), Statuses(byConnector: [1: .charging])) == .occupied)
        #expect(book.reservation(id: 7)?.connectorId == 2)
    }

    @Test func badConnectorIdsAndPastExpiryAreRejected() {
        var book = ReservationBook(connectorCount: 2, connectorZeroSupported: false)
        #expect(reserve(&book, request(1, connector: 3)) == .rejected)
        #expect(reserve(&book, request(1, connector: -1)) == .rejected)
        #expect(reserve(&book, request(1, connector: 0)) == .rejected)
        #expect(reserve(&book, request(1, connector: 1, expiresIn: .zero)) == .rejected)
    }

    @Test func connectorZeroNeedsSupportAndAFreeConnector() {
        var book = ReservationBook(connectorCount: 2, connectorZeroSupported: true)
        #expect(reserve(&book, request(1, connector: 0)) == .accepted)
        #expect(reserve(&book, request(2, connector: 0)) == .accepted)
        // Two connectors, two any-connector reservations: nothing left for a third or a specific one.
        #expect(reserve(&book, request(3, connector: 0)) == .occupied)
        #expect(reserve(&book, request(4, connector: 1)) == .occupied)
        #expect(book.cancel(CancelReservationRequest(reservationId: 2)).response.status == .accepted)
        #expect(reserve(&book, request(4, connector: 1)) == .accepted)
        #expect(reserve(&book, request(5, connector: 0), Statuses(byConnector: [2: .charging])) == .occupied)
    }

    @Test func connectorZeroReportsFaultedOrUnavailableWhenEveryConnectorIs() {
        var book = ReservationBook(connectorCount: 2, connectorZeroSupported: true)
        #expect(
            reserve(&book, request(1, connector: 0), Statuses(byConnector: [1: .faulted, 2: .faulted])) == .faulted)
        #expect(
            reserve(&book, request(1, connector: 0), Statuses(byConnector: [1: .unavailable, 2: .unavailable]))
                == .unavailable)
        #expect(
            reserve(&book, request(1, connector: 0), Statuses(byConnector: [1: .faulted, 2: .charging]))
                == .occupied)
    }

    @Test func cancelUnknownIdIsRejected() {
        var book = ReservationBook(connectorCount: 1, connectorZeroSupported: false)
        #expect(reserve(&book, request(1, connector: 1)) == .accepted)
        let unknown = book.cancel(CancelReservationRequest(reservationId: 2))
        #expect(unknown.response.status == .rejected)
        #expect(unknown.cancelled == nil)
        let known = book.cancel(CancelReservationRequest(reservationId: 1))
        #expect(known.response.status == .accepted)
        #expect(known.cancelled?.connectorId == 1)
        #expect(book.all.isEmpty)
    }

    @Test func reservationsExpireOnAManualClock() {
        var book = ReservationBook(connectorCount: 2, connectorZeroSupported: false)
        #expect(reserve(&book, request(1, connector: 1, expiresIn: .seconds(60))) == .accepted)
        #expect(reserve(&book, request(2, connector: 2, expiresIn: .seconds(120))) == .accepted)
        #expect(book.nextExpiry == Self.t0 + .seconds(60))
        #expect(book.expired(now: Self.t0 + .seconds(59)).isEmpty)
        #expect(book.expired(now: Self.t0 + .seconds(60)).map(\.id) == [1])
        #expect(book.nextExpiry == Self.t0 + .seconds(120))
        #expect(book.expired(now: Self.t0 + .seconds(500)).map(\.id) == [2])
        #expect(book.nextExpiry == nil)
    }

    @Test func theReservedTagOrItsGroupMayStart() {
        var book = ReservationBook(connectorCount: 2, connectorZeroSupported: false)
        #expect(reserve(&book, request(1, connector: 1, tag: "ALICE", parent: "FAMILY")) == .accepted)
        let statuses = Statuses(byConnector: [1: .reserved])
        func admits(_ tag: CiString20, _ parent: CiString20?, _ connector: Int) -> Bool {
            book.admits(
                idTag: tag, parentIdTag: parent, connectorId: connector, connectorStatus: statuses.callAsFunction)
        }
        #expect(admits("ALICE", nil, 1))
        #expect(admits("alice", nil, 1))
        #expect(admits("BOB", "family", 1))
        #expect(!admits("BOB", nil, 1))
        #expect(!admits("BOB", "OTHER", 1))
        #expect(admits("BOB", nil, 2))
        #expect(book.reservationUsed(idTag: "BOB", parentIdTag: "FAMILY", connectorId: 1)?.id == 1)
        #expect(book.reservationUsed(idTag: "BOB", parentIdTag: nil, connectorId: 1) == nil)
        #expect(book.consume(reservationId: 1)?.id == 1)
        #expect(book.reservation(forConnector: 1) == nil)
        #expect(admits("BOB", nil, 1))
    }

    @Test func connectorZeroReservationKeepsAConnectorFreeForItsTag() {
        var book = ReservationBook(connectorCount: 2, connectorZeroSupported: true)
        #expect(reserve(&book, request(1, connector: 0, tag: "ALICE")) == .accepted)
        let oneBusy = Statuses(byConnector: [1: .charging])
        #expect(!book.admits(idTag: "BOB", parentIdTag: nil, connectorId: 2, connectorStatus: oneBusy.callAsFunction))
        #expect(book.admits(idTag: "ALICE", parentIdTag: nil, connectorId: 2, connectorStatus: oneBusy.callAsFunction))
        let allFree = Statuses()
        #expect(book.admits(idTag: "BOB", parentIdTag: nil, connectorId: 2, connectorStatus: allFree.callAsFunction))
        #expect(book.reservationUsed(idTag: "ALICE", parentIdTag: nil, connectorId: 2)?.id == 1)
    }
}
