/// 202 answer of get-diagnostics (reference §5).
public struct GetDiagnosticsResult: Codable, Hashable, Sendable {
    /// `success`: Accepted.
    public var success: Bool
    /// `requestId`: Request.
    public var requestId: Int?
    /// `fileName`: File the charger will upload.
    public var fileName: String?

    /// Creates the value; optional fields default to absent.
    public init(success: Bool, requestId: Int? = nil, fileName: String? = nil) {
        self.success = success
        self.requestId = requestId
        self.fileName = fileName
    }
}
