import ArgumentParser
import PublicAPI

/// `chargesim api transactions`: payment transactions, optionally of one session.
struct APITransactionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transactions",
        abstract: "List payment transactions (resources/transactions/v1.0), optionally of one session.")

    @OptionGroup var options: APIOptions

    @Option(help: "Only the transactions of this session id.")
    var session: Int?

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            var query = ListQuery()
            if let session { query.filters["sessionId"] = String(session) }
            let items = try await client.transactions(query).collect()
            try output.show(items) { .transactions(items) }
        }
    }
}
