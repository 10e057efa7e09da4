import OCPP16
import PublicAPI

// The bodies actions answer with (reference §5): unwrapped `{success, ...}` objects, except
// set-charging-profile and get-security-log, which are wrapped in `{data}` by their routes.

extension ActionResult: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["success": OpenAPISchema.boolean.required])
    }
}

extension StartSessionResult: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "success": OpenAPISchema.boolean.required,
            "sessionId": OpenAPISchema.integer.nullable.described(
                "The session the charger opened, when it did so in time (EVSE variants only)."),
            "authorizationId": OpenAPISchema.integer.nullable,
            "message": OpenAPISchema.string.nullable,
            "errorCode": OpenAPISchema.string(StartSessionErrorCode.self).nullable,
        ])
    }
}

extension ReserveResult: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["success": OpenAPISchema.boolean.required, "reservationId": OpenAPISchema.integer.nullable])
    }
}

extension GetDiagnosticsResult: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "success": OpenAPISchema.boolean.required, "requestId": OpenAPISchema.integer.nullable,
            "fileName": OpenAPISchema.string.nullable,
        ])
    }
}

extension SyncConfigurationResult: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["success": OpenAPISchema.boolean.required, "requestId": OpenAPISchema.integer.nullable])
    }
}

extension SendDataTransferResult: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "status": OpenAPISchema.string(DataTransferOutcome.self).required,
            "data": OpenAPISchema.string.nullable,
        ])
    }
}

extension SetSecurityProfileResult: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["success": OpenAPISchema.boolean.required, "message": OpenAPISchema.string.nullable])
    }
}

extension SecurityLogUpload: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "id": OpenAPISchema.integer.required,
            "status": OpenAPISchema.string(LogStatus.allCases.map(\.rawValue)).required,
            "file_name": OpenAPISchema.string.nullable,
            "logType": OpenAPISchema.string(["SecurityLog"]).required,
            "chargePointId": OpenAPISchema.integer.required,
        ])
    }
}

extension ChargingProfileReference: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object(["id": OpenAPISchema.integer.required.described("The charging profile's id.")])
    }
}
