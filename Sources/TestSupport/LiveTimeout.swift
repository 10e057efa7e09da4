/// Bounds how long a live (network) test may wait for something: the awaited work races a
/// deadline, and the loser is cancelled. Live tests await events, they never sleep.
public enum LiveTimeout {
    /// The operation did not finish in time.
    public struct Expired: Error, CustomStringConvertible {
        public let what: String
        public let seconds: Double
        public init(what: String, seconds: Double) {
            self.what = what
            self.seconds = seconds
        }

        public var description: String { "timed out after \(seconds) s waiting for \(what)" }
    }

    /// Runs `operation`, throwing `Expired` when it takes longer than `seconds`.
    public static func run<T: Sendable>(
        _ what: String, seconds: Double = 10, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
                throw Expired(what: what, seconds: seconds)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw Expired(what: what, seconds: seconds) }
            return first
        }
    }
}
