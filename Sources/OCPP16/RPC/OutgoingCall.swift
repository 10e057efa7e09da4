/// A CALL the shell must write to the connection now.
public struct OutgoingCall: Sendable, Equatable {
    /// The id the endpoint assigned; the CALLRESULT or CALLERROR will carry it.
    public var messageId: String
    /// The action name.
    public var action: String
    /// The whole frame, `[2,"<id>","<Action>",{...}]`.
    public var bytes: [UInt8]

    public init(messageId: String, action: String, bytes: [UInt8]) {
        self.messageId = messageId
        self.action = action
        self.bytes = bytes
    }
}
