import Foundation

/// A YAML file the fleet reads besides charger profiles (`--traffic`, `--chaos`): decoded and
/// checked like a profile, every problem reported with its line.
public protocol YAMLDocument: Decodable {
    /// What an empty file is told to contain.
    static var emptyFileMessage: String { get }
    /// The problems a decoded file still has (ranges, shares, ...).
    func validate() -> [ProfileProblem]
}

/// Reads a ``YAMLDocument`` with ``ProfileLoader``'s decoding and error reporting.
public struct YAMLFileLoader<Document: YAMLDocument>: Sendable {
    public init() {}

    /// Loads the file at `url`; `file` is the name used in messages (default: the path).
    public func load(contentsOf url: URL, file: String? = nil) throws(ProfileLoadError) -> Document {
        let name = file ?? url.path
        return try load(yaml: ProfileLoader.read(url, file: name), file: name)
    }

    /// Loads a file from YAML text; `file` is the name used in messages.
    public func load(yaml: String, file: String) throws(ProfileLoadError) -> Document {
        try ProfileLoader.decode(Document.self, yaml: yaml, file: file, emptyMessage: Document.emptyFileMessage) {
            $0.validate()
        }
    }
}

/// Reads a traffic file (``TrafficProfile``).
public typealias TrafficLoader = YAMLFileLoader<TrafficProfile>
/// Reads a chaos file (``ChaosProfile``).
public typealias ChaosLoader = YAMLFileLoader<ChaosProfile>

extension TrafficProfile: YAMLDocument {
    public static let emptyFileMessage = "the file is empty; a traffic file needs arrivalsPerHour and dwellMinutes"
}

extension ChaosProfile: YAMLDocument {
    public static let emptyFileMessage = "the file is empty; name at least one kind of chaos"
}
