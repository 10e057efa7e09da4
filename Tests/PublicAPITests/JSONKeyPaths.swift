import Foundation
import PublicAPI
import Testing

/// Every key path in a JSON document (`data.evses[].id`), to compare what was read with what is
/// written back.
func keyPaths(_ json: Data) throws -> Set<String> {
    var paths: Set<String> = []
    func walk(_ value: Any, _ prefix: String) {
        if let object = value as? [String: Any] {
            for (key, child) in object {
                let path = prefix.isEmpty ? key : "\(prefix).\(key)"
                paths.insert(path)
                walk(child, path)
            }
        } else if let array = value as? [Any] {
            for child in array { walk(child, prefix + "[]") }
        }
    }
    walk(try JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed]), "")
    return paths
}

/// Decodes `json` as `T` with the API's decoder, encodes it back, and checks that exactly the
/// same key paths come out; returns the decoded value for further checks.
@discardableResult
func roundTrip<T: Codable>(
    _ json: String, as type: T.Type, sourceLocation: SourceLocation = #_sourceLocation
) throws -> T {
    let input = Data(json.utf8)
    let value = try PublicAPIJSON.makeDecoder().decode(T.self, from: input)
    let output = try PublicAPIJSON.makeEncoder().encode(value)
    let read = try keyPaths(input)
    let written = try keyPaths(output)
    #expect(read.subtracting(written) == [], "keys lost on encode", sourceLocation: sourceLocation)
    #expect(written.subtracting(read) == [], "keys added on encode", sourceLocation: sourceLocation)
    // Decoding what we wrote gives the same value: nothing is lost in the formats either.
    let again = try PublicAPIJSON.makeDecoder().decode(T.self, from: output)
    let reencoded = try PublicAPIJSON.makeEncoder().encode(again)
    #expect(reencoded == output, "encoding is not stable", sourceLocation: sourceLocation)
    return value
}
