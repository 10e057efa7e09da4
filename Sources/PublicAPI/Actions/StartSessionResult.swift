/// 202 answer of start session (reference §5); the no-EVSE variant has no `sessionId`.
public struct StartSessionResult: Codable, Hashable, Sendable {
    /// `success`: Whether the start was accepted.
    public var success: Bool
    /// `sessionId`: Session, an integer here (§6.1).
    public var sessionId: Int?
    /// `authorizationId`: Authorization.
    public var authorizationId: Int?
    /// `message`: Why it failed.
    public var message: String?
    /// `errorCode`: Failure code, with `success: false`.
    public var errorCode: StartSessionErrorCode?

    /// Creates the value; optional fields default to absent.
    public init(
        success: Bool, sessionId: Int? = nil, authorizationId: Int? = nil, message: String? = nil,
        errorCode: StartSessionErrorCode? = nil
    ) {
        self.success = success
        self.sessionId = sessionId
        self.authorizationId = authorizationId
        self.message = message
        self.errorCode = errorCode
    }
}
