import Foundation

/// Reads a chaos file (YAML, ``ChaosProfile``), reporting every problem with its line.
public struct ChaosLoader: Sendable {
    public init() {}

    /// Loads the chaos file at `url`; `file` is the name used in messages (default: the path).
    public func load(contentsOf url: URL, file: String? = nil) throws(ProfileLoadError) -> ChaosProfile {
        let name = file ?? url.path
        return try load(yaml: ProfileLoader.read(url, file: name), file: name)
    }

    /// Loads a chaos file from YAML text; `file` is the name used in messages.
    public func load(yaml: String, file: String) throws(ProfileLoadError) -> ChaosProfile {
        try ProfileLoader.decode(
            ChaosProfile.self, yaml: yaml, file: file,
            emptyMessage: "the file is empty; name at least one kind of chaos"
        ) { $0.validate() }
    }
}
