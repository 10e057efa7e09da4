// The JSON examples of ../shared/reference/ampeco-public-api.md, copied verbatim where the
// reference prints one, filled in with the reference's field tables where it only names fields.
// swift-format-ignore-file
enum ReferenceExamples {
    // §4.3, verbatim apart from the "…" timestamp.
    static let chargePointStatus = """
        {"data": {"networkStatus": "available", "hardwareStatus": "available",
        "evses": [{"id": 7, "hardwareStatus": "charging"}], "lastUpdatedAt": "2025-10-14T08:30:00+00:00"}}
        """
    // §4.3 with the `null` alternative.
    static let chargePointStatusNull = """
        {"data": {"networkStatus": "never connected", "hardwareStatus": null,
        "evses": [{"id": 7, "hardwareStatus": null}], "lastUpdatedAt": "2024-01-01T12:00:00Z"}}
        """
    // §2.1 / §2.6 error bodies.
    static let unauthenticated = #"{"message": "Unauthenticated."}"#
    static let unauthorized = #"{"message": "This action is unauthorized."}"#
    static let notFound = #"{"message": "No query results for model [ChargePoint] 99"}"#
    static let validation = """
        {"message": "The type field is required.", "errors": {"type": ["The type field is required."],
        "chargingSchedule.chargingRateUnit": ["The selected charging schedule.charging rate unit is invalid."]}}
        """
    static let throttled = #"{"message": "Too Many Attempts."}"#
    // §4.6 consumption stats.
    static let consumptionStats = """
        {"data": [{"energy": 1500, "power": 7000, "timestamp": "2024-01-01T12:00:00Z"},
        {"energy": null, "power": null, "timestamp": "2024-01-01T12:15:00Z"}]}
        """
    // §5 set-charging-profile answer.
    static let setChargingProfileResponse = #"{"data": {"id": 12}}"#
    // §5 get-security-log answer.
    static let securityLogResponse = """
        {"data": {"id": 5, "status": "Accepted", "file_name": "security-log.zip", "logType": "SecurityLog", "chargePointId": 3}}
        """
    // §5 start answers.
    static let startResponse = #"{"success": true, "sessionId": 42, "authorizationId": 9}"#
    static let startFailure = """
        {"success": false, "authorizationId": 9, "message": "A session is already running", "errorCode": "SESSION_EXISTS"}
        """
    static let actionResult = #"{"success": true}"#
    static let reserveResponse = #"{"success": true, "reservationId": 3}"#
    static let diagnosticsResponse = #"{"success": true, "requestId": 77, "fileName": "diag-77.zip"}"#
    static let dataTransferResponse = #"{"status": "UnknownVendorId", "data": "nope"}"#
    static let syncConfigurationResponse = #"{"success": true, "requestId": 4}"#
    static let setSecurityProfileRejected = #"{"success": false, "message": "Cannot lower the security profile"}"#

