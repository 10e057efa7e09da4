import OCPP16

/// The local authorization list (OCPP 1.6 §3.5.3, §5.15) and the authorization cache (§3.5.2),
/// as far as the charge point machine needs them; the `AuthorizationStore` of branch
/// `sim-components` replaces it.
struct LocalAuthorization: Sendable, Equatable {
    private(set) var listVersion = 0
    private(set) var list: [String: IdTagInfo] = [:]
    private(set) var cache: [String: IdTagInfo] = [:]

    /// What the list (if `listEnabled`) or else the cache (if `cacheEnabled`) says of `idTag`;
    /// an entry past its expiry date reads as `Expired`.
    func lookup(_ idTag: String, listEnabled: Bool, cacheEnabled: Bool, now: OCPPTimestamp) -> IdTagInfo? {
        var info: IdTagInfo?
        if listEnabled { info = list[idTag] }
        if info == nil, cacheEnabled { info = cache[idTag] }
        guard var found = info else { return nil }
        if let expiry = found.expiryDate, expiry <= now, found.status == .accepted { found.status = .expired }
        return found
    }

    /// Records what the central system said of a tag (Authorize, StartTransaction answers).
    mutating func remember(_ idTag: String, _ info: IdTagInfo, cacheEnabled: Bool) {
        guard cacheEnabled else { return }
        cache[idTag] = info
    }

    mutating func clearCache() {
        cache = [:]
    }

    /// SendLocalList: a full list replaces, a differential one updates (an entry without
    /// idTagInfo is removed); a differential update must carry a newer version.
    mutating func apply(_ request: SendLocalListRequest) -> UpdateStatus {
        switch request.updateType {
        case .full:
            var fresh: [String: IdTagInfo] = [:]
            for entry in request.localAuthorizationList ?? [] {
                if let info = entry.idTagInfo { fresh[entry.idTag.value] = info }
            }
            list = fresh
        case .differential:
            guard request.listVersion > listVersion else { return .versionMismatch }
            for entry in request.localAuthorizationList ?? [] {
                list[entry.idTag.value] = entry.idTagInfo
            }
        }
        listVersion = request.listVersion
        return .accepted
    }
}
