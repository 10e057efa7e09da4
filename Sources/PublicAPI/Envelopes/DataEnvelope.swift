/// A single object as the API wraps it: `{"data": ...}` (reference §1, §2.6).
public struct DataEnvelope<Payload: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    /// The wrapped object (or list, for unpaged lists such as consumption stats).
    public var data: Payload

    /// Wraps `data`.
    public init(data: Payload) {
        self.data = data
    }
}
