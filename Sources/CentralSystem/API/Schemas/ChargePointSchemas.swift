import PublicAPI

// Charge points v2.0, v1.0 and live status (reference §4.1–4.3, statuses §3.2). Fields the
// embedded back end always writes are `required`; those that depend on `include[]`
// (`lastBootNotification`, `chargingProfile`) stay optional.

extension ChargePoint: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "name": OpenAPISchema.string.required,
            "type": OpenAPISchema.string(ChargePointType.self).required,
            "status": OpenAPISchema.string([AdminStatus.enabled, .disabled, .outOfOrder, .demo]).required,
            "locationId": OpenAPISchema.integer.nullable,
            "chargingZoneId": OpenAPISchema.integer.nullable,
            "electricityRateId": OpenAPISchema.integer.nullable,
            "utilityId": OpenAPISchema.integer.nullable,
            "modelId": OpenAPISchema.integer.nullable,
            "noticeId": OpenAPISchema.integer.nullable,
            "pin": OpenAPISchema.string.nullable,
            "network": ChargePointNetwork.openAPISchema.required,
            "networkType": OpenAPISchema.string(NetworkType.self).nullable,
            "communicationMode": OpenAPISchema.string(CommunicationMode.self).required,
            "managedByOperator": OpenAPISchema.boolean,
            "ocppConnectedChargePointId": OpenAPISchema.integer.nullable,
            "capabilities": OpenAPISchema.array(.string(ChargePointCapability.self)),
            "autoStartWithoutAuthorization": OpenAPISchema.boolean,
            "disableAutoStartEmulation": OpenAPISchema.boolean,
            "security": ChargePointSecurity.openAPISchema.required,
            "enableAutoFaultRecovery": OpenAPISchema.boolean,
            "user": ChargePointOwner.openAPISchema.nullable,
            "partner": ChargePointPartner.openAPISchema.nullable,
            "subscription": ChargePointSubscription.openAPISchema.nullable,
            "networkStatus": OpenAPISchema.string(NetworkStatus.self).required,
            "hardwareStatus": OpenAPISchema.string(ChargePointHardwareStatus.self).nullable.required,
            "vendorErrorCode": OpenAPISchema.string.nullable.described("Only while faulted."),
            "lastBootNotification": BootNotificationInfo.openAPISchema.nullable,
            "chargingProfile": AppliedChargingProfile.openAPISchema.nullable,
            // Included on request; we keep no smart-charging settings, so always null (README).
            "smartCharging": OpenAPISchema.anyValue.nullable,
            "smartChargingPreferences": OpenAPISchema.anyValue.nullable,
            "personalSmartChargingPreferences": OpenAPISchema.anyValue.nullable,
            "availablePersonalSmartChargingModes": OpenAPISchema.anyValue.nullable,
            "roamingOperatorId": OpenAPISchema.integer.nullable,
            "tags": OpenAPISchema.array(.string),
            "externalId": OpenAPISchema.string.nullable,
            "sharingCode": OpenAPISchema.string.nullable,
            "enabledRandomisedDelay": OpenAPISchema.boolean,
            "usesRenewableEnergy": OpenAPISchema.boolean,
            "displayTariffAndCosts": OpenAPISchema.boolean,
            "createdAt": OpenAPISchema.dateTime.required,
            "firstContactAt": OpenAPISchema.date.nullable,
            "integratedAt": OpenAPISchema.dateTime.nullable,
            "manufacturedAt": OpenAPISchema.dateTime.nullable,
            "lastUpdatedAt": OpenAPISchema.dateTime.required,
        ])
    }
}

extension ChargePointNetwork: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.string.nullable.described("The OCPP identity (charge box id in the WebSocket URL)."),
            "protocol": OpenAPISchema.string(NetworkProtocol.self),
            "password": OpenAPISchema.string.described("Write-only: never served."),
            "ip": OpenAPISchema.string.nullable,
            "port": OpenAPISchema.integer.nullable,
        ])
    }
}

extension ChargePointSecurity: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "desiredProfile": OpenAPISchema.integer,
            "currentProfile": OpenAPISchema.integer.nullable,
            "hardwareEnabledProfile": OpenAPISchema.integer.nullable,
            "desiredProfileStatus": OpenAPISchema.string(SecurityProfileStatus.self).nullable,
        ])
    }
}

extension ChargePointOwner: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["id": OpenAPISchema.integer.nullable, "automaticFirmwareUpdatesEnabled": OpenAPISchema.boolean])
    }
}

extension ChargePointPartner: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer, "contractId": OpenAPISchema.integer.nullable,
            "corporateBillingAsDefault": OpenAPISchema.boolean,
            "accessType": OpenAPISchema.string(PartnerAccessType.self),
        ])
    }
}

