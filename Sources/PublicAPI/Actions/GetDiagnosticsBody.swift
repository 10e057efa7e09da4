import Foundation

/// Body of get-diagnostics (reference §5).
public struct GetDiagnosticsBody: Codable, Hashable, Sendable {
    /// `location`: Upload URL (FTP).
    public var location: String
    /// `start`: From.
    public var start: Date?
    /// `stop`: To.
    public var stop: Date?

    /// Creates the value; optional fields default to absent.
    public init(location: String, start: Date? = nil, stop: Date? = nil) {
        self.location = location
        self.start = start
        self.stop = stop
    }
}
