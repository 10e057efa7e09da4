import ArgumentParser
import Foundation
import NIOCore
import NIOPosix
import OCPP16
import Simulator
import WebSocket

/// `chargesim fleet`: virtual charge points against a central system of your choice.
struct FleetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet",
        abstract: "Connect a fleet of virtual charge points to an OCPP 1.6J central system.",
        discussion: """
            Each charger connects to <csms>/<id> with subprotocol ocpp1.6. With --state-dir, each \
            charger keeps its transaction queue (an fsynced journal) and its state there, and a fleet \
            started again with the same folder resumes where it was, transactions included. \
            Ctrl-C or SIGTERM stops the fleet (see --on-stop); a second Ctrl-C quits at once.
            """
    )

    /// `FILE` or `FILE:COUNT`.
    struct ProfileSpec: ExpressibleByArgument {
        var file: String
        var count: Int?

        init?(argument: String) {
            if let colon = argument.lastIndex(of: ":"), let count = Int(argument[argument.index(after: colon)...]) {
                file = String(argument[..<colon])
                self.count = count
            } else {
                file = argument
                count = nil
            }
            if file.isEmpty { return nil }
        }
    }

    @Option(help: "The central system's OCPP endpoint, ws://host:port/path or wss://...")
    var csms: String

    @Option(
        help: ArgumentHelp(
            "The wss:// endpoint chargers use at security profile 2 and 3 when the central system serves TLS on "
                + "another port than --csms (default: --csms with wss://).",
            valueName: "url"))
    var secureCsms: String?

    @Option(
        name: .customLong("profile"),
        help: "A charger profile, FILE or FILE:COUNT; repeat for a mixed fleet.")
    var profiles: [ProfileSpec] = []

    @Option(help: "Chargers per profile given without :COUNT.")
    var count: Int = 1

    @Option(help: "Charge point ids are <prefix><index>, zero-padded.")
    var idPrefix: String = "CP"

    @Option(help: "New connections per second while the fleet comes up (default: all at once).")
    var ramp: Double?

    @Option(help: "A folder for each charger's transaction queue and state; resumed on the next start.")
    var stateDir: String?

    @Option(help: "Basic auth password (security profiles 1 and 2) instead of each charger's AuthorizationKey.")
    var password: String?

    @Option(help: "PEM file of the CAs that sign the central system's certificate (wss://).")
    var caFile: String?

    @Option(help: "PEM client certificate chain (security profile 3); needs --key.")
    var cert: String?

    @Option(help: "PEM private key of --cert.")
    var key: String?

    @Flag(help: "Do not verify the central system's TLS certificate (test benches only).")
    var insecure = false

    @Option(help: "Seed for message ids, EVs, meter and reconnect jitter: the same seed, the same run.")
    var seed: UInt64 = 1

    @Option(help: "Event loop threads (default: one per core).")
    var threads: Int?

    @Option(help: "A traffic file (YAML): drivers arriving by hour of day, dwell times, EV mix, RFID or remote starts.")
    var traffic: String?

    @Option(
        help:
            "Run the traffic and the energy model this many times faster than the clock (OCPP timestamps stay wall-clock)."
    )
    var timeScale: Double = 1

    @Option(
        help:
            "A chaos file (YAML): random faults, drops, half-open sockets, bad answers, clock drift, blackouts, surges."
    )
    var chaos: String?

    @Option(help: "On Ctrl-C/SIGTERM: stop-transactions (StopTransaction reason Local) or leave-queued (resume later).")
    var onStop: FleetStopModeArgument = .stopTransactions

    @OptionGroup var registration: FleetRegistrationOptions

    @OptionGroup var control: ControlOptions

    @OptionGroup(title: "Scale and load tests") var scale: FleetScaleOptions

    func validate() throws {
        guard csms.hasPrefix("ws://") || csms.hasPrefix("wss://") else {
            throw ValidationError("--csms must be a ws:// or wss:// URL, got '\(csms)'.")
        }
        do {
            _ = try WebSocketURL(csms)
        } catch {
            throw ValidationError("--csms '\(csms)' is not a valid WebSocket URL: \(error).")
        }
        if let secureCsms {
            guard secureCsms.hasPrefix("wss://"), (try? WebSocketURL(secureCsms)) != nil else {
                throw ValidationError("--secure-csms must be a valid wss:// URL, got '\(secureCsms)'.")
            }
        }
        if profiles.isEmpty {
            throw ValidationError(
                "Name at least one --profile FILE[:COUNT], e.g. --profile profiles/ac-wallbox-7kw.yaml:10.")
        }
        for spec in profiles {
            if (spec.count ?? count) < 1 {
                throw ValidationError("--profile \(spec.file): the count must be at least 1.")
            }
            if !FileManager.default.isReadableFile(atPath: spec.file) {
                throw ValidationError("--profile \(spec.file): no such readable file.")
            }
        }
        if count < 1 { throw ValidationError("--count must be at least 1, got \(count).") }
        if let ramp, !(ramp > 0) {
            throw ValidationError("--ramp must be a positive number of connections per second.")
        }
        if idPrefix.contains("/") || idPrefix.contains("?") || idPrefix.contains("#") {
            throw ValidationError("--id-prefix must not contain '/', '?' or '#': the id is the URL's last segment.")
        }
        if !(timeScale > 0 && timeScale <= 100_000) {
            throw ValidationError("--time-scale must be more than 0 and at most 100000, got \(timeScale).")
        }
        for (flag, path) in [("--traffic", traffic), ("--chaos", chaos)] {
            if let path, !FileManager.default.isReadableFile(atPath: path) {
                throw ValidationError("\(flag) \(path): no such readable file.")
            }
        }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads).") }
        if (cert == nil) != (key == nil) {
            throw ValidationError("--cert and --key go together: give both or neither.")
        }
        for (flag, path) in [("--ca-file", caFile), ("--cert", cert), ("--key", key)] {
            if let path, !FileManager.default.isReadableFile(atPath: path) {
                throw ValidationError("\(flag) \(path): no such readable file.")
            }
        }
        if (caFile != nil || cert != nil || insecure) && !usesTLS {
            throw ValidationError("--ca-file, --cert and --insecure need a wss:// --csms or --secure-csms URL.")
        }
    }

    func run() throws {
        var groups: [FleetConfiguration.Group] = []
        var named: [(name: String, profile: ChargerProfile)] = []
        for spec in profiles {
            let profile = scale.apply(to: try ProfileFile.load(spec.file))
            groups.append(.init(profile: profile, count: spec.count ?? count))
            let name = ((spec.file as NSString).lastPathComponent as NSString).deletingPathExtension
            if !named.contains(where: { $0.name == name }) { named.append((name, profile)) }
        }
        // Read before any thread or client exists: a bad file exits at once.
        let trafficProfile = try traffic.map(ProfileFile.loadTraffic)
        let chaosProfile = try chaos.map(ProfileFile.loadChaos)
        let tlsContext = try makeTLSContext()
        let log: @Sendable (String) -> Void = { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: threads ?? System.coreCount)
        let fileTransfers = FileTransferClient(eventLoopGroup: group)
        // An early exit (state directory, registration, control API) must still shut the HTTP client
        // and the loops down: async-http-client traps on a client dropped while running.
        var running = false
        defer {
            if !running {
                try? fileTransfers.syncShutdown()
                try? group.syncShutdownGracefully()
            }
        }
        var configuration = FleetConfiguration(
            groups: groups, idPrefix: idPrefix, rampPerSecond: ramp, stateDirectory: stateDir, seed: seed,
            runtime: ChargerRuntimeSettings(
                centralSystemURL: csms, password: password, tlsContext: tlsContext,
                clock: { OCPPTimestamp(Date()) }, log: log, fileTransfers: fileTransfers,
                secureCentralSystemURL: secureCsms))
        configuration.traffic = trafficProfile
        configuration.timeScale = timeScale
        configuration.chaos = chaosProfile
        // Scale (issue 11): shard, source addresses, the descriptor limit.
        configuration.shard = scale.fleetShard
        configuration.timerSlack = try FleetLoadRules.timerSlack(scale.timerSlack)
        configuration.runtime.sourceAddresses = try scale.sourceAddresses()
        configuration.runtime.deflate = scale.deflate.options
        let fileLimit = FileDescriptorLimit.raiseToHard()
        let shardSize = (1...max(configuration.count, 1)).count { configuration.shard.contains(chargerIndex: $0) }
        if shardSize > FileDescriptorLimit.connections(under: fileLimit) {
            log(
                "warning: \(shardSize) chargers but the open-file limit is \(fileLimit) (hard limit, ulimit -Hn): "
                    + "at most \(FileDescriptorLimit.connections(under: fileLimit)) can connect; raise it or use --shard."
            )
        }
        let fleet: Fleet
        do {
            fleet = try Fleet(configuration: configuration, eventLoopGroup: group)
        } catch {
            log("chargesim fleet: cannot open the state directory: \(error)")
            throw ExitCode(73)
        }
        try registration.register(configuration, password: password, log: log)
        let signals = StopSignals()
        if control.controlPort != nil || control.trace != nil {
            do {
                if let url = try control.startBlocking(fleet: fleet, profiles: named) {
                    log("control API and dashboard: \(url)/ (OpenAPI: \(url)/openapi.json)")
                }
            } catch {
                log("chargesim fleet: cannot start the control API: \(error)")
                throw ExitCode(64)
            }
        }
        running = true
        fleet.start()
        if scale.chargingShare > 0 { fleet.keepCharging(share: scale.chargingShare) }
        let display = FleetProgress()
        var schedule = FleetChaosSchedule(configuration.chaos)
        let started = ContinuousClock.now
        let stats = scale.statsFile.map(FleetStatsFile.init)
        while !signals.wait(timeout: display.interval) {
            if let counts = try? fleet.counts().wait() {
                display.show(counts)
                if let stats, let traffic = try? fleet.traffic().wait() {
                    stats.write(counts: counts, traffic: traffic)
                }
            }
            schedule.runDue(on: fleet, elapsed: ContinuousClock.now - started, log: log)
        }
        display.finish()
        let mode = onStop.mode
        log("stopping \(fleet.chargers.count) chargers (\(mode.rawValue))...")
        signals.onSecondSignal { Foundation.exit(130) }
        try? fleet.stop(mode).wait()
        if let counts = try? fleet.counts().wait() {
            log("stopped: \(counts)")
            // The last word: every MeterValues sent and answered up to the stop (the benchmark's keep-up count).
            if let stats, let traffic = try? fleet.traffic().wait() { stats.write(counts: counts, traffic: traffic) }
        }
        try? fileTransfers.syncShutdown()
        try? group.syncShutdownGracefully()
    }

    /// Whether any charger may connect over TLS.
    private var usesTLS: Bool { csms.hasPrefix("wss://") || secureCsms != nil }

    private func makeTLSContext() throws -> TLSContext? {
        guard usesTLS else { return nil }
        var certificate: TLSConfiguration.CertificateFiles?
        if let cert, let key { certificate = .init(certificateChainFile: cert, privateKeyFile: key) }
        let configuration = TLSConfiguration.client(
            trustRoots: caFile.map { .caFile($0) } ?? .system, certificate: certificate,
            verification: insecure ? .insecureNoVerification : .full)
        for warning in configuration.warnings {
            FileHandle.standardError.write(Data(("warning: " + warning + "\n").utf8))
        }
        do {
            return try TLSContext(configuration: configuration)
        } catch {
            FileHandle.standardError.write(Data("chargesim fleet: TLS setup failed: \(error)\n".utf8))
            throw ExitCode(64)
        }
    }
}