extension ChargePointSubscription: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["required": OpenAPISchema.boolean, "planIds": OpenAPISchema.array(.integer)])
    }
}

extension BootNotificationInfo: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "model": OpenAPISchema.string.nullable, "vendor": OpenAPISchema.string.nullable,
            "chargeBoxSerialNumber": OpenAPISchema.string.nullable,
            "chargePointSerialNumber": OpenAPISchema.string.nullable,
            "firmwareVersion": OpenAPISchema.string.nullable, "iccid": OpenAPISchema.string.nullable,
            "imsi": OpenAPISchema.string.nullable, "meterSerialNumber": OpenAPISchema.string.nullable,
            "meterType": OpenAPISchema.string.nullable, "lastUpdatedAt": OpenAPISchema.dateTime,
        ])
    }
}

extension AppliedChargingProfile: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer, "minChargingRate": OpenAPISchema.number.nullable,
            "schedulePeriods": OpenAPISchema.array(SchedulePeriod.openAPISchema),
            "scheduleStart": OpenAPISchema.dateTime.nullable,
            "chargingRateUnit": OpenAPISchema.string(RateUnit.self),
            "stackLevel": OpenAPISchema.integer,
            "chargingProfileKind": OpenAPISchema.string(ProfileKind.self),
            "recurrencyKind": OpenAPISchema.string(ProfileRecurrency.self).nullable,
            "chargingCompleteAt": OpenAPISchema.dateTime.nullable,
            "purpose": OpenAPISchema.string(ProfilePurpose.self),
            "validFrom": OpenAPISchema.dateTime.nullable, "validTo": OpenAPISchema.dateTime.nullable,
            "duration": OpenAPISchema.integer.nullable,
        ])
    }
}

extension SchedulePeriod: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "startPeriod": OpenAPISchema.integer.required, "limit": OpenAPISchema.number.required,
            "numberPhases": OpenAPISchema.integer.nullable,
        ])
    }
}

extension ChargePointV1: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "name": OpenAPISchema.string.required,
            "networkId": OpenAPISchema.string.required,
            "networkProtocol": OpenAPISchema.string(NetworkProtocol.self).required,
            "networkPassword": OpenAPISchema.string.described("Write-only: never served."),
            "accessType": OpenAPISchema.string(ChargePointType.self).required,
            "status": OpenAPISchema.string([AdminStatus.active, .disabled, .outOfOrder, .demo]).required,
            "plugAndCharge": OpenAPISchema.boolean.required,
            "desiredSecurityProfile": OpenAPISchema.integer.required,
            "currentSecurityProfile": OpenAPISchema.integer.nullable.required,
            "capabilities": OpenAPISchema.array(
                .string([
                    "REMOTE_START_STOP_CAPABLE", "METER_VALUES", "STOP_TRANSACTION_ON_EV_DISCONNECT",
                    "DISREGARD_THE_HEARTBEATS", "DISPLAY_MESSAGES",
                ])
            ).required,
            "networkStatus": OpenAPISchema.string(LegacyNetworkStatus.self).required,
            "hardwareStatus": OpenAPISchema.string(ChargePointHardwareStatus.self).nullable.required,
            "evses": OpenAPISchema.array(ChargePointV1EVSE.openAPISchema).required,
            "lastUpdatedAt": OpenAPISchema.dateTime.required,
        ])
    }
}

extension ChargePointV1EVSE: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "networkId": OpenAPISchema.string.required,
            "physicalReference": OpenAPISchema.string.required,
            "currentType": OpenAPISchema.string(CurrentType.self).required,
            "maxPower": OpenAPISchema.number.nullable,
            "status": OpenAPISchema.string([AdminStatus.active, .disabled, .outOfOrder]).required,
            "hardwareStatus": OpenAPISchema.string(
                EVSEHardwareStatus.knownCases.filter { $0 != .occupied }
            ).nullable.required,
            "tariffGroupId": OpenAPISchema.integer.nullable,
            "connectors": OpenAPISchema.array(Connector.openAPISchema).required,
        ])
    }
}

extension ChargePointLiveStatus: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "networkStatus": OpenAPISchema.string(LegacyNetworkStatus.self).required,
            "hardwareStatus": OpenAPISchema.string(ChargePointHardwareStatus.self).nullable.required,
            "evses": OpenAPISchema.array(EVSELiveStatus.openAPISchema).required,
            "lastUpdatedAt": OpenAPISchema.dateTime.required,
        ])
    }
}

extension EVSELiveStatus: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required.described("The EVSE's system id."),
            "hardwareStatus": OpenAPISchema.string(
                EVSEHardwareStatus.knownCases.filter { $0 != .occupied }
            ).nullable.required,
        ])
    }
}
