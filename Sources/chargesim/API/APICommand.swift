import ArgumentParser

/// `chargesim api`: AMPECO Public API actions and listings from the shell, against the
/// embedded central system or a real tenant.
struct APICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Call the AMPECO Public API (embedded or a real tenant).",
        discussion: """
            Every subcommand takes --base-url (or CHARGESIM_API_BASE_URL) and --token (or \
            CHARGESIM_API_TOKEN), prints a table for people or --json for scripts. Charge points \
            are named by OCPP identity (or system id); EVSE arguments are the EVSE's networkId \
            (its OCPP connector id).

            \(APIExitCode.help)
            """,
        subcommands: [
            APIChargePointsCommand.self, APIChargePointCommand.self, APICreateChargePointCommand.self,
            APIEVSEsCommand.self, APISessionsCommand.self, APISessionCommand.self,
            APIStartCommand.self, APIStopCommand.self, APIResetCommand.self, APIUnlockCommand.self,
            APIChangeAvailabilityCommand.self, APISetChargingProfileCommand.self, APIClearChargingProfileCommand.self,
            APITriggerCommand.self, APIDataTransferCommand.self, APISetConfigurationCommand.self,
            APIUpdateFirmwareCommand.self, APIGetDiagnosticsCommand.self, APIReserveCommand.self,
            APICancelReservationCommand.self, APIDisconnectCommand.self, APIIdTagsCommand.self,
            APILocationsCommand.self, APIReservationsCommand.self, APITariffsCommand.self, APITransactionsCommand.self,
            APIInvoicesCommand.self, APIInstallCertificateCommand.self, APIDeleteCertificateCommand.self,
            APISyncCertificatesCommand.self, APISetSecurityProfileCommand.self, APIResetSecurityProfileCommand.self,
            APISyncConfigurationCommand.self, APIGetSecurityLogCommand.self, APIChangeOwnerCommand.self,
            APIWaitCommand.self,
        ]
    )
}
