import PublicAPI

// Notifications (webhooks) v2.0 (reference §4.13) and the [INF] delivery log of a subscription.

extension NotificationSubscription: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "via": OpenAPISchema.string(NotificationChannel.self).required,
            "notifications": OpenAPISchema.array(.string(NotificationEvent.self)).required,
            "webhook": WebhookTarget.openAPISchema.described("When via is webhook."),
            "kafka": KafkaTarget.openAPISchema.described("When via is kafka; saslPassword is write-only."),
        ])
    }
}

extension WebhookTarget: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["callbackUrl": OpenAPISchema.string.required])
    }
}

extension KafkaTarget: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "topic": OpenAPISchema.string, "brokers": OpenAPISchema.array(.string),
            "compressionCodec": OpenAPISchema.string(KafkaCompressionCodec.self).nullable,
            "securityProtocol": OpenAPISchema.string(KafkaSecurityProtocol.self).nullable,
            "saslMechanism": OpenAPISchema.string.nullable, "saslUsername": OpenAPISchema.string.nullable,
            "saslPassword": OpenAPISchema.string.nullable.described("Write-only: never served."),
        ])
    }
}

extension WebhookDeliveryAttempt: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "notification": OpenAPISchema.string(NotificationEvent.self).required,
            "deliveryId": OpenAPISchema.string.nullable,
            "attempt": OpenAPISchema.integer.required,
            "responseStatus": OpenAPISchema.integer.nullable,
            "error": OpenAPISchema.string.nullable,
            "attemptedAt": OpenAPISchema.dateTime.required,
            "nextAttemptAt": OpenAPISchema.dateTime.nullable,
            "payload": OpenAPISchema.string.required.described("The JSON body as sent."),
        ])
    }
}
