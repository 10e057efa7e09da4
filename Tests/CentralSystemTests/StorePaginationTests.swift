import CentralSystem
import Foundation
import OCPP16
import TestSupport
import Testing

@Suite("Store pagination and filters")
struct StorePaginationTests {
    /// Five charge points CP1…CP5, ids 1…5.
    private func fiveChargePoints(_ store: Store) async throws -> [Int64] {
        var ids: [Int64] = []
        for index in 1...5 {
            let chargePoint = try await store.registerChargePoint(identity: "CP\(index)", now: at(Int64(index)))
            ids.append(try #require(chargePoint.id))
        }
        return ids
    }

    @Test("page mode: totals, last page, a partial last page and an empty page past the end")
    func pageMode() async throws {
        try await withStore { store, _ in
            let ids = try await fiveChargePoints(store)
            let first = try await store.listChargePoints(page: .page(number: 1, perPage: 2))
            #expect(first.items.map(\.id) == [ids[0], ids[1]])
            #expect(first.total == 5)
            #expect(first.lastPage == 3)
            #expect(first.pageNumber == 1)
            let last = try await store.listChargePoints(page: .page(number: 3, perPage: 2))
            #expect(last.items.map(\.id) == [ids[4]])
            let beyond = try await store.listChargePoints(page: .page(number: 4, perPage: 2))
            #expect(beyond.items.isEmpty)
            #expect(beyond.total == 5)
            let zero = try await store.listChargePoints(page: .page(number: 0, perPage: 2))
            #expect(zero.pageNumber == 1)
        }
    }

    @Test("page mode on an empty table has one (empty) last page")
    func emptyTable() async throws {
        try await withStore { store, _ in
            let page = try await store.listChargePoints(page: .page(number: 1, perPage: 10))
            #expect(page.items.isEmpty)
            #expect(page.total == 0)
            #expect(page.lastPage == 1)
            let cursor = try await store.listChargePoints(page: .cursor(.start, perPage: 10))
            #expect(cursor.items.isEmpty)
            #expect(cursor.next == nil)
            #expect(cursor.previous == nil)
        }
    }

    @Test("cursor mode walks forward to the end and back to the start by keyset")
    func cursorMode() async throws {
        try await withStore { store, _ in
            let ids = try await fiveChargePoints(store)
            let first = try await store.listChargePoints(page: .cursor(.start, perPage: 2))
            #expect(first.items.map(\.id) == [ids[0], ids[1]])
            #expect(first.previous == nil)
            let firstNext = try #require(first.next)
            #expect(firstNext == .after(ids[1]))

            let second = try await store.listChargePoints(page: .cursor(firstNext, perPage: 2))
            #expect(second.items.map(\.id) == [ids[2], ids[3]])
            let third = try await store.listChargePoints(page: .cursor(try #require(second.next), perPage: 2))
            #expect(third.items.map(\.id) == [ids[4]])
            #expect(third.next == nil)

            let back = try await store.listChargePoints(page: .cursor(try #require(third.previous), perPage: 2))
            #expect(back.items.map(\.id) == [ids[2], ids[3]])
            let start = try await store.listChargePoints(page: .cursor(try #require(back.previous), perPage: 2))
            #expect(start.items.map(\.id) == [ids[0], ids[1]])
            #expect(start.previous == nil)
        }
    }

    @Test("an exact multiple of the page size has no next cursor on the last page")
    func exactMultiple() async throws {
        try await withStore { store, _ in
            _ = try await fiveChargePoints(store)
            let all = try await store.listChargePoints(page: .cursor(.start, perPage: 5))
            #expect(all.items.count == 5)
            #expect(all.next == nil)
        }
    }

    @Test("a cursor stays stable when rows are inserted before it")
    func cursorStable() async throws {
        try await withStore { store, _ in
            let ids = try await fiveChargePoints(store)
            let first = try await store.listChargePoints(page: .cursor(.start, perPage: 2))
            _ = try await store.registerChargePoint(identity: "CP6", now: at(6))
            let deleted = try await store.deleteChargePoint(id: ids[0])
            #expect(deleted)
            let second = try await store.listChargePoints(page: .cursor(try #require(first.next), perPage: 2))
            #expect(second.items.map(\.id) == [ids[2], ids[3]])
        }
    }

    @Test("per_page is clamped to 1…100")
    func perPageClamp() {
        #expect(PageRequest.page(number: 1, perPage: 0).perPage == 1)
        #expect(PageRequest.cursor(.start, perPage: 1000).perPage == 100)
        #expect(PageRequest.cursor(.start, perPage: 37).perPage == 37)
    }

    @Test("charge point filters: networkId and name")
    func chargePointFilters() async throws {
        try await withStore { store, _ in
            _ = try await fiveChargePoints(store)
            let byIdentity = try await store.listChargePoints(
                ChargePointFilter(networkId: "CP3"), page: .cursor(.start, perPage: 10))
            #expect(byIdentity.items.map(\.ocppIdentity) == ["CP3"])
            let byName = try await store.listChargePoints(
                ChargePointFilter(name: "nope"), page: .page(number: 1, perPage: 10))
            #expect(byName.total == 0)
        }
    }

    @Test("session filters: charge point, status, idTag and start window")
    func sessionFilters() async throws {
        try await withStore { store, _ in
            let cp1 = try await store.registerChargePoint(identity: "CP1", evseCount: 2, now: t0)
            _ = try await store.registerChargePoint(identity: "CP2", evseCount: 1, now: t0)
            let a = try await store.startTransaction(
                identity: "CP1", request: start(connector: 1, idTag: "A", at: at(100)), unknownTagPolicy: .accept,
                now: at(100))
            _ = try await store.startTransaction(
                identity: "CP1", request: start(connector: 2, idTag: "B", at: at(200)), unknownTagPolicy: .accept,
                now: at(200))
            _ = try await store.startTransaction(
                identity: "CP2", request: start(connector: 1, idTag: "C", at: at(300)), unknownTagPolicy: .accept,
                now: at(300))
            _ = try await store.stopTransaction(
                identity: "CP1",
                request: StopTransactionRequest(meterStop: 2000, timestamp: at(400), transactionId: a.transactionId),
                now: at(400))

            func tags(_ filter: SessionFilter) async throws -> [String] {
                try await store.listSessions(filter, page: .page(number: 1, perPage: 10)).items.map(\.idTag)
            }
            #expect(try await tags(SessionFilter(chargePointId: cp1.id)) == ["A", "B"])
            #expect(try await tags(SessionFilter(status: .active)) == ["B", "C"])
            #expect(try await tags(SessionFilter(status: .finished)) == ["A"])
            #expect(try await tags(SessionFilter(idTag: "C")) == ["C"])
            #expect(
                try await tags(SessionFilter(startedAfter: at(150).date, startedBefore: at(350).date)) == ["B", "C"])
            #expect(try await tags(SessionFilter(endedAfter: at(399).date)) == ["A"])
            #expect(try await tags(SessionFilter(evseId: a.session.evseId)) == ["A"])
        }
    }
}
