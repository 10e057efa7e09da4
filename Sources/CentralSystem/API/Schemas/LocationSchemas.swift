import PublicAPI

// Locations v2.0, minimal (reference §4.9).

extension Location: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        let translations = OpenAPISchema.array(Translation.openAPISchema)
        return .object([
            "id": OpenAPISchema.integer.required,
            "externalId": OpenAPISchema.string.nullable,
            "name": translations, "description": translations, "address": translations, "city": translations,
            "geoposition": Geoposition.openAPISchema.nullable,
            "region": OpenAPISchema.string.nullable, "state": OpenAPISchema.string.nullable,
            "country": OpenAPISchema.string.nullable.described("ISO 3166-1 alpha-2."),
            "postCode": OpenAPISchema.string.nullable,
            "timezone": OpenAPISchema.string.nullable,
            "workingHours": WorkingHours.openAPISchema.nullable,
            "parkingType": OpenAPISchema.string.nullable,
            "tags": OpenAPISchema.array(.string),
            "lastUpdatedAt": OpenAPISchema.dateTime.required,
        ])
    }
}

extension Translation: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["locale": OpenAPISchema.string.required, "translation": OpenAPISchema.string.required])
    }
}

extension Geoposition: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["latitude": OpenAPISchema.number.required, "longitude": OpenAPISchema.number.required])
    }
}

extension WorkingHours: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["isAlwaysOpen": OpenAPISchema.boolean])
    }
}
