import Foundation
import Hummingbird
import OCPP16
import PublicAPI

/// Charge point actions v2.0 (reference §5): configuration, firmware, certificates, security profile.
enum ChargePointV2ActionRoutes {
    static let base = "/public-api/actions/charge-point/v2.0/{chargePoint}"

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        return [
            APIRoute(
                .post, "\(base)/set-configuration", "setConfiguration",
                "Change a configuration key (ChangeConfiguration)",
                tag: "Charge point actions", success: 202, failures: [404, 406, 422],
                bodySchema: ActionBodySchemas.setConfiguration, response: nil
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let body = try call.decode(SetConfigurationBody.self)
                guard !body.name.isEmpty else { throw APIFailure.invalid("name", "The name field is required.") }
                let request = ChangeConfigurationRequest(
                    key: try ActionCommand.bounded(body.name, field: "name"),
                    value: try ActionCommand.bounded(body.value, field: "value"))
                let answer = try await ActionCommand.send(request, to: chargePoint, deps)
                switch answer.status {
                case .accepted, .rebootRequired:
                    try await store.cacheConfiguration(
                        identity: chargePoint.ocppIdentity,
                        keys: [KeyValue(key: request.key, readonly: false, value: request.value)], now: deps.now())
                    return APIResponse.empty(.accepted)
                case .rejected, .notSupported:
                    throw ActionCommand.rejected(
                        chargePoint, action: ChangeConfigurationRequest.action, status: answer.status.rawValue)
                }
            },
            APIRoute(
                .post, "\(base)/update-firmware", "updateFirmware",
                "Update firmware (UpdateFirmware, or SignedUpdateFirmware when signed)", tag: "Charge point actions",
                success: 202, failures: [404, 406, 422], bodySchema: ActionBodySchemas.updateFirmware, response: nil
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let body = try call.decode(UpdateFirmwareBody.self)
                guard let url = body.url, URL(string: url)?.scheme != nil else {
                    // [INF] firmware versions are not stored here, so a url is required.
                    throw APIFailure.invalid("url", "The url field is required (firmwareVersionId is not supported).")
                }
                if let retries = body.retries, !(0...10).contains(retries) {
                    throw APIFailure.invalid("retries", "The retries must be between 0 and 10.")
                }
                if let interval = body.interval, !(0...3600).contains(interval) {
                    throw APIFailure.invalid("interval", "The interval must be between 0 and 3600.")
                }
                let retrieve = body.retrieveAfter.map(OCPPTimestamp.init) ?? deps.now()
                if body.signed {
                    guard let certificate = body.signingCertificate, !certificate.isEmpty else {
                        throw APIFailure.invalid(
                            "signingCertificate", "The signingCertificate is required when signed.")
                    }
                    guard let signature = body.signature, !signature.isEmpty else {
                        throw APIFailure.invalid("signature", "The signature is required when signed.")
                    }
                    let firmware = Firmware(
                        location: try ActionCommand.bounded(url, field: "url"), retrieveDateTime: retrieve,
                        signingCertificate: try ActionCommand.bounded(certificate, field: "signingCertificate"),
                        signature: try ActionCommand.bounded(signature, field: "signature"))
                    let request = SignedUpdateFirmwareRequest(
                        retries: body.retries, retryInterval: body.interval, requestId: deps.makeRequestId(),
                        firmware: firmware)
                    let answer = try await ActionCommand.send(request, to: chargePoint, deps)
                    guard answer.status == .accepted || answer.status == .acceptedCanceled else {
                        throw ActionCommand.rejected(
                            chargePoint, action: SignedUpdateFirmwareRequest.action, status: answer.status.rawValue)
                    }
                } else {
                    let request = UpdateFirmwareRequest(
                        location: url, retries: body.retries, retrieveDate: retrieve, retryInterval: body.interval)
                    // UpdateFirmware.conf has no status (OCPP 1.6 §6.50): an answer is acceptance.
                    _ = try await ActionCommand.send(request, to: chargePoint, deps)
                }
                return APIResponse.empty(.accepted)
            },
            APIRoute(
                .post, "\(base)/install-certificate", "installCertificate",
                "Install a root certificate (InstallCertificate)", tag: "Security actions", success: 202,
                failures: [404, 406, 422], bodySchema: ActionBodySchemas.certificate, response: nil
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let use = try certificateUse(try call.decode(CertificateBody.self).certificateType)
                guard let pem = deps.installableCertificates[use] else {
                    throw APIFailure(
                        status: .notFound,
                        body: APIError(message: "No \(use.rawValue) is configured for installation (feature disabled).")
                    )
                }
                let request = InstallCertificateRequest(
                    certificateType: use, certificate: try ActionCommand.bounded(pem, field: "certificate"))
                _ = try await ActionCommand.sendAccepted(
                    request, to: chargePoint, deps, status: \.status, accepted: .accepted)
                return APIResponse.empty(.accepted)
            },
            APIRoute(
                .post, "\(base)/delete-certificate", "deleteCertificate",
                "Delete the installed certificates of a type (GetInstalledCertificateIds, then DeleteCertificate)",
                tag: "Security actions", success: 202, failures: [404, 406, 422],
                bodySchema: ActionBodySchemas.certificate, response: nil
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let use = try certificateUse(try call.decode(CertificateBody.self).certificateType)
                let installed = try await ActionCommand.send(
                    GetInstalledCertificateIdsRequest(certificateType: use), to: chargePoint, deps)
                let hashes = installed.certificateHashData ?? []
                guard installed.status == .accepted, !hashes.isEmpty else {
                    throw APIFailure.notAcceptable(
                        "Charge point \(chargePoint.ocppIdentity) has no \(use.rawValue) installed.")
                }
                for hash in hashes {
                    let answer = try await ActionCommand.send(
                        DeleteCertificateRequest(certificateHashData: hash), to: chargePoint, deps)
                    guard answer.status == .accepted else {
                        throw ActionCommand.rejected(
                            chargePoint, action: DeleteCertificateRequest.action, status: answer.status.rawValue)
                    }
                }
                return APIResponse.empty(.accepted)
            },
            APIRoute(
                .post, "\(base)/sync-certificates", "syncCertificates",
                "List installed certificates (GetInstalledCertificateIds)", tag: "Security actions", success: 202,
                failures: [404, 406, 422], bodySchema: ActionBodySchemas.syncCertificates, response: nil
            ) { call in
                let chargePoint = try await ChargePointRoutes.find(call, store)
                let body = try call.decode(SyncCertificatesBody.self, emptyAs: SyncCertificatesBody())
                let uses =
                    try body.certificateType.map { type throws(APIFailure) in [try certificateUse(type)] }
                    ?? CertificateUse.allCases
                for use in uses {
                    // NotFound (none of that type installed) is a valid answer, not a rejection.
                    _ = try await ActionCommand.send(
                        GetInstalledCertificateIdsRequest(certificateType: use), to: chargePoint, deps)
                }
                return APIResponse.empty(.accepted)
            },
            APIRoute(
                .post, "\(base)/set-security-profile", "setSecurityProfile",
                "Raise the security profile (ChangeConfiguration SecurityProfile)", tag: "Security actions",
                success: 202, failures: [404, 406, 422], bodySchema: ActionBodySchemas.setSecurityProfile,
                response: SetSecurityProfileResult.openAPISchema
            ) { call in
                var chargePoint = try await ChargePointRoutes.find(call, store)
                let body = try call.decode(SetSecurityProfileBody.self)
                guard !body.reason.isEmpty, body.reason.count <= 500 else {
                    throw APIFailure.invalid("reason", "The reason must be 1 to 500 characters.")
                }
                let target = body.setSecurityProfile
                guard (1...2).contains(target), target > chargePoint.securityProfile else {
                    return try APIResponse.json(
                        SetSecurityProfileResult(
                            success: false,
                            message:
                                "Security profile \(target) is not a raise from \(chargePoint.securityProfile) (1 or 2 only)."
                        ),
                        status: .notAcceptable)
                }
                let answer = try await ActionCommand.send(
                    ChangeConfigurationRequest(key: "SecurityProfile", value: CiString500(truncating: String(target))),
                    to: chargePoint, deps)
                guard answer.status == .accepted || answer.status == .rebootRequired else {
                    return try APIResponse.json(
                        SetSecurityProfileResult(
                            success: false,
                            message: "Charge point \(chargePoint.ocppIdentity) rejected SecurityProfile \(target) "
                                + "(status \(answer.status.rawValue))."),
                        status: .notAcceptable)
                }
                chargePoint.securityProfile = target
                chargePoint.updatedAt = deps.now().date
                try await store.update(chargePoint)
                return try APIResponse.json(SetSecurityProfileResult(success: true), status: .accepted)
            },
        ]
    }

    /// The OCPP 1.6 security extension knows two certificate uses; the others are 2.0.1/ISO 15118
    /// only and answer 406 ([INF]); an unknown name is a 422.
    static func certificateUse(_ type: CertificateType) throws(APIFailure) -> CertificateUse {
        switch type {
        case .csmsRootCertificate: return .centralSystemRootCertificate
        case .manufacturerRootCertificate: return .manufacturerRootCertificate
        case .v2gRootCertificate, .moRootCertificate, .chargingStationCertificate, .v2gCertificate,
            .v2gCertificateChain:
            throw .notAcceptable("\(type.rawValue) is not available over OCPP 1.6.")
        case .unknown(let raw):
            throw .invalid("certificateType", "The selected certificateType \(raw) is invalid.")
        }
    }
}
