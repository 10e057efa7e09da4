import Foundation

/// Reads a traffic file (YAML, ``TrafficProfile``) and checks it, reporting every problem
/// with its line, as ``ProfileLoader`` does for charger profiles.
public struct TrafficLoader: Sendable {
    public init() {}

    /// Loads the traffic file at `url`; `file` is the name used in messages (default: the path).
    public func load(contentsOf url: URL, file: String? = nil) throws(ProfileLoadError) -> TrafficProfile {
        let name = file ?? url.path
        return try load(yaml: ProfileLoader.read(url, file: name), file: name)
    }

    /// Loads a traffic file from YAML text; `file` is the name used in messages.
    public func load(yaml: String, file: String) throws(ProfileLoadError) -> TrafficProfile {
        try ProfileLoader.decode(
            TrafficProfile.self, yaml: yaml, file: file,
            emptyMessage: "the file is empty; a traffic file needs arrivalsPerHour and dwellMinutes"
        ) { $0.validate() }
    }
}
