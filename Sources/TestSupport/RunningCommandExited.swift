/// The child exited before doing what the test waited for; carries what it wrote to stderr.
public struct RunningCommandExited: Error, CustomStringConvertible {
    /// The child's standard error.
    public var standardError: String
    public var description: String { "the command exited early: \(standardError)" }
}