    // §4.4 EVSE v2.1 with every documented key.
    static let evse = """
        {"data": {"id": 7, "chargePointId": 3, "networkId": "1", "physicalReference": "CS-0001-1", "label": "Left",
        "currentType": "ac", "status": "enabled", "hardwareStatus": "suspendedEVSE",
        "powerOptions": {"maxPower": 22000, "maxVoltage": "400", "maxAmperage": 32, "phases": "three_phase",
        "phaseRotation": "RST", "connectedPhase": "L1_L2"},
        "tariffGroupId": 2, "allowsReservation": true, "bookingEnabled": false, "midMeterCertificationEndYear": 2030,
        "externalId": "ext-7", "roamingOperatorId": null,
        "roaming": {"evseId": "DE*ABC*E1", "tariffIds": ["T1"], "capabilities": ["RESERVABLE"], "physicalReference": "1", "status": "available"},
        "chargingProfile": {"id": 1, "minChargingRate": 6, "schedulePeriods": [{"startPeriod": 0, "limit": 16, "numberPhases": 3}],
        "scheduleStart": "2024-01-01T12:00:00Z", "chargingRateUnit": "A", "stackLevel": 0, "chargingProfileKind": "Absolute",
        "recurrencyKind": "Daily", "chargingCompleteAt": "2024-01-01T14:00:00Z", "purpose": "TxDefaultProfile",
        "validFrom": "2024-01-01T00:00:00Z", "validTo": "2025-01-01T00:00:00Z", "duration": 3600},
        "connectors": [{"id": 11, "type": "type2", "format": "socket", "status": "enabled"}],
        "externalAppData": {"fleet": {"group": "A"}},
        "createdAt": "2024-01-01T12:00:00Z", "lastUpdatedAt": "2025-10-14T08:30:00+00:00"}}
        """
    // §4.4 required keys only; `hardwareStatus` null = never reported.
    static let evseMinimal = """
        {"id": 8, "networkId": "2", "physicalReference": "CS-0001-2", "currentType": "dc", "status": "out of order",
        "hardwareStatus": null, "roamingOperatorId": null, "createdAt": "2024-01-01T12:00:00Z", "lastUpdatedAt": "2024-01-01T12:00:00Z"}
        """
    // §4.1 charge point v2.0.
    static let chargePoint = """
        {"id": 3, "name": "Depot 1", "type": "public", "status": "enabled", "locationId": 4, "chargingZoneId": 1,
        "electricityRateId": 2, "utilityId": 5, "modelId": 6, "noticeId": 7, "pin": "1234",
        "network": {"id": "CS-0001", "protocol": "ocpp 1.6", "password": "s3cret", "ip": "10.0.0.2", "port": 8080},
        "networkType": "ethernet", "communicationMode": "direct_ocpp", "managedByOperator": true,
        "ocppConnectedChargePointId": 2, "capabilities": ["remote_start_stop_capable", "meter_values"],
        "autoStartWithoutAuthorization": false, "disableAutoStartEmulation": false,
        "security": {"desiredProfile": 1, "currentProfile": 1, "hardwareEnabledProfile": 2, "desiredProfileStatus": "applied"},
        "enableAutoFaultRecovery": true, "user": {"id": 12, "automaticFirmwareUpdatesEnabled": true},
        "partner": {"id": 1, "contractId": 2, "corporateBillingAsDefault": false, "accessType": "private_view_public_use"},
        "subscription": {"required": false, "planIds": [1, 2]},
        "networkStatus": "temporarily_unavailable", "hardwareStatus": "faulted", "vendorErrorCode": "E42",
        "lastBootNotification": {"model": "AC-22", "vendor": "ChargeSim", "chargeBoxSerialNumber": "CB1",
        "chargePointSerialNumber": "CP1", "firmwareVersion": "1.2.3", "iccid": "8988", "imsi": "2620",
        "meterSerialNumber": "M1", "meterType": "MID", "lastUpdatedAt": "2024-01-01T12:00:00Z"},
        "roamingOperatorId": 9, "tags": ["depot"], "externalId": "ext-3", "sharingCode": "ABC",
        "enabledRandomisedDelay": false, "usesRenewableEnergy": true, "displayTariffAndCosts": true,
        "createdAt": "2024-01-01T12:00:00Z", "firstContactAt": "2024-01-02", "integratedAt": "2024-01-03T00:00:00Z",
        "manufacturedAt": "2023-06-01T00:00:00Z", "lastUpdatedAt": "2024-01-04T00:00:00Z"}
        """
    // §4.2 charge point v1.0 with embedded EVSEs.
    static let chargePointV1 = """
        {"id": 3, "name": "Depot 1", "networkId": "CS-0001", "networkProtocol": "ocpp 1.6", "networkPassword": "s3cret",
        "accessType": "public", "status": "active", "plugAndCharge": false, "desiredSecurityProfile": 1,
        "currentSecurityProfile": 1, "capabilities": ["REMOTE_START_STOP_CAPABLE"], "networkStatus": "long-term unavailable",
        "hardwareStatus": null,
        "evses": [{"id": 7, "networkId": "1", "physicalReference": "CS-0001-1", "currentType": "ac", "maxPower": 22,
        "status": "active", "hardwareStatus": "available", "tariffGroupId": 2,
        "connectors": [{"id": 11, "type": "catarc", "format": "cable", "status": "active"}]}],
        "lastUpdatedAt": "2024-01-01T12:00:00Z"}
        """
    // §4.6 session (finished, with authorization and price breakdown).
    static let session = """
        {"data": {"id": "42", "status": "finished", "userId": null, "authorizationId": 9, "energy": 7500,
        "energyConsumption": {"total": 7500, "grid": 7500, "local": 0}, "chargePointId": 3, "evseId": 7, "connectorId": 1,
        "reason": "evdisconnected", "idTag": "*000042", "idTagLabel": "Remote", "startedAt": "2024-01-01T12:00:00Z",
        "stoppedAt": "2024-01-01T13:00:00Z", "power": {"latest": 0, "peak": 11000, "average": 7500}, "socPercent": 80,
        "amount": 6.6, "totalAmount": {"withTax": 6.6, "withoutTax": 5.5}, "currency": "EUR",
        "tax": {"taxId": 1, "taxPercentage": 20}, "paymentType": "balance", "paymentMethodId": "balance",
        "paymentStatus": "paid", "billingStatus": "completed",
        "priceBreakdown": [{"type": "energy", "unit": "kwh", "quantity": 7.5, "pricePerUnit": {"withTax": 0.36, "withoutTax": 0.3},
        "price": {"withTax": 2.7, "withoutTax": 2.25}, "currency": "EUR", "taxPercentage": 20, "unitPrice": 0.36, "totalPrice": 2.7}],
        "authorization": {"id": 9, "method": "rfid_tag", "source": "local", "createdAt": "2024-01-01T11:59:59Z",
        "status": "accepted", "userId": 12, "rfidTagUid": "04A1B2C3"},
        "bookingId": 1, "terminalId": 2, "nonBillableEnergy": 0, "tariffSnapshotId": 5, "electricityCost": 1.2,
        "evsePhysicalReference": "CS-0001-1", "paymentStatusUpdatedAt": "2024-01-01T13:00:05Z",
        "lastUpdatedAt": "2024-01-01T13:00:05Z"}}
        """
    // §4.6 an active session straight after start: nullable power members and billing status.
    static let sessionActive = """
        {"id": "43", "status": "active", "userId": 12, "authorizationId": null, "energy": 0,
        "energyConsumption": {"total": 0, "grid": 0}, "chargePointId": 3, "evseId": 7, "startedAt": "2024-01-01T12:00:00Z",
        "power": {"latest": null, "peak": null, "average": null}, "billingStatus": null}
        """
    // §4.7 id tag.
    static let idTag = """
        {"data": {"id": 1, "idTagUid": "04A1B2C3", "idLabel": "Fleet 1", "expireAt": "2027-01-01T00:00:00Z",
        "status": "enabled", "type": "rfid", "vehicleType": "company_car", "paymentMethodId": "corporate:12",
        "userId": 12, "externalId": "ext-1", "partnerId": 2, "createdAt": "2024-01-01T12:00:00Z",
        "lastUpdatedAt": "2024-01-01T12:00:00Z"}}
        """
    static let idTagCreate = #"{"idTagUid": "04A1B2C3", "status": "enabled", "type": "rfid"}"#
    // §4.8 authorization v2.1.
    static let authorization = """
        {"data": {"id": 9, "method": "id_tag", "source": "local", "createdAt": "2024-01-01T11:59:59Z",
        "status": "rejected", "rejectionReason": "Blocked", "userId": 0, "idTagUid": null, "chargePointId": 3,
        "evseId": 7, "sessionIds": [], "lastUpdatedAt": "2024-01-01T11:59:59Z"}}
        """
    // §4.9 location v2.0 (minimal).
    static let location = """
        {"data": {"id": 4, "externalId": "L4", "name": [{"locale": "en", "translation": "Depot"}],
        "description": [{"locale": "en", "translation": "Back yard"}], "address": [{"locale": "en", "translation": "1 Main St"}],
        "geoposition": {"latitude": 42.69, "longitude": 23.32}, "city": [{"locale": "en", "translation": "Sofia"}],
        "country": "BG", "postCode": "1000", "timezone": "Europe/Sofia", "workingHours": {"isAlwaysOpen": true},
        "parkingType": "along_motorway", "tags": ["depot"], "lastUpdatedAt": "2024-01-01T12:00:00Z"}}
        """
    // §4.10 reservation.
    static let reservation = """
        {"data": {"id": 3, "chargePointId": 3, "evseId": 7, "userId": 12, "status": "canceled",
        "reservedAt": "2024-01-01T12:00:00Z", "duration": 30, "canceledAt": "2024-01-01T12:10:00Z",
        "lastUpdatedAt": "2024-01-01T12:10:00Z"}}
        """
    // §4.13 subscription.
    static let notification = """
        {"data": {"id": 2, "via": "webhook", "notifications": ["HardwareStatusNotification", "session.start.stop.notification",
        "SessionUpdateNotification"], "webhook": {"callbackUrl": "https://example.test/hooks"}}}
        """
    static let notificationKafka = """
        {"via": "kafka", "notifications": ["evse.changed"], "kafka": {"topic": "cs", "brokers": ["b1:9092"],
        "compressionCodec": "gzip", "securityProtocol": "SASL_SSL", "saslMechanism": "PLAIN", "saslUsername": "u",
        "saslPassword": "p"}}
        """
    // §4.14 tariff and snapshot.
    static let tariff = """
        {"data": {"id": 1, "name": "Standard", "type": "duration+energy", "currency": "EUR",
        "pricing": {"pricePerKwh": 0.3, "pricePeriodInMinutes": 15, "pricePerPeriod": 0.5, "connectionFee": 1,
        "minPrice": 2, "idleFeePerMinute": 0.1, "idleFeeGracePeriodMinutes": 10},
        "stopSession": {"timeLimitMinutes": 240, "stopWhenEnergyExceedsKwh": 60},
        "restrictions": {"validFrom": "2024-01-01"}, "partner": {"id": 2}, "externalId": "T1",
        "lastUpdatedAt": "2024-01-01T12:00:00Z"}}
        """
    static let tariffSnapshot = """
        {"data": {"id": 5, "tariffId": 1, "name": "Standard", "type": "duration+energy", "currency": "EUR",
        "pricing": {"pricePerKwh": 0.3, "pricePeriodInMinutes": 15, "pricePerPeriod": 0.5, "connectionFee": 1},
        "lastUpdatedAt": "2024-01-01T12:00:00Z"}}
        """
    // §4.14 transaction (the read path's unwrapped form).
    static let transaction = """
        {"id": 8, "number": null, "date": "2024-01-01T13:00:05Z", "userId": 12, "userEmail": "a@example.test",
        "sessionId": 42, "purchaseResourceType": "session", "purchaseResourceId": 42, "totalAmount": 6.6,
        "currency": "EUR", "status": "finalized", "ref": "session-42", "paymentMethodId": "corporate:12",
        "cardDetails": {"type": "visa", "last4": "4242", "expMonth": 12, "expYear": 2030},
        "billingType": "internal", "invoiceId": 1, "finalizedAt": "2024-01-01T13:00:05Z",
        "lastUpdatedAt": "2024-01-01T13:00:05Z"}
        """
    static let transactionCreate = """
        {"totalAmount": 6.6, "status": "finalized", "sessionId": 42, "ref": "x",
        "paymentMethod": {"methodType": "wallet", "walletType": "applepay"}}
        """
    // §4.14 invoice; `post_code` is snake_case.
    static let invoice = """
        {"data": {"id": 1, "type": "invoice", "number": "INV-000042", "date": "2024-01-01T13:00:05Z", "userId": -1,
        "periodFrom": "2024-01-01T12:00:00Z", "periodTo": "2024-01-01T13:00:00Z", "totalEnergy": 7.5,
        "totalAmount": 6.6, "taxRate": 20, "taxAmount": 1.1, "service": "Charging session 42", "quantity": 1,
        "unitPrice": 5.5, "subtotal": 5.5, "downloadUrl": "https://example.test/i/1.pdf",
        "client": {"type": "company", "name": "ACME", "country": "BG", "email": "", "id": "123", "taxId": "BG123",
        "city": "Sofia", "post_code": "1000", "address": "1 Main St"}, "lastUpdatedAt": "2024-01-01T13:00:05Z"}}
        """

