import ArgumentParser
import Foundation
import PublicAPI

/// Runs one `chargesim api` subcommand: builds the client, maps every failure to a message on
/// standard error and an ``APIExitCode``.
enum APIRunner {
    static func run(
        _ options: APIOptions, _ body: (PublicAPIClient, APIOutput) async throws -> Void
    ) async throws {
        do {
            try await body(options.client(), APIOutput(json: options.json))
        } catch let error as PublicAPIClientError {
            fail(error.description, APIExitCode(error))
        } catch let timeout as PublicAPIWaitTimeout {
            fail(timeout.description, .timeout)
        } catch let failure as APICommandFailure {
            fail(failure.message, failure.code)
        }
    }

    private static func fail(_ message: String, _ code: APIExitCode) -> Never {
        FileHandle.standardError.write(Data("chargesim api: \(message)\n".utf8))
        Foundation.exit(code.rawValue)
    }
}

/// A failure found by the command itself (a name that resolves to nothing, a start the API
/// answered with `success: false`).
struct APICommandFailure: Error {
    var message: String
    var code: APIExitCode
}
