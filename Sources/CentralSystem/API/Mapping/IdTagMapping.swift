import Foundation
import PublicAPI

extension IdTag {
    /// Id tag v2.0 (reference §4.7).
    init(record: IdTagRecord) {
        self.init(
            id: Int(record.id ?? 0), idTagUid: record.idTag, idLabel: record.label, expireAt: record.expiresAt,
            status: record.status, type: record.type, userId: record.userId.map { Int($0) },
            createdAt: record.createdAt, lastUpdatedAt: record.updatedAt)
    }
}
