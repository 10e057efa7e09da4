import ArgumentParser
import CentralSystem
import Foundation

/// The options `chargesim csms` and `chargesim demo` share: where data lives and the fixed
/// handles scripts need (ports, token, ready file).
struct CentralSystemOptions: ParsableArguments {
    @Option(help: "The folder for the SQLite store (and the demo's fleet state); a restart keeps history.")
    var dataDir: String = ".chargesim"

    @Option(help: "The address both servers bind. Loopback by default; anything else exposes them.")
    var host: String = "127.0.0.1"

    @Option(help: "The OCPP 1.6J port chargers connect to (0 = pick a free one).")
    var ocppPort: Int = 9000

    @Option(help: "The Public API port (0 = pick a free one).")
    var apiPort: Int = 8080

    @Option(help: "Use this Public API token instead of generating one at first start.")
    var apiToken: String?

    @Option(help: "Write a JSON file with apiBaseUrl, ocppUrl, token and chargePointIds once ready.")
    var readyFile: String?

    func validate() throws {
        for (flag, port) in [("--ocpp-port", ocppPort), ("--api-port", apiPort)] where !(0...65_535).contains(port) {
            throw ValidationError("\(flag) must be between 0 and 65535, got \(port).")
        }
        if ocppPort != 0 && ocppPort == apiPort {
            throw ValidationError("--ocpp-port and --api-port must differ (both are \(ocppPort)).")
        }
        if let apiToken, apiToken.count < 16 {
            throw ValidationError("--api-token must be at least 16 characters.")
        }
        if dataDir.isEmpty { throw ValidationError("--data-dir must not be empty.") }
    }

    /// The embedded central system's configuration for these options.
    func configuration(autoRegister: Bool, unknownIdTags: UnknownIdTagPolicy) -> EmbeddedCentralSystem.Configuration {
        EmbeddedCentralSystem.Configuration(
            dataDirectory: dataDir, host: host, ocppPort: ocppPort,
            ocpp: OCPPServerConfiguration(autoRegister: autoRegister, unknownIdTagPolicy: unknownIdTags),
            api: PublicAPIConfiguration(port: apiPort), apiToken: apiToken)
    }

    /// Writes the ready file atomically so a script polling for it never reads half of it.
    func writeReadyFile(
        apiBaseURL: String, ocppURL: String, token: String?, chargePointIds: [String], controlURL: String? = nil
    ) throws {
        guard let readyFile else { return }
        var object: [String: Any] = ["apiBaseUrl": apiBaseURL, "ocppUrl": ocppURL, "chargePointIds": chargePointIds]
        if let controlURL { object["controlUrl"] = controlURL }
        object["token"] = token ?? NSNull()
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        try data.write(to: URL(fileURLWithPath: readyFile), options: .atomic)
    }
}

extension UnknownIdTagPolicy: ExpressibleByArgument {}
