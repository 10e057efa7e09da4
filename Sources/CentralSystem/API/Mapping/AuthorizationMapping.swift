import Foundation
import PublicAPI

extension Authorization {
    /// Authorization v2.1 (reference §4.8); `userId` 0 = anonymous (the embedded back end has no users).
    init(record: AuthorizationRecord, sessionIds: [Int64], evseId: Int64?) {
        self.init(
            id: Int(record.id ?? 0), method: record.method, source: .local, createdAt: record.createdAt,
            status: record.status, rejectionReason: record.rejectionReason, userId: 0, idTagUid: record.idTag,
            chargePointId: record.chargePointId.map { Int($0) }, evseId: evseId.map { Int($0) },
            sessionIds: sessionIds.map { Int($0) }, lastUpdatedAt: record.updatedAt)
    }
}

extension SessionAuthorization {
    /// The `authorization` object of a session read with `withAuthorization=true`.
    init(record: AuthorizationRecord) {
        self.init(
            id: Int(record.id ?? 0), method: record.method, source: .local, createdAt: record.createdAt,
            status: record.status, rejectionReason: record.rejectionReason, userId: nil, rfidTagUid: record.idTag)
    }
}
