import Foundation

extension LoopbackHTTPServer.Request {
    /// The body as a JSON object (a webhook payload), empty when it is not one.
    public var jsonObject: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }
}
