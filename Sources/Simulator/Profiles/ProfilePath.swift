/// Where in a profile a value sits: `connectors[1].phases`.
public struct ProfilePath: Sendable, Hashable, CustomStringConvertible {
    /// One step down the tree.
    public enum Component: Sendable, Hashable {
        /// A mapping key.
        case key(String)
        /// A list position, from 0.
        case index(Int)
    }

    /// The steps from the top of the file.
    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The top of the file.
    public static let root = ProfilePath()

    /// The path one key further down.
    public func appending(_ key: String) -> ProfilePath {
        ProfilePath(components + [.key(key)])
    }

    /// The path one list position further down.
    public func appending(index: Int) -> ProfilePath {
        ProfilePath(components + [.index(index)])
    }

    /// `identity.chargePointVendor`, `connectors[0].maxCurrentA`; empty for the root.
    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The path a `Decoder` reports, with list positions from the keys' integer values.
    init(codingPath: [any CodingKey]) {
        self.init(codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) })
    }
}
