import PublicAPI

// The charge point configuration cache v2.0 (reference §4.12) and the [INF] log of the
// firmware, diagnostics and log status reports and security events a charge point sent.

extension ConfigurationItem: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "key": ConfigurationItem.Key.openAPISchema.required,
            "readonly": OpenAPISchema.boolean.required,
            "required": OpenAPISchema.boolean.required,
            "timestamp": OpenAPISchema.dateTime.required,
            "lastUpdatedAt": OpenAPISchema.dateTime.required,
        ])
    }
}

extension ConfigurationItem.Key: OpenAPIComponent {
    static var componentName: String { "ConfigurationKey" }

    static var openAPIProperties: OpenAPISchema {
        .object(["name": OpenAPISchema.string.required, "value": OpenAPISchema.string.nullable])
    }
}

extension ChargePointNotificationLog: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "notification": OpenAPISchema.string(ChargePointNotificationRoutes.kinds).required,
            "status": OpenAPISchema.string.nullable,
            "requestId": OpenAPISchema.integer.nullable,
            "type": OpenAPISchema.string.nullable.described("The security event type."),
            "techInfo": OpenAPISchema.string.nullable,
            "critical": OpenAPISchema.boolean.nullable,
            "timestamp": OpenAPISchema.dateTime.nullable,
            "receivedAt": OpenAPISchema.dateTime.required,
        ])
    }
}
