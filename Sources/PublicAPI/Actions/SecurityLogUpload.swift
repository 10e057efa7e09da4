/// `{data}` of the 201 answer of get-security-log; `file_name` is snake_case (reference §5).
public struct SecurityLogUpload: Codable, Hashable, Sendable {
    /// `id`: Request id.
    public var id: Int
    /// `status`: Status.
    public var status: String
    /// `file_name`: File name.
    public var fileName: String?
    /// `logType`: "SecurityLog".
    public var logType: String
    /// `chargePointId`: Charge point.
    public var chargePointId: Int

    private enum CodingKeys: String, CodingKey {
        case id
        case status
        case fileName = "file_name"
        case logType
        case chargePointId
    }

    /// Creates the value; optional fields default to absent.
    public init(id: Int, status: String, fileName: String? = nil, logType: String, chargePointId: Int) {
        self.id = id
        self.status = status
        self.fileName = fileName
        self.logType = logType
        self.chargePointId = chargePointId
    }
}
