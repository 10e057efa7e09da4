/// The endpoint's role decides which window/context parameters apply to which direction.
public enum PerMessageDeflateRole: Sendable, Equatable {
    case client
    case server
}
