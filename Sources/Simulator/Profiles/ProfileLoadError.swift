/// A profile that could not be loaded or did not validate, with every problem found.
public struct ProfileLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named it.
    public var file: String
    /// Every problem, in file order.
    public var problems: [ProfileProblem]

    public init(file: String, problems: [ProfileProblem]) {
        self.file = file
        self.problems = problems
    }

    /// One `FILE:LINE: field: problem` line per problem.
    public var lines: [String] {
        problems.map { problem in
            let location = problem.line.map { "\(file):\($0)" } ?? file
            return "\(location): \(problem)"
        }
    }

    public var description: String { lines.joined(separator: "\n") }
}
