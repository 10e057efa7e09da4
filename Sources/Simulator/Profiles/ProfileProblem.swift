/// One thing wrong with a profile: where it is and what to fix.
public struct ProfileProblem: Sendable, Equatable, CustomStringConvertible {
    /// The field, e.g. `connectors[1].phases`; the root for file-level problems.
    public var path: ProfilePath
    /// What is wrong and what to do about it.
    public var message: String
    /// The 1-based line in the file, once known.
    public var line: Int?

    public init(path: ProfilePath, message: String, line: Int? = nil) {
        self.path = path
        self.message = message
        self.line = line
    }

    /// `field: problem`, or just the problem for the root.
    public var description: String {
        path.components.isEmpty ? message : "\(path): \(message)"
    }
}
