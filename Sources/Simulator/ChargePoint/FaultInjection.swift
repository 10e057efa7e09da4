import Foundation
import OCPP16

/// Random faults of a simulated charger (the profile's `behaviour.faultRatePerHour`,
/// `faultDurationSeconds` and `faultErrorCodes`): faults arrive as a Poisson process, so the
/// time between the end of one and the start of the next is exponentially distributed; each
/// puts one connector in Faulted (OCPP 1.6 §4.9, §7.6) with a code drawn from the list, for the
/// fault duration. It draws from its own generator, seeded from the charger's, so the charger's
/// other random choices do not depend on the faults.
struct FaultInjection: Sendable, Equatable {
    /// Where the injector stands.
    enum State: Sendable, Equatable {
        /// The next fault strikes then.
        case waiting(until: OCPPTimestamp)
        /// A fault it set on `connectorId`, cleared at `clearsAt`.
        case faulted(connectorId: Int, fault: ConnectorState.Fault, clearsAt: OCPPTimestamp)
    }

    var state: State
    /// Faults per hour.
    let ratePerHour: Double
    let duration: Duration
    let errorCodes: [ChargePointErrorCode]
    var random: SeededRandomNumberGenerator

    /// The usable error codes of `behaviour.faultErrorCodes` (a charger's template keeps them).
    static func errorCodes(of behaviour: ChargerBehaviour) -> [ChargePointErrorCode] {
        behaviour.faultErrorCodes.compactMap { ChargePointErrorCode(rawValue: $0) }.filter { $0 != .noError }
    }

    /// Nil when the profile's rate is 0 (or `codes`, from ``errorCodes(of:)``, is empty): no
    /// faults at all, and nothing is drawn from `random`.
    init?(
        behaviour: ChargerBehaviour, codes: [ChargePointErrorCode], random: inout SeededRandomNumberGenerator,
        now: OCPPTimestamp
    ) {
        guard behaviour.faultRatePerHour > 0, behaviour.faultRatePerHour.isFinite, !codes.isEmpty else { return nil }
        ratePerHour = behaviour.faultRatePerHour
        duration = .milliseconds(Int64(max(behaviour.faultDurationSeconds, 0.001) * 1000))
        errorCodes = codes
        self.random = SeededRandomNumberGenerator(seed: random.next())
        // Every property must be set before the first draw; the placeholder is replaced at once.
        state = .waiting(until: now)
        state = .waiting(until: now + nextInterval())
    }

    /// When the injector must act next.
    var nextEvent: OCPPTimestamp {
        switch state {
        case .waiting(let until): until
        case .faulted(_, _, let clearsAt): clearsAt
        }
    }

    /// An exponentially distributed wait with mean 1/rate hours (at least 1 ms).
    mutating func nextInterval() -> Duration {
        let uniform = Double.random(in: 0..<1, using: &random)
        let hours = -log(1 - uniform) / ratePerHour
        let milliseconds = min(max((hours * 3_600_000).rounded(), 1), 1e12)
        return .milliseconds(Int64(milliseconds))
    }

    /// A fault with one of the error codes.
    mutating func drawFault() -> ConnectorState.Fault {
        let code = errorCodes.randomElement(using: &random) ?? .internalError
        return ConnectorState.Fault(errorCode: code, info: "Simulated fault", vendorErrorCode: nil)
    }
}
