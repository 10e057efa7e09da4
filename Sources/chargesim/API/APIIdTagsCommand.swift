import ArgumentParser
import PublicAPI

/// `chargesim api id-tags`: id tags, filtered by uid and status.
struct APIIdTagsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "id-tags", abstract: "List id tags (resources/id-tags/v2.0), filtered by uid and status.")

    @OptionGroup var options: APIOptions

    @Option(help: "Only the tag with this idTagUid.")
    var uid: String?

    @Option(help: "Only tags in this status: \(IdTagStatus.knownCases.map(\.rawValue).joined(separator: ", ")).")
    var status: String?

    func validate() throws {
        if let status, !IdTagStatus(rawValue: status).isKnown {
            throw ValidationError(
                "--status must be one of \(IdTagStatus.knownCases.map(\.rawValue).joined(separator: ", ")); got '\(status)'."
            )
        }
    }

    func run() async throws {
        try await APIRunner.run(options) { client, output in
            var query = ListQuery()
            if let uid { query.filters["idTagUid"] = uid }
            if let status { query.filters["status"] = status }
            let items = try await client.idTags(query).collect()
            try output.show(items) { .idTags(items) }
        }
    }
}
