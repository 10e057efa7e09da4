import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and SIGTERM for `chargesim fleet`: the first one asks for a clean stop, a
/// later one runs the handler given to ``onSecondSignal(_:)``.
final class FleetSignals {
    private let semaphore = DispatchSemaphore(value: 0)
    private let sources: [any DispatchSourceSignal]
    private let state = SignalState()

    init() {
        let queue = DispatchQueue(label: "chargesim.signals")
        var sources: [any DispatchSourceSignal] = []
        for signal in [SIGINT, SIGTERM] {
            // The default action would kill the process before the fleet saved its state.
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
            sources.append(source)
        }
        self.sources = sources
        let semaphore = semaphore
        let state = state
        for source in sources {
            source.setEventHandler {
                if let second = state.received() { second() } else { semaphore.signal() }
            }
            source.resume()
        }
    }

    /// Waits up to `timeout` for the first signal; true when it came.
    func wait(timeout: Duration) -> Bool {
        semaphore.wait(timeout: .now() + .milliseconds(Int(timeout.wholeMilliseconds))) == .success
    }

    /// What a signal after the first does.
    func onSecondSignal(_ handler: @escaping @Sendable () -> Void) {
        state.setSecond(handler)
    }
}
