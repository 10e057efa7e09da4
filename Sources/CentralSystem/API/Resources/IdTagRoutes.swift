import Foundation
import Hummingbird
import PublicAPI

/// Id tags v2.0 (reference §4.7): list (page or cursor), create, read, update, delete.
enum IdTagRoutes {
    static let base = "/public-api/resources/id-tags/v2.0"

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        return [
            APIRoute(
                .get, base, "listIdTags", "List id tags", tag: "Id tags", success: 200, failures: [422],
                query: APIPagination.pageOrCursor.queryParameters + ["filter[idTagUid]", "filter[status]"],
                queryEnums: ["filter[status]": IdTagStatus.knownCases.map(\.rawValue)],
                response: .list(IdTag.openAPISchema, pagination: .pageOrCursor)
            ) { call in
                var status: IdTagStatus?
                if let text = call.filter("status") {
                    status = IdTagStatus(rawValue: text)
                    guard status?.isKnown == true else {
                        throw APIFailure.invalid("filter.status", "The selected status is invalid.")
                    }
                }
                let page = try await store.listIdTags(
                    IdTagFilter(idTagUid: call.textFilter("idTagUid"), status: status),
                    page: try APIPagination.pageOrCursor.request(call))
                return try APIResponse.json(
                    APIPagination.envelope(page, items: page.items.map(IdTag.init(record:)), call: call))
            },
            APIRoute(
                .post, base, "createIdTag", "Create an id tag", tag: "Id tags", success: 201, failures: [409, 422],
                bodySchema: createSchema, response: .data(IdTag.openAPISchema)
            ) { call in
                let body = try call.decode(IdTagWrite.self)
                guard let uid = body.idTagUid, !uid.isEmpty else {
                    throw APIFailure.invalid("idTagUid", "The id tag uid field is required.")
                }
                guard uid.unicodeScalars.count <= 20 else {
                    throw APIFailure.invalid("idTagUid", "The id tag uid may not be greater than 20 characters.")
                }
                guard let status = body.status else {
                    throw APIFailure.invalid("status", "The status field is required.")
                }
                guard let type = body.type else { throw APIFailure.invalid("type", "The type field is required.") }
                try validate(status: status, type: type, userId: body.userId)
                if try await store.listIdTags(IdTagFilter(idTagUid: uid), page: .page(number: 1, perPage: 1)).items
                    .isEmpty == false
                {
                    throw APIFailure.taken("idTagUid")
                }
                let now = deps.now().date
                let record = try await store.insert(
                    IdTagRecord(
                        idTag: uid, label: body.idLabel, status: status, type: type, expiresAt: body.expireAt,
                        userId: body.userId.map { Int64($0) }, createdAt: now, updatedAt: now))
                deps.notify(.changed(.idTagChanged, "idTagsId", record.id, "created", deps.now()))
                return try APIResponse.data(IdTag(record: record), status: .created)
            },
            APIRoute(
                .get, "\(base)/{idTag}", "readIdTag", "Read an id tag", tag: "Id tags", success: 200, failures: [404],
                response: .data(IdTag.openAPISchema)
            ) { call in
                try APIResponse.data(IdTag(record: try await find(call, store)))
            },
            APIRoute(
                .patch, "\(base)/{idTag}", "updateIdTag", "Update an id tag", tag: "Id tags", success: 200,
                failures: [404, 422], hasBody: true, response: .data(IdTag.openAPISchema)
            ) { call in
                var record = try await find(call, store)
                let body = try call.decode(IdTagWrite.self)
                try validate(status: body.status, type: body.type, userId: body.userId)
                if let uid = body.idTagUid, uid != record.idTag {
                    throw APIFailure.invalid("idTagUid", "The id tag uid cannot be changed.")
                }
                if let label = body.idLabel { record.label = label }
                if let status = body.status { record.status = status }
                if let type = body.type { record.type = type }
                if let expireAt = body.expireAt { record.expiresAt = expireAt }
                if let userId = body.userId { record.userId = Int64(userId) }
                record.updatedAt = deps.now().date
                try await store.update(record)
                deps.notify(.changed(.idTagChanged, "idTagsId", record.id, "updated", deps.now()))
                return try APIResponse.data(IdTag(record: record))
            },
            APIRoute(
                .delete, "\(base)/{idTag}", "deleteIdTag", "Delete an id tag", tag: "Id tags", success: 204,
                failures: [404], response: nil
            ) { call in
                let id = try call.id("idTag", model: "IdTag")
                guard try await store.deleteIdTag(id: id) else { throw APIFailure.notFound("IdTag") }
                deps.notify(.changed(.idTagChanged, "idTagsId", id, "deleted", deps.now()))
                return APIResponse.empty(.noContent)
            },
        ]
    }

    /// Create requires idTagUid (an OCPP IdToken, ≤ 20 characters), status and type (reference §4.7).
    static let createSchema = #"""
        {"type":"object","required":["idTagUid","status","type"],"properties":{
         "idTagUid":{"type":"string","minLength":1,"maxLength":20},
         "idLabel":{"type":"string","nullable":true},
         "status":{"type":"string","enum":["enabled","disabled","suspended"]},
         "type":{"type":"string","enum":["rfid","mac_address"]},
         "expireAt":{"type":"string","format":"date-time","nullable":true},
         "userId":{"type":"integer","minimum":1,"maximum":2147483647,"nullable":true}}}
        """#

    static func find(_ call: APICall, _ store: Store) async throws -> IdTagRecord {
        guard let record = try await store.idTag(id: try call.id("idTag", model: "IdTag")) else {
            throw APIFailure.notFound("IdTag")
        }
        return record
    }

    static func validate(status: IdTagStatus?, type: IdTagType?, userId: Int?) throws(APIFailure) {
        if let status, !status.isKnown { throw .invalid("status", "The selected status is invalid.") }
        if let type, !type.isKnown { throw .invalid("type", "The selected type is invalid.") }
        if let userId, !(1...Int(Int32.max)).contains(userId) {
            throw .invalid("userId", "The selected userId is invalid.")
        }
    }
}
