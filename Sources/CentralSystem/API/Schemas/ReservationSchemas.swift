import PublicAPI

// Reservations v1.0 (reference §4.10).

extension Reservation: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "chargePointId": OpenAPISchema.integer.required,
            "evseId": OpenAPISchema.integer.required,
            "userId": OpenAPISchema.integer.required,
            "status": OpenAPISchema.string(ReservationState.self).required,
            "reservedAt": OpenAPISchema.dateTime.required,
            "duration": OpenAPISchema.integer.required.described("Minutes."),
            "canceledAt": OpenAPISchema.dateTime.nullable,
            "lastUpdatedAt": OpenAPISchema.dateTime.required,
        ])
    }
}
