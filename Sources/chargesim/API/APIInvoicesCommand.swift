import ArgumentParser
import PublicAPI

/// `chargesim api invoices`: invoices, optionally issued within a period.
struct APIInvoicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoices", abstract: "List invoices (resources/invoices/v1.0), optionally by issue date.")

    @OptionGroup var options: APIOptions

    @Option(help: "Only invoices issued at or after this ISO 8601 date-time (e.g. 2026-11-01T00:00:00Z).")
    var issuedFrom: String?

    @Option(help: "Only invoices issued at or before this ISO 8601 date-time.")
    var issuedTo: String?

    func validate() throws {
        for (name, value) in [("--issued-from", issuedFrom), ("--issued-to", issuedTo)] {
            if let value, PublicAPIJSON.parseTimestamp(value) == nil {
                throw ValidationError(
                    "\(name) must be an ISO 8601 date-time like 2026-11-01T00:00:00Z; got '\(value)'.")
            }
        }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            var query = ListQuery()
            if let issuedFrom { query.filters["issuedFrom"] = issuedFrom }
            if let issuedTo { query.filters["issuedTo"] = issuedTo }
            let items = try await client.invoices(query).collect()
            try output.show(items) { .invoices(items) }
        }
    }
}
