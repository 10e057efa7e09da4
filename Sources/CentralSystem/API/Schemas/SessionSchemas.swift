import PublicAPI

// Sessions v1.0 and consumption stats (reference §4.6): `id` is a string, energy in Wh, power in W,
// money as numbers.

extension Session: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.string.required.described("A string here, an integer in action paths (§6.1)."),
            "status": OpenAPISchema.string(SessionStatus.self).required,
            "userId": OpenAPISchema.integer.nullable.required,
            "authorizationId": OpenAPISchema.integer.nullable.required,
            "energy": OpenAPISchema.number.required.described("Wh (deprecated: energyConsumption.total)."),
            "energyConsumption": EnergyConsumption.openAPISchema.required,
            "chargePointId": OpenAPISchema.integer.required,
            "evseId": OpenAPISchema.integer.required,
            "connectorId": OpenAPISchema.integer.nullable,
            "reason": OpenAPISchema.string(SessionReason.self).nullable,
            "idTag": OpenAPISchema.string.required,
            "idTagLabel": OpenAPISchema.string.nullable,
            "startedAt": OpenAPISchema.dateTime.required,
            "stoppedAt": OpenAPISchema.dateTime.nullable,
            "power": SessionPower.openAPISchema.required,
            "socPercent": OpenAPISchema.number.nullable,
            "amount": OpenAPISchema.number.nullable,
            "totalAmount": MoneyAmount.openAPISchema.nullable,
            "currency": OpenAPISchema.string.nullable,
            "tax": SessionTax.openAPISchema.nullable,
            "paymentType": OpenAPISchema.string(PaymentType.self).nullable,
            "paymentMethodId": OpenAPISchema.string.nullable,
            "paymentStatus": OpenAPISchema.string(PaymentStatus.self).nullable,
            "billingStatus": OpenAPISchema.string(BillingStatus.self).nullable.required,
            "chargingPeriods": OpenAPISchema.array(.anyValue),
            "priceBreakdown": OpenAPISchema.array(PriceBreakdownItem.openAPISchema),
            "clockAlignedEnergyConsumption": OpenAPISchema.array(.anyValue),
            "authorization": SessionAuthorization.openAPISchema.described("With withAuthorization=true."),
            "bookingId": OpenAPISchema.integer.nullable,
            "terminalId": OpenAPISchema.integer.nullable,
            "nonBillableEnergy": OpenAPISchema.number.nullable,
            "tariffSnapshotId": OpenAPISchema.integer.nullable,
            "electricityCost": OpenAPISchema.number.nullable,
            "evsePhysicalReference": OpenAPISchema.string.nullable,
            "originalSessionId": OpenAPISchema.integer.nullable,
            "extendedBySessionId": OpenAPISchema.integer.nullable,
            "paymentStatusUpdatedAt": OpenAPISchema.dateTime.nullable,
            "receiptId": OpenAPISchema.integer.nullable,
            "externalSessionId": OpenAPISchema.string.nullable,
            "externalAppData": OpenAPISchema.anyValue,
            "lastUpdatedAt": OpenAPISchema.dateTime.required,
        ])
    }
}

extension EnergyConsumption: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "total": OpenAPISchema.number.required, "grid": OpenAPISchema.number.required,
            "local": OpenAPISchema.number.nullable,
        ])
    }
}

extension SessionPower: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "latest": OpenAPISchema.number.nullable.required, "peak": OpenAPISchema.number.nullable.required,
            "average": OpenAPISchema.number.nullable.required,
        ])
    }
}

extension MoneyAmount: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["withTax": OpenAPISchema.number.required, "withoutTax": OpenAPISchema.number.nullable])
    }
}

extension SessionTax: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["taxId": OpenAPISchema.integer.nullable, "taxPercentage": OpenAPISchema.number.nullable])
    }
}

extension PriceBreakdownItem: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "type": OpenAPISchema.string(PriceComponentType.self).required,
            "unit": OpenAPISchema.string(PriceUnit.self).required,
            "quantity": OpenAPISchema.number.required,
            "pricePerUnit": MoneyAmount.openAPISchema.required,
            "price": MoneyAmount.openAPISchema.required,
            "currency": OpenAPISchema.string.required,
            "taxPercentage": OpenAPISchema.number.nullable,
            "unitPrice": OpenAPISchema.number, "totalPrice": OpenAPISchema.number,
        ])
    }
}

extension SessionAuthorization: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "method": OpenAPISchema.string(AuthorizationMethod.self).required,
            "source": OpenAPISchema.string(AuthorizationSource.self),
            "createdAt": OpenAPISchema.dateTime,
            "status": OpenAPISchema.string(AuthorizationDecision.self),
            "rejectionReason": OpenAPISchema.string.nullable,
            "userId": OpenAPISchema.integer.nullable,
            "rfidTagUid": OpenAPISchema.string.nullable,
            "roaming": OpenAPISchema.anyValue,
        ])
    }
}

extension ConsumptionStat: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "energy": OpenAPISchema.number.nullable.required.described("Wh since the session started."),
            "power": OpenAPISchema.number.nullable.required.described("W."),
            "timestamp": OpenAPISchema.dateTime.required,
        ])
    }
}
