import Foundation
import GRDB
import OCPP16

extension Store {
    /// Stores a bearer token by its hash (the caller hashes: the store never sees a token);
    /// fails on a duplicate hash.
    public func addAPIToken(hash: String, name: String, now: OCPPTimestamp) async throws -> APITokenRecord {
        try await write { db in
            var token = APITokenRecord(tokenHash: hash, name: name, createdAt: now.date)
            try token.insert(db)
            return token
        }
    }

    /// The token with this hash, marking it used; `nil` for an unknown token (→ 401).
    public func useAPIToken(hash: String, now: OCPPTimestamp) async throws -> APITokenRecord? {
        try await write { db in
            guard var token = try APITokenRecord.filter(APITokenRecord.Columns.tokenHash == hash).fetchOne(db) else {
                return nil
            }
            token.lastUsedAt = now.date
            try token.update(db)
            return token
        }
    }

    /// How many tokens exist (none at first start → the caller creates and prints one).
    public func apiTokenCount() async throws -> Int {
        try await read { db in try APITokenRecord.fetchCount(db) }
    }
}
