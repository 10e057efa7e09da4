/// How a simulated charger of this model behaves beyond the protocol: boot answers, how soon
/// a simulated EV plugs in, how often it faults.
public struct ChargerBehaviour: Sendable, Equatable, Codable {
    /// How many times the embedded central system answers BootNotification with `Pending`
    /// before `Accepted` for chargers of this model (a real back end decides for itself).
    public var bootPendingCount: Int
    /// After a RemoteStartTransaction, the seconds before the simulated EV plugs in.
    public var autoPlugDelaySeconds: Double
    /// After the EV is full, the seconds before it unplugs; `nil`: it stays until stopped.
    public var unplugAfterFullSeconds: Double?
    /// Random faults per charger per hour (a Poisson rate); 0 for none.
    public var faultRatePerHour: Double
    /// How long a random fault lasts before it clears, in seconds.
    public var faultDurationSeconds: Double
    /// The OCPP 1.6 ChargePointErrorCode values random faults draw from.
    public var faultErrorCodes: [String]
    /// DataTransfer vendor ids the charger answers (others get `UnknownVendorId`).
    public var dataTransferVendorIds: [String]
    /// The chance (0 to 1) that installing a downloaded firmware ends in InstallationFailed
    /// (OCPP 1.6 §4.5), drawn with the charger's seeded generator.
    public var firmwareInstallFailureRate: Double
    /// After a firmware install, whether the reboot waits for running transactions to end
    /// (true) or stops them with reason Reboot first (false).
    public var firmwareWaitsForTransactions: Bool
    /// How many recent OCPP frames (in and out) the charger keeps for GetDiagnostics files;
    /// 0 keeps none. Each frame costs its size (at most 2 KiB) per charger.
    public var diagnosticsLogFrames: Int

    public init(
        bootPendingCount: Int = 0,
        autoPlugDelaySeconds: Double = 5,
        unplugAfterFullSeconds: Double? = nil,
        faultRatePerHour: Double = 0,
        faultDurationSeconds: Double = 120,
        faultErrorCodes: [String] = ["InternalError"],
        dataTransferVendorIds: [String] = [],
        firmwareInstallFailureRate: Double = 0,
        firmwareWaitsForTransactions: Bool = false,
        diagnosticsLogFrames: Int = 50
    ) {
        self.firmwareInstallFailureRate = firmwareInstallFailureRate
        self.firmwareWaitsForTransactions = firmwareWaitsForTransactions
        self.diagnosticsLogFrames = diagnosticsLogFrames
        self.bootPendingCount = bootPendingCount
        self.autoPlugDelaySeconds = autoPlugDelaySeconds
        self.unplugAfterFullSeconds = unplugAfterFullSeconds
        self.faultRatePerHour = faultRatePerHour
        self.faultDurationSeconds = faultDurationSeconds
        self.faultErrorCodes = faultErrorCodes
        self.dataTransferVendorIds = dataTransferVendorIds
    }

