import OCPP16
import Simulator
import Testing

/// Local list versions, the cache, and the local authorization decision (OCPP 1.6 §3.5, §5.15).
@Suite struct AuthorizationStoreTests {
    static let t0 = OCPPTimestamp(millisecondsSince1970: 1_790_000_000_000)
    static let accepted = IdTagInfo(status: .accepted)

    func entry(
        _ idTag: String, _ status: AuthorizationStatus? = .accepted, expiry: OCPPTimestamp? = nil,
        parent: CiString20? = nil
    ) -> AuthorizationData {
        AuthorizationData(
            idTag: CiString20(truncating: idTag),
            idTagInfo: status.map { IdTagInfo(expiryDate: expiry, parentIdTag: parent, status: $0) })
    }

    func send(
        _ store: inout AuthorizationStore, _ type: UpdateType, version: Int, _ list: [AuthorizationData]?,
        policy: AuthorizationPolicy = AuthorizationPolicy()
    ) -> UpdateStatus {
        store.apply(
            SendLocalListRequest(listVersion: version, localAuthorizationList: list, updateType: type),
            policy: policy
        ).status
    }

    @Test func listVersionIsZeroWhenEmptyAndMinusOneWhenNotSupportedOrDisabled() {
        var store = AuthorizationStore()
        #expect(store.localListVersion(policy: AuthorizationPolicy()) == 0)
        #expect(store.localListVersion(policy: AuthorizationPolicy(localAuthListSupported: false)) == -1)
        #expect(store.localListVersion(policy: AuthorizationPolicy(localAuthListEnabled: false)) == -1)
        #expect(send(&store, .full, version: 4, [entry("A")]) == .accepted)
        #expect(store.localListVersion(policy: AuthorizationPolicy()) == 4)
        #expect(send(&store, .full, version: 5, []) == .accepted)
        #expect(store.localListVersion(policy: AuthorizationPolicy()) == 0)
    }

