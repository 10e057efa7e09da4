/// Renders a Codable coding path the way OCPP CALLERROR descriptions name a field:
/// `"meterValue[0].sampledValue[2].value"`.
public enum OCPPFieldPath {
    /// The dotted path of `codingPath`; array positions become `[n]`. The empty path is `"$"`.
    public static func render(_ codingPath: [any CodingKey]) -> String {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                if !path.isEmpty { path += "." }
                path += key.stringValue
            }
        }
        return path.isEmpty ? "$" : path
    }
}