    /// OCPP 1.6 §7.6 ChargePointErrorCode, less `NoError` (which is no fault).
    public static let faultErrorCodeChoices = [
        "ConnectorLockFailure", "EVCommunicationError", "GroundFailure", "HighTemperature", "InternalError",
        "LocalListConflict", "OtherError", "OverCurrentFailure", "OverVoltage", "PowerMeterFailure",
        "PowerSwitchFailure", "ReaderFailure", "ResetFailure", "UnderVoltage", "WeakSignal",
    ]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case bootPendingCount, autoPlugDelaySeconds, unplugAfterFullSeconds, faultRatePerHour, faultDurationSeconds
        case faultErrorCodes, dataTransferVendorIds, firmwareInstallFailureRate, firmwareWaitsForTransactions
        case diagnosticsLogFrames
    }

    public init(from decoder: any Decoder) throws {
        var fields = try ProfileFields(decoder, CodingKeys.self)
        let defaults = ChargerBehaviour()
        let bootPendingCount: Int? = try fields.optional(.bootPendingCount)
        let autoPlugDelaySeconds: Double? = try fields.optional(.autoPlugDelaySeconds)
        let unplugAfterFullSeconds: Double? = try fields.optional(.unplugAfterFullSeconds)
        let faultRatePerHour: Double? = try fields.optional(.faultRatePerHour)
        let faultDurationSeconds: Double? = try fields.optional(.faultDurationSeconds)
        let faultErrorCodes: [String]? = try fields.list(.faultErrorCodes, of: String.expectation, required: false)
        let vendorIds: [String]? = try fields.list(.dataTransferVendorIds, of: String.expectation, required: false)
        let firmwareInstallFailureRate: Double? = try fields.optional(.firmwareInstallFailureRate)
        let firmwareWaitsForTransactions: Bool? = try fields.optional(.firmwareWaitsForTransactions)
        let diagnosticsLogFrames: Int? = try fields.optional(.diagnosticsLogFrames)
        guard !fields.failed else { throw ProfileDecodingFailed() }
        self.init(
            bootPendingCount: bootPendingCount ?? defaults.bootPendingCount,
            autoPlugDelaySeconds: autoPlugDelaySeconds ?? defaults.autoPlugDelaySeconds,
            unplugAfterFullSeconds: unplugAfterFullSeconds,
            faultRatePerHour: faultRatePerHour ?? defaults.faultRatePerHour,
            faultDurationSeconds: faultDurationSeconds ?? defaults.faultDurationSeconds,
            faultErrorCodes: faultErrorCodes ?? defaults.faultErrorCodes,
            dataTransferVendorIds: vendorIds ?? defaults.dataTransferVendorIds,
            firmwareInstallFailureRate: firmwareInstallFailureRate ?? defaults.firmwareInstallFailureRate,
            firmwareWaitsForTransactions: firmwareWaitsForTransactions ?? defaults.firmwareWaitsForTransactions,
            diagnosticsLogFrames: diagnosticsLogFrames ?? defaults.diagnosticsLogFrames
        )
    }

    /// Every problem with the behaviour; `path` is where it sits in the profile.
    func validate(at path: ProfilePath) -> [ProfileProblem] {
        var problems: [ProfileProblem] = []
        func add(_ field: ProfilePath, _ message: String) {
            problems.append(ProfileProblem(path: field, message: message))
        }
        func key(_ key: CodingKeys) -> ProfilePath { path.appending(key.rawValue) }
        if !(0...100).contains(bootPendingCount) {
            add(key(.bootPendingCount), "must be 0 to 100, got \(bootPendingCount)")
        }
        if !(0...3600).contains(autoPlugDelaySeconds) {
            add(
                key(.autoPlugDelaySeconds),
                "must be 0 to 3600 seconds, got \(ProfileConnector.format(autoPlugDelaySeconds))")
        }
        if let unplugAfterFullSeconds, !(0...86_400).contains(unplugAfterFullSeconds) {
            add(
                key(.unplugAfterFullSeconds),
                "must be 0 to 86400 seconds, got \(ProfileConnector.format(unplugAfterFullSeconds))"
            )
        }
        if !(0...60).contains(faultRatePerHour) {
            add(key(.faultRatePerHour), "must be 0 to 60 per hour, got \(ProfileConnector.format(faultRatePerHour))")
        }
        if !(faultDurationSeconds > 0 && faultDurationSeconds <= 86_400) {
            add(
                key(.faultDurationSeconds),
                "must be more than 0 and at most 86400 seconds, got \(ProfileConnector.format(faultDurationSeconds))"
            )
        }
        if faultRatePerHour > 0, faultErrorCodes.isEmpty {
            add(key(.faultErrorCodes), "must list at least one error code when faultRatePerHour is above 0")
        }
        for (index, code) in faultErrorCodes.enumerated() where !Self.faultErrorCodeChoices.contains(code) {
            add(
                key(.faultErrorCodes).appending(index: index),
                "\"\(code)\" is not an OCPP 1.6 ChargePointErrorCode; use one of "
                    + Self.faultErrorCodeChoices.joined(separator: ", ")
            )
        }
        for (index, vendorId) in dataTransferVendorIds.enumerated() where vendorId.isEmpty || vendorId.count > 255 {
            add(
                key(.dataTransferVendorIds).appending(index: index),
                "must be 1 to 255 characters (OCPP 1.6 DataTransfer vendorId), got \(vendorId.count)"
            )
        }
        if !(0...1).contains(firmwareInstallFailureRate) {
            add(
                key(.firmwareInstallFailureRate),
                "must be 0 to 1 (a probability), got \(ProfileConnector.format(firmwareInstallFailureRate))")
        }
        if !(0...10_000).contains(diagnosticsLogFrames) {
            add(key(.diagnosticsLogFrames), "must be 0 to 10000 frames, got \(diagnosticsLogFrames)")
        }
        return problems
    }
}
