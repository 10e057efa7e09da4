import CentralSystem
import Foundation
import GRDB
import OCPP16
import TestSupport
import Testing

@Suite("Store authorization")
struct StoreAuthorizationTests {
    @Test("tag status maps to the OCPP verdict, and each decision is recorded")
    func verdicts() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", now: t0)
            _ = try await store.createIdTag("GOOD", now: t0)
            _ = try await store.createIdTag("OFF", status: .disabled, now: t0)
            _ = try await store.createIdTag("HOLD", status: .suspended, now: t0)
            _ = try await store.createIdTag("OLD", expiresAt: at(5).date, now: t0)
            _ = try await store.createIdTag("CHILD", parentIdTag: "GOOD", now: t0)

            func verdict(_ tag: String, _ policy: UnknownIdTagPolicy = .reject) async throws -> IdTagInfo {
                try await store.authorize(idTag: tag, identity: "CP1", unknownTagPolicy: policy, now: at(10))
            }
            #expect(try await verdict("GOOD").status == .accepted)
            #expect(try await verdict("OFF").status == .blocked)
            #expect(try await verdict("HOLD").status == .blocked)
            let expired = try await verdict("OLD")
            #expect(expired.status == .expired)
            #expect(expired.expiryDate == at(5))
            #expect(try await verdict("CHILD").parentIdTag == "GOOD")
            #expect(try await verdict("NOPE").status == .invalid)

            let authorizations = try await store.listAuthorizations(page: .page(number: 1, perPage: 100))
            #expect(authorizations.total == 6)
            #expect(
                authorizations.items.map(\.status) == [
                    .accepted, .rejected, .rejected, .rejected, .accepted, .rejected,
                ])
            #expect(authorizations.items[1].rejectionReason == "Blocked")
        }
    }

    @Test("unknown tags follow the policy; register remembers them")
    func unknownPolicy() async throws {
        try await withStore { store, _ in
            _ = try await store.registerChargePoint(identity: "CP1", now: t0)
            let accepted = try await store.authorize(idTag: "A", identity: "CP1", unknownTagPolicy: .accept, now: t0)
            #expect(accepted.status == .accepted)
            let registered = try await store.authorize(
                idTag: "B", identity: "CP1", unknownTagPolicy: .register, now: t0)
            #expect(registered.status == .accepted)
            let tags = try await store.listIdTags(page: .cursor(.start, perPage: 10))
            #expect(tags.items.map(\.idTag) == ["B"])
            let known = try await store.authorize(idTag: "B", identity: "CP1", unknownTagPolicy: .reject, now: t0)
            #expect(known.status == .accepted)
        }
    }

    @Test("authorize from an unknown charge point is refused")
    func unknownChargePoint() async throws {
        try await withStore { store, _ in
            await #expect(throws: StoreError.unknownChargePoint(identity: "X")) {
                _ = try await store.authorize(idTag: "A", identity: "X", unknownTagPolicy: .accept, now: t0)
            }
        }
    }
}