    @Test func sendLocalListIsNotSupportedWithoutTheProfileOrWhenDisabled() {
        var store = AuthorizationStore()
        #expect(
            send(&store, .full, version: 1, [entry("A")], policy: AuthorizationPolicy(localAuthListSupported: false))
                == .notSupported)
        #expect(
            send(&store, .full, version: 1, [entry("A")], policy: AuthorizationPolicy(localAuthListEnabled: false))
                == .notSupported)
        #expect(store.localListEntries.isEmpty)
    }

    @Test func fullReplacesAndDifferentialAddsUpdatesAndRemoves() {
        var store = AuthorizationStore()
        #expect(send(&store, .full, version: 1, [entry("A"), entry("B"), entry("C")]) == .accepted)
        #expect(send(&store, .full, version: 2, [entry("D")]) == .accepted)
        #expect(store.localListEntries.map(\.idTag.value) == ["D"])
        #expect(send(&store, .differential, version: 3, [entry("E"), entry("d", .blocked)]) == .accepted)
        #expect(store.localListEntries.map(\.idTag.value) == ["E", "d"])
        #expect(store.localListEntries.last?.info.status == .blocked)
        #expect(send(&store, .differential, version: 4, [entry("E", nil), entry("unknown", nil)]) == .accepted)
        #expect(store.localListEntries.map(\.idTag.value) == ["d"])
        #expect(send(&store, .differential, version: 5, nil) == .accepted)
        #expect(store.localListVersion(policy: AuthorizationPolicy()) == 5)
        #expect(send(&store, .full, version: 6, nil) == .accepted)
        #expect(store.localListEntries.isEmpty)
    }

    @Test func differentialNeedsAHigherVersion() {
        var store = AuthorizationStore()
        #expect(send(&store, .full, version: 10, [entry("A")]) == .accepted)
        #expect(send(&store, .differential, version: 10, [entry("B")]) == .versionMismatch)
        #expect(send(&store, .differential, version: 9, [entry("B")]) == .versionMismatch)
        #expect(send(&store, .full, version: -1, [entry("B")]) == .versionMismatch)
        #expect(store.localListEntries.map(\.idTag.value) == ["A"])
        #expect(send(&store, .full, version: 3, [entry("B")]) == .accepted)
        #expect(store.localListVersion(policy: AuthorizationPolicy()) == 3)
    }

    @Test func oversizedDuplicatedOrIncompleteListsFailAndLeaveTheListAlone() {
        var store = AuthorizationStore()
        let policy = AuthorizationPolicy(localAuthListMaxLength: 3, sendLocalListMaxLength: 2)
        #expect(send(&store, .full, version: 1, [entry("A"), entry("B")], policy: policy) == .accepted)
        #expect(send(&store, .full, version: 2, [entry("A"), entry("B"), entry("C")], policy: policy) == .failed)
        #expect(send(&store, .full, version: 2, [entry("A"), entry("a")], policy: policy) == .failed)
        #expect(send(&store, .full, version: 2, [entry("A", nil)], policy: policy) == .failed)
        #expect(send(&store, .differential, version: 2, [entry("C")], policy: policy) == .accepted)
        #expect(send(&store, .differential, version: 3, [entry("D")], policy: policy) == .failed)
        #expect(store.localListEntries.map(\.idTag.value) == ["A", "B", "C"])
        #expect(store.localListVersion(policy: policy) == 2)
    }

    @Test func cacheIsWrittenOnlyWhenEnabledAndClearedOnRequest() {
        var store = AuthorizationStore()
        store.cacheUpdate(
            idTag: "A", info: Self.accepted, now: Self.t0,
            policy: AuthorizationPolicy(authorizationCacheEnabled: false))
        #expect(store.cacheEntries.isEmpty)
        store.cacheUpdate(idTag: "A", info: Self.accepted, now: Self.t0, policy: AuthorizationPolicy())
        store.cacheUpdate(idTag: "a", info: IdTagInfo(status: .blocked), now: Self.t0, policy: AuthorizationPolicy())
        #expect(store.cacheEntries.map(\.info.status) == [.blocked])
        #expect(send(&store, .full, version: 1, [entry("L")]) == .accepted)
        #expect(store.clearCache().status == .accepted)
        #expect(store.cacheEntries.isEmpty)
        #expect(store.localListEntries.count == 1)
    }

    @Test func fullCacheEvictsInvalidEntriesFirstThenTheOldest() {
        var store = AuthorizationStore(cacheCapacity: 3)
        let policy = AuthorizationPolicy()
        store.cacheUpdate(idTag: "old", info: Self.accepted, now: Self.t0, policy: policy)
        store.cacheUpdate(
            idTag: "blocked", info: IdTagInfo(status: .blocked), now: Self.t0 + .seconds(1), policy: policy)
        store.cacheUpdate(idTag: "mid", info: Self.accepted, now: Self.t0 + .seconds(2), policy: policy)
        store.cacheUpdate(idTag: "new1", info: Self.accepted, now: Self.t0 + .seconds(3), policy: policy)
        #expect(store.cacheEntries.map(\.idTag.value) == ["mid", "new1", "old"])
        store.cacheUpdate(idTag: "new2", info: Self.accepted, now: Self.t0 + .seconds(4), policy: policy)
        #expect(store.cacheEntries.map(\.idTag.value) == ["mid", "new1", "new2"])
    }

    @Test func localListHasPriorityOverTheCache() {
        var store = AuthorizationStore()
        let policy = AuthorizationPolicy(localPreAuthorize: true)
        store.cacheUpdate(idTag: "A", info: Self.accepted, now: Self.t0, policy: policy)
        #expect(send(&store, .full, version: 1, [entry("a", .blocked)]) == .accepted)
        #expect(store.lookup(idTag: "A", now: Self.t0, online: false, policy: policy) == .rejected(.blocked))
        #expect(store.lookup(idTag: "A", now: Self.t0, online: true, policy: policy) == .askCentralSystem)
        // With the list disabled the cache speaks.
        let noList = AuthorizationPolicy(localAuthListEnabled: false, localPreAuthorize: true)
        #expect(
            store.lookup(idTag: "A", now: Self.t0, online: true, policy: noList)
                == .accepted(parentIdTag: nil, source: .cache))
        #expect(store.entry(for: "A", policy: policy)?.info.status == .blocked)
    }

    @Test func expiredEntriesAreNotValid() {
        var store = AuthorizationStore()
        let expiry = Self.t0 + .seconds(60)
        #expect(send(&store, .full, version: 1, [entry("A", expiry: expiry, parent: "FLEET")]) == .accepted)
        let policy = AuthorizationPolicy(localPreAuthorize: true)
        #expect(
            store.lookup(idTag: "A", now: Self.t0, online: false, policy: policy)
                == .accepted(parentIdTag: "FLEET", source: .localList))
        #expect(store.lookup(idTag: "A", now: expiry, online: false, policy: policy) == .rejected(.expired))
        #expect(store.lookup(idTag: "A", now: expiry, online: true, policy: policy) == .askCentralSystem)
        let unknownAllowed = AuthorizationPolicy(allowOfflineTxForUnknownId: true)
        #expect(store.lookup(idTag: "A", now: expiry, online: false, policy: unknownAllowed) == .rejected(.expired))
    }

    /// The decision table of `lookup`, row by row.
    @Test(arguments: [
        // online, preAuthorize, authorizeOffline, allowUnknown, tag, expected
        (true, true, true, false, "good", LocalAuthorization.accepted(parentIdTag: nil, source: .localList)),
        (true, false, true, false, "good", .askCentralSystem),
        (true, true, true, true, "bad", .askCentralSystem),
        (true, true, true, true, "stranger", .askCentralSystem),
        (false, false, true, false, "good", .accepted(parentIdTag: nil, source: .localList)),
        (false, false, false, false, "good", .rejected(.invalid)),
        (false, false, false, true, "good", .accepted(parentIdTag: nil, source: .unknownOffline)),
        (false, false, true, true, "bad", .rejected(.blocked)),
        (false, false, false, true, "bad", .rejected(.blocked)),
        (false, false, true, false, "stranger", .rejected(.invalid)),
        (false, false, true, true, "stranger", .accepted(parentIdTag: nil, source: .unknownOffline)),
        (false, false, true, false, "cached", .accepted(parentIdTag: nil, source: .cache)),
    ])
    func offlineAndOnlineDecisions(
        online: Bool, preAuthorize: Bool, authorizeOffline: Bool, allowUnknown: Bool, tag: String,
        expected: LocalAuthorization
    ) {
        var store = AuthorizationStore()
        let policy = AuthorizationPolicy(
            localPreAuthorize: preAuthorize, localAuthorizeOffline: authorizeOffline,
            allowOfflineTxForUnknownId: allowUnknown)
        #expect(send(&store, .full, version: 1, [entry("good"), entry("bad", .blocked)]) == .accepted)
        store.cacheUpdate(idTag: "cached", info: Self.accepted, now: Self.t0, policy: policy)
        #expect(
            store.lookup(idTag: CiString20(truncating: tag), now: Self.t0, online: online, policy: policy) == expected)
    }
}
