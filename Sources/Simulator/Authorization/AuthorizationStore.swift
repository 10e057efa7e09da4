import OCPP16

/// A charger's local authorization list (OCPP 1.6 §3.5.1, §5.10, §5.15) and authorization cache
/// (§3.5.2, §5.4), and the local authorization decision that uses both.
///
/// The list has priority over the cache. Ids match case-insensitively (they are `CiString20`).
/// Both stores are bounded: the list by `LocalAuthListMaxLength`, the cache by `cacheCapacity`,
/// evicting invalid entries first, then the least recently updated. Sans-I/O: time comes in as `now`,
/// the configuration as an ``AuthorizationPolicy``. `Codable` so that a charger can persist it.
public struct AuthorizationStore: Sendable, Equatable, Codable {
    /// One remembered id tag.
    public struct Entry: Sendable, Equatable, Codable {
        /// The id as the central system sent it.
        public var idTag: CiString20
        /// Its status, expiry and parent.
        public var info: IdTagInfo
        /// When the entry was last written (cache eviction order).
        public var updatedAt: OCPPTimestamp?

        /// The status that counts at `now`: an Accepted entry past its expiry date reads Expired.
        public func status(at now: OCPPTimestamp) -> AuthorizationStatus {
            if info.status == .accepted, let expiry = info.expiryDate, expiry <= now { return .expired }
            return info.status
        }
    }

    /// The most entries the cache holds.
    public let cacheCapacity: Int
    private var listVersion: Int
    private var list: [String: Entry]
    private var cache: [String: Entry]

    /// An empty list (version 0) and an empty cache of at most `cacheCapacity` entries.
    public init(cacheCapacity: Int = 1000) {
        self.cacheCapacity = max(cacheCapacity, 1)
        listVersion = 0
        list = [:]
        cache = [:]
    }

    private static func normalized(_ idTag: CiString20) -> String { idTag.value.lowercased() }

    // MARK: - Local authorization list

    /// The local list's entries, by id.
    public var localListEntries: [Entry] { list.values.sorted { $0.idTag.value < $1.idTag.value } }

    /// The version GetLocalListVersion.conf reports (§5.10): -1 when the charger does not support
    /// the local list or `LocalAuthListEnabled` is false, 0 when the list is empty, else the version
    /// of the last accepted SendLocalList.
    public func localListVersion(policy: AuthorizationPolicy) -> Int {
        guard policy.usesLocalList else { return -1 }
        return list.isEmpty ? 0 : listVersion
    }

    /// Applies SendLocalList.req (§5.15).
    ///
    /// - NotSupported: no LocalAuthListManagement, or `LocalAuthListEnabled` false.
    /// - Failed: more entries than `SendLocalListMaxLength`, a duplicate id, a Full entry without
    ///   `idTagInfo`, or a result longer than `LocalAuthListMaxLength`; the list is left as it was.
    /// - VersionMismatch: a Differential update whose `listVersion` is not above the current one, or a
    ///   negative version.
    /// - Accepted: Full replaces the list (an absent or empty list empties it); Differential adds or
    ///   updates the entries with `idTagInfo` and removes those without. The version becomes `listVersion`.
    public mutating func apply(_ request: SendLocalListRequest, policy: AuthorizationPolicy) -> SendLocalListResponse {
        guard policy.usesLocalList else { return SendLocalListResponse(status: .notSupported) }
        let items = request.localAuthorizationList ?? []
        guard items.count <= policy.sendLocalListMaxLength else { return SendLocalListResponse(status: .failed) }
        guard Set(items.map { Self.normalized($0.idTag) }).count == items.count else {
            return SendLocalListResponse(status: .failed)
        }
        guard request.listVersion >= 0 else { return SendLocalListResponse(status: .versionMismatch) }
        var updated: [String: Entry]
        switch request.updateType {
        case .full:
            updated = [:]
            for item in items {
                guard let info = item.idTagInfo else { return SendLocalListResponse(status: .failed) }
                updated[Self.normalized(item.idTag)] = Entry(idTag: item.idTag, info: info, updatedAt: nil)
            }
        case .differential:
            guard request.listVersion > listVersion else { return SendLocalListResponse(status: .versionMismatch) }
            updated = list
            for item in items {
                if let info = item.idTagInfo {
                    updated[Self.normalized(item.idTag)] = Entry(idTag: item.idTag, info: info, updatedAt: nil)
                } else {
                    updated[Self.normalized(item.idTag)] = nil
                }
            }
        }
        guard updated.count <= policy.localAuthListMaxLength else { return SendLocalListResponse(status: .failed) }
        list = updated
        listVersion = request.listVersion
        return SendLocalListResponse(status: .accepted)
    }

