import OCPP16

/// One entry of the control API's event stream (`GET /events`), also the line format of trace
/// files: `{"type":"frame","chargePointId":"CP1","at":"...","direction":"sent","frame":"[2,...]"}`.
public struct ControlEvent: Sendable, Equatable, Codable {
    /// `frame`, `link` or `connectors`.
    public var type: String
    /// The charger.
    public var chargePointId: String
    /// When it happened.
    public var at: OCPPTimestamp
    /// For `frame`: `sent` or `received`.
    public var direction: OCPPMessageLog.Direction?
    /// For `frame`: the OCPP-J frame's text.
    public var frame: String?
    /// For `link`: the connection's new state.
    public var link: ChargerLinkState?
    /// For `connectors`: every connector after a status change.
    public var connectors: [ConnectorOverview]?

    /// The entry for `event` of `chargePointId`.
    public init(_ event: ChargerEvent, chargePointId: String, at: OCPPTimestamp) {
        self.chargePointId = chargePointId
        self.at = at
        switch event {
        case .frame(let direction, let text):
            type = "frame"
            self.direction = direction
            frame = text
        case .link(let state):
            type = "link"
            link = state
        case .connectors(let connectors):
            type = "connectors"
            self.connectors = connectors
        }
    }
}
