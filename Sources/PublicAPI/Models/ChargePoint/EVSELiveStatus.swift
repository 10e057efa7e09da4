/// One EVSE in the status endpoint (reference §4.3); `id` is the EVSE system id.
public struct EVSELiveStatus: Codable, Hashable, Sendable {
    /// `id`: EVSE system id.
    public var id: Int
    /// `hardwareStatus`: Live status or `null`.
    @ExplicitNull public var hardwareStatus: EVSEHardwareStatus?

    /// Creates the value; optional fields default to absent.
    public init(id: Int, hardwareStatus: EVSEHardwareStatus? = nil) {
        self.id = id
        self.hardwareStatus = hardwareStatus
    }
}
