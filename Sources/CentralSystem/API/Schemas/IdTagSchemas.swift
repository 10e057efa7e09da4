import PublicAPI

// Id tags v2.0 (reference §4.7).

extension IdTag: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "idTagUid": OpenAPISchema.string.required,
            "idLabel": OpenAPISchema.string.nullable,
            "expireAt": OpenAPISchema.dateTime.nullable,
            "status": OpenAPISchema.string(IdTagStatus.self).required,
            "type": OpenAPISchema.string(IdTagType.self).required,
            "vehicleType": OpenAPISchema.string(VehicleType.self).nullable,
            "paymentMethodId": OpenAPISchema.string.nullable,
            "userId": OpenAPISchema.integer.nullable,
            "externalId": OpenAPISchema.string.nullable,
            "partnerId": OpenAPISchema.integer.nullable,
            "createdAt": OpenAPISchema.dateTime.required,
            "lastUpdatedAt": OpenAPISchema.dateTime.required,
        ])
    }
}
