import PublicAPI

// EVSEs v2.1 / charge point EVSEs v2.0 and connectors (reference §4.4, §4.5). `chargePointId` is
// written on the top-level `/evses/v2.1` routes only; connectors are always embedded ([INF]).

extension EVSE: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "chargePointId": OpenAPISchema.integer.described("Only on /evses/v2.1."),
            "networkId": OpenAPISchema.string.required.described("The OCPP connector id, as a string."),
            "physicalReference": OpenAPISchema.string.required,
            "label": OpenAPISchema.string.nullable,
            "currentType": OpenAPISchema.string(CurrentType.self).required,
            "status": OpenAPISchema.string([AdminStatus.enabled, .disabled, .outOfOrder]).required,
            "hardwareStatus": OpenAPISchema.string(EVSEHardwareStatus.self).nullable.required,
            "powerOptions": EVSEPowerOptions.openAPISchema.required,
            "tariffGroupId": OpenAPISchema.integer.nullable,
            "allowsReservation": OpenAPISchema.boolean,
            "bookingEnabled": OpenAPISchema.boolean,
            "midMeterCertificationEndYear": OpenAPISchema.integer.nullable,
            "externalId": OpenAPISchema.string.nullable,
            "roamingOperatorId": OpenAPISchema.integer.nullable.required,
            "roaming": OpenAPISchema.anyValue,
            "chargingProfile": AppliedChargingProfile.openAPISchema.nullable,
            "connectors": OpenAPISchema.array(Connector.openAPISchema).required.described("Always embedded ([INF])."),
            "externalAppData": OpenAPISchema.anyValue,
            "createdAt": OpenAPISchema.dateTime.required,
            "lastUpdatedAt": OpenAPISchema.dateTime.required,
        ])
    }
}

extension EVSEPowerOptions: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "maxPower": OpenAPISchema.integer.nullable.described("In W (the reference says Wh, §2.5)."),
            "maxVoltage": OpenAPISchema.string(MaxVoltage.self).nullable,
            "maxAmperage": OpenAPISchema.number.nullable,
            "phases": OpenAPISchema.string(PhaseSupply.self).nullable,
            "phaseRotation": OpenAPISchema.string(PhaseRotation.self).nullable,
            "connectedPhase": OpenAPISchema.string(ConnectedPhase.self).nullable,
        ])
    }
}

extension Connector: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "type": OpenAPISchema.string(ConnectorType.self).required,
            "format": OpenAPISchema.string(ConnectorFormat.self).nullable,
            "status": OpenAPISchema.string([AdminStatus.enabled, .disabled]).required,
        ])
    }
}
