import Synchronization

/// The lines a fleet, a runtime or a server logged, collected from any thread: pass
/// ``append(_:)`` as the `log` callback, then ask ``contains(_:)``.
public final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    public init() {}

    /// Records one line.
    public func append(_ line: String) { lines.withLock { $0.append(line) } }

    /// Every line so far, in order.
    public var all: [String] { lines.withLock { $0 } }

    /// Whether a line so far contains `text`.
    public func contains(_ text: String) -> Bool { all.contains { $0.contains(text) } }
}
