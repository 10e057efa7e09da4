import Foundation
import Yams

/// Reads a charger profile from YAML and checks it, reporting every problem with its line.
public struct ProfileLoader: Sendable {
    public init() {}

    /// Loads the profile at `url`; `file` is the name used in messages (default: the path).
    public func load(contentsOf url: URL, file: String? = nil) throws(ProfileLoadError) -> ChargerProfile {
        let name = file ?? url.path
        let text = try Self.read(url, file: name)
        return try load(yaml: text, file: name)
    }

    /// Loads a profile from YAML text; `file` is the name used in messages.
    public func load(yaml: String, file: String) throws(ProfileLoadError) -> ChargerProfile {
        try Self.decode(
            ChargerProfile.self, yaml: yaml, file: file,
            emptyMessage: "the file is empty; a profile needs identity, connectors, featureProfiles and evMix"
        ) { $0.validate() }
    }

    /// Decodes a YAML document of profile-style types (``ProfileFields``), then runs
    /// `validate`; every problem is reported with its line. Traffic and chaos files use it too.
    static func decode<T: Decodable>(
        _ type: T.Type, yaml: String, file: String, emptyMessage: String, validate: (T) -> [ProfileProblem]
    ) throws(ProfileLoadError) -> T {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                throw ProfileLoadError(
                    file: file, problems: [ProfileProblem(path: .root, message: emptyMessage, line: 1)])
            }
            root = node
        } catch let error as ProfileLoadError {
            throw error
        } catch {
            throw ProfileLoadError(file: file, problems: [Self.syntaxProblem(error)])
        }
        let collector = ProfileProblemCollector(root: root)
        var value: T?
        do {
            value = try YAMLDecoder().decode(T.self, from: root, userInfo: [.profileProblems: collector])
        } catch is ProfileDecodingFailed {
            value = nil
        } catch {
            collector.problems.append(ProfileProblem(path: .root, message: String(describing: error)))
        }
        var problems = collector.problems + (value.map(validate) ?? [])
        for index in problems.indices {
            problems[index].line = Self.line(of: problems[index].path, in: root)
        }
        // Stable sort: file order, and the order found within a line.
        problems = problems.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
        guard let value, problems.isEmpty else { throw ProfileLoadError(file: file, problems: problems) }
        return value
    }

    /// Reads the file at `url` for a loader; `file` is the name used in messages.
    static func read(_ url: URL, file: String) throws(ProfileLoadError) -> String {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ProfileLoadError(file: file, problems: [ProfileProblem(path: .root, message: "no such file")])
        }
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            let problem = ProfileProblem(path: .root, message: "cannot read the file: \(error.localizedDescription)")
            throw ProfileLoadError(file: file, problems: [problem])
        }
    }

    /// The line of the value at `path`, or, where the file has no such value (a missing field),
    /// the line of the nearest thing above it that it does have.
    static func line(of path: ProfilePath, in root: Node) -> Int {
        var node = root
        var line = root.mark?.line ?? 1
        for component in path.components {
            switch (component, node) {
            case (.key(let key), .mapping(let mapping)):
                guard let pair = mapping.first(where: { $0.key.string == key }) else { return line }
                line = pair.key.mark?.line ?? line
                node = pair.value
            case (.index(let index), .sequence(let sequence)):
                guard sequence.indices.contains(index) else { return line }
                node = sequence[index]
                line = node.mark?.line ?? line
            case (.key, _), (.index, _):
                return line
            }
        }
        return line
    }

    private static func syntaxProblem(_ error: any Error) -> ProfileProblem {
        guard let yamlError = error as? YamlError else {
            return ProfileProblem(path: .root, message: "not valid YAML: \(error)", line: 1)
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let during = context.map { " (\($0.text))" } ?? ""
            return ProfileProblem(path: .root, message: "not valid YAML: \(problem)\(during)", line: mark.line)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().joined(separator: ", ")
            return ProfileProblem(
                path: .root, message: "duplicate key \"\(keys)\"; keep one of them", line: context.mark.line)
        case .reader(let problem, _, _, _):
            return ProfileProblem(path: .root, message: "not valid YAML: \(problem)", line: 1)
        case .no, .memory, .writer, .emitter, .representer, .dataCouldNotBeDecoded:
            return ProfileProblem(path: .root, message: "not valid YAML: \(yamlError)", line: 1)
        }
    }
}
