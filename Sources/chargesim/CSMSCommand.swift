import ArgumentParser
import CentralSystem
import Foundation
import WebSocket

/// `chargesim csms`: the embedded central system on its own.
struct CSMSCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "csms",
        abstract: "Run the embedded OCPP 1.6J central system and its Public API.",
        discussion: """
            Chargers connect to ws://HOST:OCPP-PORT/ocpp/<chargePointId>. Without --auto-register only \
            charge points created through the API may connect. The API token is printed once, at the \
            first start; keep it (or pass --api-token). Ctrl-C stops.
            """
    )

    @OptionGroup var options: CentralSystemOptions

    @Flag(help: "Accept unknown charge points and create them on their first boot.")
    var autoRegister = false

    @Option(help: "Unknown id tags: reject, accept, or register (accept and store).")
    var unknownIdTags: UnknownIdTagPolicy = .reject

    @OptionGroup var deflate: DeflateOptions

    @Option(
        help: ArgumentHelp(
            "Write how long the answers to the chargers' calls took (read to written, histograms in µs) as JSON "
                + "to this file every second.",
            valueName: "file"))
    var statsFile: String?

    func run() async throws {
        // Every charger is a descriptor: take the hard open-file limit (issue 11).
        FileDescriptorLimit.raiseToHard()
        var configuration = try options.configuration(autoRegister: autoRegister, unknownIdTags: unknownIdTags)
        configuration.ocpp.deflate = deflate.options
        let system = try await EmbeddedCentralSystem.start(configuration: configuration)
        let signals = StopSignals()
        StandardOutput.write("OCPP endpoint:   \(system.ocppURL)/<chargePointId>")
        if let secure = system.ocppSecureURL { StandardOutput.write("OCPP over TLS:   \(secure)/<chargePointId>") }
        StandardOutput.write("Public API:      \(system.apiBaseURL)")
        if let token = system.generatedToken ?? options.apiToken {
            StandardOutput.write("API token:       \(token)")
        } else {
            StandardOutput.write("API token:       (made at the first start and printed then; or pass --api-token)")
        }
        try options.writeReadyFile(
            apiBaseURL: system.apiBaseURL, ocppURL: system.ocppURL,
            token: system.generatedToken ?? options.apiToken, chargePointIds: [], ocppSecureURL: system.ocppSecureURL)
        let stats = statsFile.map(CentralSystemStatsFile.init(path:))
        var ticks = 0
        while !signals.received {
            try? await Task.sleep(for: .milliseconds(200))
            ticks += 1
            if ticks % 5 == 0 { stats?.write(system.ocppServer.processingTimes) }
        }
        stats?.write(system.ocppServer.processingTimes)
        FileHandle.standardError.write(Data("chargesim csms: stopping\n".utf8))
        await system.shutdown()
    }
}
