import Foundation

extension RunningCommand {
    /// The JSON object of the ready file `chargesim demo`/`csms` write at `path` once serving
    /// (`apiBaseUrl`, `ocppUrl`, `token`, `chargePointIds`), polled until it appears; fails when
    /// the child exits first or `seconds` pass.
    public func readyFile(at path: String, seconds: Double = 60) async throws -> [String: Any] {
        let text = try await LiveTimeout.run("the ready file \(path)", seconds: seconds) { [self] () -> Data in
            while true {
                if let data = FileManager.default.contents(atPath: path),
                    (try? JSONSerialization.jsonObject(with: data)) is [String: Any]
                {
                    return data
                }
                guard isRunning else {
                    throw RunningCommandExited(standardError: standardError)
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        return (try JSONSerialization.jsonObject(with: text)) as? [String: Any] ?? [:]
    }
}
