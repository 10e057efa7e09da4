import PublicAPI

/// A dotted path into a JSON object (`power.latest`, `connectors.0.status`).
struct ScenarioFieldPath {
    let components: [String]

    init(_ text: String) {
        components = text.split(separator: ".").map(String.init)
    }

    /// The value at the path, `nil` when a component is missing.
    func value(in object: JSONValue) -> JSONValue? {
        var current = object
        for component in components {
            switch current {
            case .object(let dictionary):
                guard let next = dictionary[component] else { return nil }
                current = next
            case .array(let array):
                guard let index = Int(component), array.indices.contains(index) else { return nil }
                current = array[index]
            case .null, .bool, .number, .string:
                return nil
            }
        }
        return current
    }
}
