import Logging

/// The log handler of every `chargesim` process: swift-log's standard-error handler, minus one line.
/// Hummingbird logs `Waiting on child channel: CancellationError()` at error level when the task
/// serving it is cancelled, which is how chargesim stops its HTTP servers (a graceful stop would wait
/// for the dashboard's endless event streams). That line marks the normal end of a run, so a user
/// pressing Ctrl-C must not read it as an error; everything else passes through unchanged.
struct ServerStopLogFilter: LogHandler {
    private var output: StreamLogHandler

    init(label: String) { output = StreamLogHandler.standardError(label: label) }

    var metadataProvider: Logger.MetadataProvider? {
        get { output.metadataProvider }
        set { output.metadataProvider = newValue }
    }
    var metadata: Logger.Metadata {
        get { output.metadata }
        set { output.metadata = newValue }
    }
    var logLevel: Logger.Level {
        get { output.logLevel }
        set { output.logLevel = newValue }
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { output[metadataKey: key] }
        set { output[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        if Self.isServerStop(event.message.description) { return }
        output.log(event: event)
    }

    /// Whether `message` is Hummingbird's report of its own cancellation.
    static func isServerStop(_ message: String) -> Bool {
        message.hasPrefix("Waiting on child channel:") && message.hasSuffix("CancellationError()")
    }
}