    // §2.3 list envelopes.
    static let pageModeSessions = """
        {"data": [\(sessionActive)],
        "links": {"first": "https://t.example/public-api/resources/sessions/v1.0?page=1",
        "last": "https://t.example/public-api/resources/sessions/v1.0?page=3", "prev": null,
        "next": "https://t.example/public-api/resources/sessions/v1.0?page=2"},
        "meta": {"current_page": 1, "from": 1, "last_page": 3,
        "links": [{"url": null, "label": "&laquo; Previous", "active": false},
        {"url": "https://t.example/public-api/resources/sessions/v1.0?page=1", "label": "1", "active": true}],
        "path": "https://t.example/public-api/resources/sessions/v1.0", "per_page": 1, "to": 1, "total": 3}}
        """
    static let pageModeEmpty = """
        {"data": [], "links": {"first": "https://t.example/r?page=1", "last": "https://t.example/r?page=1", "prev": null, "next": null},
        "meta": {"current_page": 1, "from": null, "last_page": 1, "links": [], "path": "https://t.example/r", "per_page": 100,
        "to": null, "total": 0}}
        """
    static let cursorModeEVSEs = """
        {"data": [\(evseMinimal)],
        "links": {"first": null, "last": null, "prev": null,
        "next": "https://t.example/public-api/resources/evses/v2.1?cursor=eyJpZCI6OH0"},
        "meta": {"path": "https://t.example/public-api/resources/evses/v2.1", "per_page": 1,
        "next_cursor": "eyJpZCI6OH0", "prev_cursor": null}}
        """

