import ArgumentParser
import CentralSystem
import Foundation
import NIOPosix
import OCPP16
import Simulator
import WebSocket

/// `chargesim demo`: the embedded central system plus a mixed fleet, no account needed.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the embedded central system with a fleet of virtual chargers.",
        discussion: """
            Starts the central system (auto-registering chargers) and one charger of each profile in \
            --profiles-dir (or --chargers N, round robin), prints the API base URL, a token and curl \
            commands to try, then a live summary until Ctrl-C. Everything lives under --data-dir.
            """
    )

    @OptionGroup var options: CentralSystemOptions

    @Option(help: "How many chargers (default: one per profile).")
    var chargers: Int?

    @Option(help: "The folder of charger profiles (*.yaml).")
    var profilesDir: String = "profiles"

    @Option(help: "Seed for the fleet's EVs, meter jitter and message ids.")
    var seed: UInt64 = 1

    @OptionGroup var control: ControlOptions

    func validate() throws {
        if let chargers, chargers < 1 { throw ValidationError("--chargers must be at least 1, got \(chargers).") }
        if options.tlsCert != nil, options.caCert == nil, options.clientCa == nil {
            throw ValidationError(
                "With --tls-cert the demo's chargers need a CA to check the server against: pass --ca-cert or --client-ca."
            )
        }
    }

    func run() async throws {
        let (profiles, names) = try loadProfiles()
        let system = try await EmbeddedCentralSystem.start(
            configuration: try options.configuration(autoRegister: true, unknownIdTags: .register))
        let token = try rememberedToken(generated: system.generatedToken)
        let count = chargers ?? profiles.count
        let groups = profiles.indices.compactMap { index -> FleetConfiguration.Group? in
            let share = count / profiles.count + (index < count % profiles.count ? 1 : 0)
            return share > 0 ? .init(profile: profiles[index], count: share) : nil
        }
        let fileTransfers = FileTransferClient()
        let log: @Sendable (String) -> Void = { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        let fleetConfiguration = FleetConfiguration(
            groups: groups, idPrefix: "DEMO-", rampPerSecond: nil,
            stateDirectory: (options.dataDir as NSString).appendingPathComponent("fleet"), seed: seed,
            runtime: ChargerRuntimeSettings(
                centralSystemURL: system.ocppURL, tlsContext: try demoTLSContext(), clock: { OCPPTimestamp(Date()) },
                log: log, fileTransfers: fileTransfers, secureCentralSystemURL: system.ocppSecureURL))
        let fleet = try Fleet(configuration: fleetConfiguration, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        let signals = StopSignals()
        var controlURL: String?
        if control.controlPort != nil || control.trace != nil {
            controlURL = try await control.start(fleet: fleet, profiles: Array(zip(names, profiles)).map { ($0, $1) })
        }
        fleet.start()
        let ids = (1...fleetConfiguration.count).map { fleetConfiguration.chargePointId(index: $0) }
        StandardOutput.write(
            "Starting the central system and \(ids.count) chargers (\(ids.joined(separator: ", ")))...")
        while !signals.received, (try? await fleet.counts().get().booted) ?? 0 < ids.count {
            try? await Task.sleep(for: .milliseconds(100))
        }
        if !signals.received {
            try options.writeReadyFile(
                apiBaseURL: system.apiBaseURL, ocppURL: system.ocppURL, token: token, chargePointIds: ids,
                controlURL: controlURL, ocppSecureURL: system.ocppSecureURL)
            try await printWelcome(system: system, token: token, firstCharger: ids[0])
            if let controlURL { StandardOutput.write("  Control API and live dashboard: \(controlURL)/") }
        }
        let progress = FleetProgress()
        while !signals.received {
            if let counts = try? await fleet.counts().get() { progress.show(counts) }
            try? await Task.sleep(for: progress.interval)
        }
        progress.finish()
        log("chargesim demo: stopping (open transactions are stopped)")
        try? await fleet.stop(.stopTransactions).get()
        try? await fileTransfers.shutdown()
        await system.shutdown()
    }

    /// Over TLS the demo's chargers trust `--ca-cert` (else `--client-ca`) for the server's certificate.
    private func demoTLSContext() throws -> TLSContext? {
        guard options.tlsCert != nil, let caFile = options.caCert ?? options.clientCa else { return nil }
        return try TLSContext(configuration: .client(trustRoots: .caFile(caFile)))
    }

    private func loadProfiles() throws -> ([ChargerProfile], [String]) {
        let files =
            (try? FileManager.default.contentsOfDirectory(atPath: profilesDir))?
            .filter { $0.hasSuffix(".yaml") }.sorted() ?? []
        guard !files.isEmpty else {
            throw ValidationError("No charger profiles (*.yaml) in '\(profilesDir)'; pass --profiles-dir.")
        }
        let profiles = try files.map { try ProfileFile.load((profilesDir as NSString).appendingPathComponent($0)) }
        return (profiles, files.map { ($0 as NSString).deletingPathExtension })
    }

    /// The demo keeps its token in `<data-dir>/demo-token` (mode 0600) so a restarted demo can
    /// print the curl commands again; `chargesim csms` never writes it.
    private func rememberedToken(generated: String?) throws -> String? {
        let path = (options.dataDir as NSString).appendingPathComponent("demo-token")
        if let token = options.apiToken ?? generated {
            FileManager.default.createFile(
                atPath: path, contents: Data(token.utf8), attributes: [.posixPermissions: 0o600])
            return token
        }
        return (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func printWelcome(system: EmbeddedCentralSystem, token: String?, firstCharger: String) async throws {
        let systemId = try await system.store.chargePoint(identity: firstCharger)?.id
        let base = system.apiBaseURL
        let bearer = "Authorization: Bearer \(token ?? "<your token>")"
        StandardOutput.write(
            """

            ChargeSim demo is running.
              Public API:    \(base)
              API token:     \(token ?? "(not known here: pass --api-token)")
              OCPP endpoint: \(system.ocppURL)/<chargePointId>

            Try (copy and paste):
              # list the EVSEs and their live status
              curl -s -H '\(bearer)' '\(base)/resources/evses/v2.1'
              # start a session on \(firstCharger), EVSE 1 (an EV plugs in by itself)
              curl -s -X POST -H '\(bearer)' -H 'Content-Type: application/json' \\
                -d '{"idTag":"DEMO-TAG-1"}' '\(base)/actions/charge-point/v1.0/\(systemId.map(String.init) ?? "<id>")/start/1'
              # read the sessions of \(firstCharger): energy and power rise while it charges
              curl -s -H '\(bearer)' '\(base)/resources/sessions/v1.0?filter[chargePointId]=\(systemId.map(String.init) ?? "<id>")'

            Ctrl-C stops the demo; its data stays in \(options.dataDir).
            """)
    }
}
