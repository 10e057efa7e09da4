import Foundation

extension CommandRunner {
    /// ``run(_:_:environment:)`` on a thread of its own, so a test that serves the child
    /// in-process (an embedded central system) keeps its cooperative threads free to answer.
    public func runInBackground(_ executable: String, _ arguments: [String], environment: [String: String]? = nil)
        async throws -> Outcome
    {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try self.run(executable, arguments, environment: environment) })
            }
            thread.start()
        }
    }
}
