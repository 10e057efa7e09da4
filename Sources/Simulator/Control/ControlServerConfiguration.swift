/// Where the control API listens and who may use it.
public struct ControlServerConfiguration: Sendable {
    /// The address to bind; loopback by default.
    public var host: String
    /// The port (0: pick a free one; ``ControlServer/run(onBound:)`` tells which).
    public var port: Int
    /// The Bearer token every call except the dashboard page and `/openapi.json` needs; nil:
    /// none (only allowed on loopback, see ``problem``).
    public var token: String?
    /// A folder for per-charger trace files (`<id>.jsonl`, one frame a line); nil: none.
    public var traceDirectory: String?
    /// The largest request body, bytes.
    public var maxBodyBytes: Int

    public init(
        host: String = "127.0.0.1", port: Int = 0, token: String? = nil, traceDirectory: String? = nil,
        maxBodyBytes: Int = 64 * 1024
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.traceDirectory = traceDirectory
        self.maxBodyBytes = maxBodyBytes
    }

    /// Whether `host` only accepts connections from this machine.
    public var isLoopback: Bool {
        let lowered = host.lowercased()
        return lowered == "localhost" || lowered == "::1" || lowered == "[::1]" || lowered.hasPrefix("127.")
    }

    /// What is wrong with this configuration, if anything: a non-loopback address needs a token.
    public var problem: String? {
        if !isLoopback, token?.isEmpty ?? true {
            return "the control API on \(host) would be open to the network: pass a token (--control-token) "
                + "or bind a loopback address (127.0.0.1)"
        }
        if let token, token.count < 16 { return "the control token must be at least 16 characters" }
        if !(0...65_535).contains(port) { return "the control port must be between 0 and 65535, got \(port)" }
        return nil
    }
}
