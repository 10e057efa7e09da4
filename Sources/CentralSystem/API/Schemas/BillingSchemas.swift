import PublicAPI

// Tariffs v1.0, tariff snapshots, transactions v1.0 and invoices v1.0 (reference §4.14).

extension Tariff: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "name": OpenAPISchema.string.required,
            "type": OpenAPISchema.string(TariffType.self).required,
            "currency": OpenAPISchema.string.required.described("ISO 4217, read-only."),
            "pricing": TariffPricing.openAPISchema.required,
            "stopSession": TariffStopSession.openAPISchema.nullable,
            "restrictions": OpenAPISchema.anyValue,
            "partner": TariffPartner.openAPISchema.nullable,
            "display": OpenAPISchema.anyValue,
            "externalId": OpenAPISchema.string.nullable,
            "lastUpdatedAt": OpenAPISchema.dateTime.required,
        ])
    }
}

extension TariffSnapshot: OpenAPIComponent {
    /// The tariff object as frozen at the session's start, plus its source `tariffId`.
    static var openAPIProperties: OpenAPISchema {
        Tariff.openAPIProperties.adding(["tariffId": OpenAPISchema.integer.required])
    }
}

extension TariffPricing: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "pricePerKwh": OpenAPISchema.number.nullable,
            "pricePeriodInMinutes": OpenAPISchema.integer.nullable,
            "pricePerPeriod": OpenAPISchema.number.nullable,
            "connectionFee": OpenAPISchema.number.nullable,
            "durationFeeGracePeriod": OpenAPISchema.integer.nullable,
            "durationFeeLimit": OpenAPISchema.number.nullable,
            "idleFeePerMinute": OpenAPISchema.number.nullable,
            "idleFeeGracePeriodMinutes": OpenAPISchema.integer.nullable,
            "minPrice": OpenAPISchema.number.nullable,
            "preAuthorizeAmount": OpenAPISchema.number.nullable,
            "pricePerSession": OpenAPISchema.number.nullable,
            "multiPricePerKwh": OpenAPISchema.array(.anyValue),
            "multiPricePerDuration": OpenAPISchema.array(.anyValue),
        ])
    }
}

extension TariffStopSession: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "timeLimitMinutes": OpenAPISchema.integer.nullable,
            "stopWhenEnergyExceedsKwh": OpenAPISchema.number.nullable,
        ])
    }
}

extension TariffPartner: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["id": OpenAPISchema.integer.nullable])
    }
}

extension Transaction: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "number": OpenAPISchema.string.nullable.required,
            "date": OpenAPISchema.dateTime.required,
            "userId": OpenAPISchema.integer.nullable.required,
            "userEmail": OpenAPISchema.string.nullable,
            "sessionId": OpenAPISchema.integer.nullable.required,
            "purchaseResourceType": OpenAPISchema.string(PurchaseResourceType.self).required,
            "purchaseResourceId": OpenAPISchema.integer.nullable,
            "totalAmount": OpenAPISchema.number.required,
            "currency": OpenAPISchema.string.required,
            "status": OpenAPISchema.string(TransactionStatus.self).required,
            "ref": OpenAPISchema.string.nullable.required,
            "bankMessage": OpenAPISchema.string.nullable,
            "failureReason": OpenAPISchema.string.nullable,
            "paymentMethodId": OpenAPISchema.string.nullable,
            "voucherId": OpenAPISchema.integer.nullable,
            "cardDetails": CardDetails.openAPISchema.nullable,
            "billingType": OpenAPISchema.string(TransactionBillingType.self).required,
            "invoiceId": OpenAPISchema.integer.nullable,
            "receiptId": OpenAPISchema.integer.nullable,
            "terminalId": OpenAPISchema.integer.nullable,
            "finalizedAt": OpenAPISchema.dateTime.nullable,
            "lastUpdatedAt": OpenAPISchema.dateTime.required,
            "paymentMethod": OpenAPISchema.string.nullable,
            "invoiceNo": OpenAPISchema.string.nullable,
        ])
    }
}

extension CardDetails: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "type": OpenAPISchema.string.nullable, "last4": OpenAPISchema.string.nullable,
            "expMonth": OpenAPISchema.integer.nullable, "expYear": OpenAPISchema.integer.nullable,
            "token": OpenAPISchema.string.nullable, "tokenizationMethod": OpenAPISchema.string.nullable,
        ])
    }
}

extension Invoice: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "type": OpenAPISchema.string(InvoiceType.self).required,
            "number": OpenAPISchema.string.required,
            "date": OpenAPISchema.dateTime.required,
            "userId": OpenAPISchema.integer.required.described("-1 = no user in particular."),
            "periodFrom": OpenAPISchema.dateTime.nullable,
            "periodTo": OpenAPISchema.dateTime.nullable,
            "totalEnergy": OpenAPISchema.number.nullable,
            "totalAmount": OpenAPISchema.number.required,
            "taxRate": OpenAPISchema.integer.required,
            "taxAmount": OpenAPISchema.number.required,
            "service": OpenAPISchema.string.required,
            "quantity": OpenAPISchema.number.required,
            "unitPrice": OpenAPISchema.number.required,
            "subtotal": OpenAPISchema.number.required,
            "downloadUrl": OpenAPISchema.string.nullable,
            "client": InvoiceClient.openAPISchema.nullable,
            "lastUpdatedAt": OpenAPISchema.dateTime.required,
        ])
    }
}

extension InvoiceClient: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "type": OpenAPISchema.string(InvoiceClientType.self).required,
            "name": OpenAPISchema.string.required, "country": OpenAPISchema.string.required,
            "email": OpenAPISchema.string, "id": OpenAPISchema.string.nullable,
            "taxId": OpenAPISchema.string.nullable, "taxAdministrationOfficeName": OpenAPISchema.string.nullable,
            "state": OpenAPISchema.string.nullable, "region": OpenAPISchema.string.nullable,
            "city": OpenAPISchema.string.nullable, "post_code": OpenAPISchema.string.nullable,
            "address": OpenAPISchema.string.nullable,
        ])
    }
}
