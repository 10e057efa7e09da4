import Foundation
import PublicAPI

/// Writes results: the API's JSON shapes with `--json`, aligned tables for people otherwise.
struct APIOutput {
    let json: Bool

    /// Prints `value` as JSON when `--json`, else `table()`.
    func show<Value: Encodable>(_ value: Value, table: () -> Table) throws {
        if json {
            let encoder = PublicAPIJSON.makeEncoder()
            encoder.outputFormatting.insert(.prettyPrinted)
            StandardOutput.write(String(decoding: try encoder.encode(value), as: UTF8.self))
        } else {
            StandardOutput.write(table().rendered)
        }
    }

    /// Prints a one-line confirmation for people, `{"success":true,...}`-like JSON for scripts.
    func done(_ message: String, json object: [String: JSONValue] = [:]) throws {
        if json {
            var body = object
            body["success"] = .bool(true)
            try show(body) { Table(headers: [], rows: []) }
        } else {
            StandardOutput.write(message)
        }
    }
}
