/// A CALL received from the peer whose action this side handles; answer it through
/// ``RPCEndpoint/answer(_:with:)`` (typically with ``ActionRegistry/handle(_:context:)``).
public struct InboundCall: Sendable, Equatable {
    /// The peer's message id, to be echoed by the answer.
    public var messageId: String
    /// The action name, e.g. `"RemoteStartTransaction"`.
    public var action: String
    /// The undecoded payload.
    public var payload: RawJSON

    public init(messageId: String, action: String, payload: RawJSON) {
        self.messageId = messageId
        self.action = action
        self.payload = payload
    }
}