    // §5 action bodies.
    static let startRequest = """
        {"userId": 12, "paymentMethodId": "balance", "idTag": "04A1B2C3", "connectorId": 1, "bookingId": 3,
        "externalSessionId": "x", "chargingProfile": {"stackLevel": 0, "chargingProfilePurpose": "TxProfile",
        "chargingProfileKind": "Relative", "chargingSchedule": {"chargingRateUnit": "W",
        "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 7400}]}}}
        """
    static let stopRequest = #"{"force": true}"#
    static let changeAvailability = #"{"type": "Inoperative", "evseNetworkId": 1}"#
    static let setChargingProfile = """
        {"stackLevel": 1, "chargingProfilePurpose": "TxDefaultProfile", "chargingProfileKind": "Recurring",
        "recurrencyKind": "Daily", "transactionId": 5, "validFrom": "2024-01-01T00:00:00Z", "validTo": "2024-12-31T23:59:59Z",
        "chargingSchedule": {"id": 1, "duration": 86400, "startSchedule": "2024-01-01T00:00:00Z", "chargingRateUnit": "A",
        "chargingSchedulePeriod": [{"startPeriod": 0, "limit": 16, "numberPhases": 3}, {"startPeriod": 3600, "limit": 8.5}],
        "minChargingRate": 6}}
        """
    static let clearChargingProfile = #"{"id": 1, "evseNetworkId": "1", "chargingProfilePurpose": "TxDefaultProfile", "stackLevel": 0}"#
    static let triggerMessage = #"{"type": "StatusNotification"}"#
    static let reserve = #"{"userId": 12, "reason": "Activated via API"}"#
    static let cancelReservation = #"{"force": false, "reason": "changed plans"}"#
    static let getDiagnostics = """
        {"location": "ftp://diag.example.test/upload", "start": "2024-01-01T00:00:00Z", "stop": "2024-01-02T00:00:00Z"}
        """
    static let getSecurityLog = """
        {"url": "https://logs.example.test", "reason": "audit", "retries": 3, "interval": 60,
        "startTime": "2022-11-12 12:00:00", "stopTime": "2022-11-13 12:00:00"}
        """
    static let sendDataTransfer = #"{"vendorId": "ChargeSim", "messageId": "ping", "data": "{\"a\":1}"}"#
    static let syncConfiguration = #"{"keys": ["HeartbeatInterval", "MeterValueSampleInterval"]}"#
    static let changeOwner = #"{"userId": null}"#
    static let disconnect = #"{"reason": "maintenance"}"#
    static let setConfiguration = #"{"name": "HeartbeatInterval", "value": "300"}"#
    static let updateFirmware = """
        {"signed": true, "url": "https://fw.example.test/1.3.bin", "retrieveAfter": "2024-01-01T00:00:00Z", "retries": 2,
        "interval": 30, "signingCertificate": "-----BEGIN CERTIFICATE-----", "signature": "c2ln", "downloadUrlProtocol": "https"}
        """
    static let installCertificate = #"{"certificateType": "CSMSRootCertificate"}"#
    static let syncCertificates = #"{"certificateType": null}"#
    static let setSecurityProfile = #"{"setSecurityProfile": 2, "reason": "TLS rollout"}"#
}
