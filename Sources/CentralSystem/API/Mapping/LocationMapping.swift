import Foundation
import PublicAPI

extension Location {
    /// Location v2.0 (reference §4.9, minimal) from its stored body.
    init(record: LocationRecord) {
        let body =
            (try? PublicAPIJSON.makeDecoder().decode(LocationWrite.self, from: Data(record.document.utf8)))
            ?? LocationWrite()
        self.init(
            id: Int(record.id ?? 0), externalId: body.externalId, name: body.name, description: body.description,
            address: body.address, geoposition: body.geoposition, city: body.city, country: body.country,
            postCode: body.postCode, timezone: body.timezone, workingHours: body.workingHours, tags: body.tags,
            lastUpdatedAt: record.updatedAt)
    }
}

extension LocationWrite {
    /// `self` with every field `patch` sets replaced (PATCH semantics; `tags` replaces the list).
    func merged(with patch: LocationWrite) -> LocationWrite {
        LocationWrite(
            externalId: patch.externalId ?? externalId, name: patch.name ?? name,
            description: patch.description ?? description, address: patch.address ?? address,
            geoposition: patch.geoposition ?? geoposition, city: patch.city ?? city, country: patch.country ?? country,
            postCode: patch.postCode ?? postCode, timezone: patch.timezone ?? timezone,
            workingHours: patch.workingHours ?? workingHours, tags: patch.tags ?? tags)
    }
}