    // MARK: - Authorization cache

    /// The cache's entries, by id.
    public var cacheEntries: [Entry] { cache.values.sorted { $0.idTag.value < $1.idTag.value } }

    /// Remembers the `IdTagInfo` of an Authorize.conf, StartTransaction.conf or StopTransaction.conf
    /// (§3.5.2) when `AuthorizationCacheEnabled` is true; does nothing otherwise.
    public mutating func cacheUpdate(
        idTag: CiString20, info: IdTagInfo, now: OCPPTimestamp, policy: AuthorizationPolicy
    ) {
        guard policy.authorizationCacheEnabled else { return }
        let key = Self.normalized(idTag)
        if cache[key] == nil, cache.count >= cacheCapacity { evictOne(now: now) }
        cache[key] = Entry(idTag: idTag, info: info, updatedAt: now)
    }

    private mutating func evictOne(now: OCPPTimestamp) {
        // §3.5.2: when the cache is full, invalid entries go first, then the least recently used.
        let ordered = cache.sorted {
            ($0.value.updatedAt ?? now, $0.key) < ($1.value.updatedAt ?? now, $1.key)
        }
        if let invalid = ordered.first(where: { $0.value.status(at: now) != .accepted }) {
            cache[invalid.key] = nil
        } else if let oldest = ordered.first {
            cache[oldest.key] = nil
        }
    }

    /// Answers ClearCache.req (§5.4): empties the cache; the local list is kept.
    public mutating func clearCache() -> ClearCacheResponse {
        cache = [:]
        return ClearCacheResponse(status: .accepted)
    }

    // MARK: - Decision

    /// The entry that speaks for `idTag`: the local list's when the list is in use, else the cache's
    /// when the cache is enabled.
    public func entry(for idTag: CiString20, policy: AuthorizationPolicy) -> Entry? {
        let key = Self.normalized(idTag)
        if policy.usesLocalList, let entry = list[key] { return entry }
        if policy.authorizationCacheEnabled, let entry = cache[key] { return entry }
        return nil
    }

    /// Decides locally about a presented `idTag` (§3.5):
    ///
    /// | online | local entry at `now`  | decision |
    /// |---|---|---|
    /// | yes | Accepted, `LocalPreAuthorize` | accepted (list or cache) |
    /// | yes | anything else | ask the central system |
    /// | no | Accepted, `LocalAuthorizeOffline` | accepted (list or cache) |
    /// | no | not Accepted (incl. expired) | rejected with that status (§3.5.3: never started) |
    /// | no | none, or Accepted without `LocalAuthorizeOffline` | `AllowOfflineTxForUnknownId` ? accepted : rejected Invalid |
    public func lookup(
        idTag: CiString20,
        now: OCPPTimestamp,
        online: Bool,
        policy: AuthorizationPolicy
    ) -> LocalAuthorization {
        let key = Self.normalized(idTag)
        let found: (entry: Entry, source: LocalAuthorization.Source)?
        if policy.usesLocalList, let entry = list[key] {
            found = (entry, .localList)
        } else if policy.authorizationCacheEnabled, let entry = cache[key] {
            found = (entry, .cache)
        } else {
            found = nil
        }
        if online {
            if policy.localPreAuthorize, let found, found.entry.status(at: now) == .accepted {
                return .accepted(parentIdTag: found.entry.info.parentIdTag, source: found.source)
            }
            return .askCentralSystem
        }
        if let found {
            let status = found.entry.status(at: now)
            if status != .accepted { return .rejected(status) }
            if policy.localAuthorizeOffline {
                return .accepted(parentIdTag: found.entry.info.parentIdTag, source: found.source)
            }
        }
        return policy.allowOfflineTxForUnknownId
            ? .accepted(parentIdTag: nil, source: .unknownOffline) : .rejected(.invalid)
    }
}
