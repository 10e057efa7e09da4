import PublicAPI

// Authorizations v2.1 (reference §4.8).

extension Authorization: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "method": OpenAPISchema.string(AuthorizationMethod.self).required,
            "source": OpenAPISchema.string(AuthorizationSource.self).required,
            "createdAt": OpenAPISchema.dateTime.required,
            "status": OpenAPISchema.string(AuthorizationDecision.self).required,
            "rejectionReason": OpenAPISchema.string.nullable,
            "userId": OpenAPISchema.integer.required.described("0 = anonymous."),
            "idTagUid": OpenAPISchema.string.nullable.required,
            "chargePointId": OpenAPISchema.integer.nullable,
            "evseId": OpenAPISchema.integer.nullable,
            "sessionIds": OpenAPISchema.array(.integer).required,
            "roaming": OpenAPISchema.anyValue,
            "lastUpdatedAt": OpenAPISchema.dateTime.required,
        ])
    }
}
