import ArgumentParser
import PublicAPI

/// `chargesim api get-security-log CP --location URL`.
struct APIGetSecurityLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get-security-log", abstract: "Have the charger upload its security log to a URL (GetLog).")

    @OptionGroup var options: APIOptions

    @Argument(help: "The charge point's OCPP identity (or system id).")
    var chargePoint: String

    @Option(help: "Where the charger uploads (ftp:// or http(s)://).")
    var location: String

    @Option(help: "Why (kept in the back end's log).")
    var reason: String = "chargesim api get-security-log"

    @Option(help: "Upload retries, 0–10.")
    var retries: Int?

    @Option(help: "Seconds between retries, 0–3600.")
    var interval: Int?

    func validate() throws {
        if let retries, !(0...10).contains(retries) { throw ValidationError("--retries must be 0–10; got \(retries).") }
        if let interval, !(0...3600).contains(interval) {
            throw ValidationError("--interval must be 0–3600 seconds; got \(interval).")
        }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            let found = try await APIResolver(client: client).chargePoint(chargePoint)
            let upload = try await client.getSecurityLog(
                chargePointId: found.id,
                GetSecurityLogBody(url: location, reason: reason, retries: retries, interval: interval))
            try output.show(upload) {
                .fields([
                    ("id", String(upload.id)), ("status", upload.status), ("fileName", upload.fileName ?? "-"),
                    ("logType", upload.logType),
                ])
            }
        }
    }
}
