import ArgumentParser
import Foundation
import NIOConcurrencyHelpers
import PublicAPI
import Simulator

/// `chargesim fleet --register-via-api`: before connecting, create (or find) each charger's
/// charge point and EVSEs in the back end through the Public API, with the identity and the
/// password the charger will connect with.
struct FleetRegistrationOptions: ParsableArguments {
    @Flag(help: "Create or find each charger and its EVSEs in the back end through the Public API first.")
    var registerViaApi = false

    @Option(help: "The Public API base URL for --register-via-api (env CHARGESIM_API_BASE_URL).")
    var apiBaseUrl: String?

    @Option(help: "The Public API token for --register-via-api (env CHARGESIM_API_TOKEN).")
    var apiToken: String?

    private var environment: [String: String] { ProcessInfo.processInfo.environment }

    func validate() throws {
        guard registerViaApi else { return }
        guard let base = apiBaseUrl ?? environment["CHARGESIM_API_BASE_URL"], URL(string: base)?.host != nil else {
            throw ValidationError("--register-via-api needs --api-base-url URL (or CHARGESIM_API_BASE_URL).")
        }
        guard let token = apiToken ?? environment["CHARGESIM_API_TOKEN"], !token.isEmpty else {
            throw ValidationError("--register-via-api needs --api-token TOKEN (or CHARGESIM_API_TOKEN).")
        }
    }

    /// Registers every charger of `configuration` (blocking: the fleet must not connect before).
    /// The password is `password` or, failing that, each profile's `AuthorizationKey`.
    func register(_ configuration: FleetConfiguration, password: String?, log: @escaping @Sendable (String) -> Void)
        throws
    {
        guard registerViaApi else { return }
        let client = PublicAPIClient(
            baseURL: apiBaseUrl ?? environment["CHARGESIM_API_BASE_URL"] ?? "",
            token: apiToken ?? environment["CHARGESIM_API_TOKEN"] ?? "")
        var registrations: [ChargePointRegistration] = []
        var index = 0
        for group in configuration.groups {
            for _ in 0..<group.count {
                index += 1
                let evses = group.profile.connectors.map(EVSEWrite.init(registering:))
                registrations.append(
                    ChargePointRegistration(
                        identity: configuration.chargePointId(index: index),
                        password: password ?? group.profile.configuration["AuthorizationKey"], evses: evses))
            }
        }
        let result = NIOLockedValueBox<Result<[ChargePointRegistration.Outcome], PublicAPIClientError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task { [registrations] in
            do throws(PublicAPIClientError) {
                var outcomes: [ChargePointRegistration.Outcome] = []
                for registration in registrations { outcomes.append(try await client.register(registration)) }
                result.withLockedValue { $0 = .success(outcomes) }
            } catch {
                result.withLockedValue { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        switch result.withLockedValue({ $0 }) {
        case .success(let outcomes):
            let created = outcomes.filter(\.created).count
            let evses = outcomes.reduce(0) { $0 + $1.createdEVSEs.count }
            let deferred = outcomes.reduce(0) { $0 + $1.deferredEVSEs.count }
            log(
                "registered \(outcomes.count) charge points via the API: \(created) created, "
                    + "\(outcomes.count - created) found; \(evses) EVSEs created"
                    + (deferred > 0 ? ", \(deferred) left to the back end (made at the first StatusNotification)" : ""))
        case .failure(let error):
            log("chargesim fleet: --register-via-api failed: \(error)")
            throw ExitCode(APIExitCode(error).rawValue)
        case .none:
            preconditionFailure("registration finished without a result")
        }
    }
}
