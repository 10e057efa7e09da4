import Foundation
import Hummingbird
import PublicAPI

/// Locations v2.0, minimal (reference §4.9): cursor list, create, read, update, delete.
enum LocationRoutes {
    static let base = "/public-api/resources/locations/v2.0"

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        return [
            APIRoute(
                .get, base, "listLocations", "List locations", tag: "Locations", success: 200, failures: [422],
                query: APIPagination.cursorOnly.queryParameters,
                response: .list(Location.openAPISchema, pagination: .cursorOnly)
            ) { call in
                let page = try await store.listLocations(page: try APIPagination.cursorOnly.request(call))
                return try APIResponse.json(
                    APIPagination.envelope(page, items: page.items.map(Location.init(record:)), call: call))
            },
            APIRoute(
                .post, base, "createLocation", "Create a location", tag: "Locations", success: 201, failures: [422],
                hasBody: true, response: .data(Location.openAPISchema)
            ) { call in
                let body = try validated(try call.decode(LocationWrite.self, emptyAs: LocationWrite()))
                let now = deps.now().date
                let record = try await store.insert(
                    LocationRecord(document: try encode(body), createdAt: now, updatedAt: now))
                return try APIResponse.data(Location(record: record), status: .created)
            },
            APIRoute(
                .get, "\(base)/{location}", "readLocation", "Read a location", tag: "Locations", success: 200,
                failures: [404], response: .data(Location.openAPISchema)
            ) { call in
                try APIResponse.data(Location(record: try await find(call, store)))
            },
            APIRoute(
                .patch, "\(base)/{location}", "updateLocation", "Update a location", tag: "Locations", success: 200,
                failures: [404, 422], hasBody: true, response: .data(Location.openAPISchema)
            ) { call in
                var record = try await find(call, store)
                let patch = try validated(try call.decode(LocationWrite.self, emptyAs: LocationWrite()))
                let current =
                    (try? PublicAPIJSON.makeDecoder().decode(LocationWrite.self, from: Data(record.document.utf8)))
                    ?? LocationWrite()
                record.document = try encode(current.merged(with: patch))
                record.updatedAt = deps.now().date
                try await store.update(record)
                return try APIResponse.data(Location(record: record))
            },
            APIRoute(
                .delete, "\(base)/{location}", "deleteLocation", "Delete a location", tag: "Locations", success: 204,
                failures: [404], response: nil
            ) { call in
                guard try await store.deleteLocation(id: try call.id("location", model: "Location")) else {
                    throw APIFailure.notFound("Location")
                }
                return APIResponse.empty(.noContent)
            },
        ]
    }

    static func find(_ call: APICall, _ store: Store) async throws -> LocationRecord {
        guard let record = try await store.location(id: try call.id("location", model: "Location")) else {
            throw APIFailure.notFound("Location")
        }
        return record
    }

    static func validated(_ body: LocationWrite) throws(APIFailure) -> LocationWrite {
        if let country = body.country, country.count != 2 || !country.allSatisfy(\.isLetter) {
            throw .invalid("country", "The country must be an ISO 3166-1 alpha-2 code.")
        }
        if let position = body.geoposition {
            guard (-90...90).contains(position.latitude) else {
                throw .invalid("geoposition.latitude", "The latitude must be between -90 and 90.")
            }
            guard (-180...180).contains(position.longitude) else {
                throw .invalid("geoposition.longitude", "The longitude must be between -180 and 180.")
            }
        }
        return body
    }

    static func encode(_ body: LocationWrite) throws -> String {
        String(decoding: try PublicAPIJSON.makeEncoder().encode(body), as: UTF8.self)
    }
}
