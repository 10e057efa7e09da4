import NIOCore
import OCPP16

/// The fleet's one ``ChargerObserver`` when the control API runs: counts every frame into the
/// metrics of the charger's event loop (no lock), and, only when someone listens or traces,
/// publishes it to the event stream and appends it to the trace file.
public final class ControlObserver: ChargerObserver {
    let hub = ControlEventHub()
    let metrics: ControlMetrics
    let trace: FrameTrace?

    init(eventLoops: [any EventLoop], trace: FrameTrace?) {
        self.metrics = ControlMetrics(eventLoops: eventLoops)
        self.trace = trace
    }

    public func charger(_ charger: ChargerRuntime, did event: ChargerEvent, at: OCPPTimestamp) {
        metrics.record(event, charger: charger, at: at)
        var tracing = false
        if trace != nil, case .frame = event { tracing = true }
        guard tracing || hub.hasSubscribers else { return }
        let entry = ControlEvent(event, chargePointId: charger.chargePointId, at: at)
        if tracing { trace?.write(entry) }
        hub.publish(entry)
    }
}
