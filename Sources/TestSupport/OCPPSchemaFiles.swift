import Foundation

/// The official OCPP 1.6 JSON schemas in `shared/ocpp16/schemas/`, the folder beside the clone.
public enum OCPPSchemaFiles {
    /// The schema folder, found from the calling test file: `<clone>/Tests/<Module>Tests/<file>.swift`
    /// sits three levels under the folder that holds both the clone and `shared/`.
    public static func directory(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("shared/ocpp16/schemas", isDirectory: true)
    }

    /// The schema names (file names without `.json`), sorted, e.g. `"Authorize"`, `"AuthorizeResponse"`.
    public static func names(filePath: String = #filePath) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory(filePath: filePath).path)
            .filter { $0.hasSuffix(".json") }
            .map { String($0.dropLast(5)) }
            .sorted()
    }

    /// The parsed schema `name` (`JSONSerialization` objects).
    public static func schema(_ name: String, filePath: String = #filePath) throws -> Any {
        let url = directory(filePath: filePath).appendingPathComponent(name + ".json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }
}
