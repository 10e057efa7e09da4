import Foundation
import NIOConcurrencyHelpers
import NIOCore
import OCPP16
import Prometheus

/// Prometheus metrics of a fleet (`GET /metrics`). Per-frame counts live in one ``LoopMetrics``
/// per event loop (no lock on the hot path); a scrape sums them, reads every charger's state on
/// its loop, and writes the result into a swift-prometheus registry (counters grow by what was
/// counted since the last scrape, gauges are set). The round-trip histogram is summed the same
/// way and rendered in the exposition format next to it.
final class ControlMetrics: Sendable {
    private let loops: [ObjectIdentifier: LoopMetrics]
    private let registry = PrometheusCollectorRegistry()
    /// The counter values already added to the registry, by metric and labels.
    private let reported = NIOLockedValueBox<[String: Int]>([:])

    init(eventLoops: [any EventLoop]) {
        var loops: [ObjectIdentifier: LoopMetrics] = [:]
        for loop in eventLoops { loops[ObjectIdentifier(loop)] = LoopMetrics(eventLoop: loop) }
        self.loops = loops
    }

    /// Counts `event`; called on the charger's loop.
    func record(_ event: ChargerEvent, charger: ChargerRuntime, at: OCPPTimestamp) {
        loops[ObjectIdentifier(charger.eventLoop)]?.record(event, charger: charger, at: at)
    }

    /// The exposition text of every metric now.
    func scrape(fleet: Fleet) async throws -> String {
        let chargers = fleet.chargers
        var totals = LoopMetrics.Totals(
            roundTripBuckets: Array(repeating: 0, count: LoopMetrics.roundTripBounds.count + 1))
        let overviews: [ChargerOverview]
        overviews = try await FleetRoutes.overviews(chargers)
        for metrics in loops.values {
            let loopTotals = try await metrics.eventLoop.submit { metrics.totals }.get()
            for (key, value) in loopTotals.messages { totals.messages[key, default: 0] += value }
            for (key, value) in loopTotals.callErrors { totals.callErrors[key, default: 0] += value }
            for index in totals.roundTripBuckets.indices {
                totals.roundTripBuckets[index] += loopTotals.roundTripBuckets[index]
            }
            totals.roundTripSum += loopTotals.roundTripSum
            totals.roundTripCount += loopTotals.roundTripCount
            totals.connections += loopTotals.connections
            totals.reconnects += loopTotals.reconnects
        }
        reported.withLockedValue { reported in
            func count(_ name: String, _ help: String, _ labels: [(String, String)], _ value: Int) {
                let key = name + labels.map { "|\($0.0)=\($0.1)" }.joined()
                let delta = value - (reported[key] ?? 0)
                let counter = registry.makeCounter(descriptor: Self.descriptor(name, help), labels: labels)
                if delta > 0 { counter.increment(by: Int64(delta)) }
                reported[key] = value
            }
            for (key, value) in totals.messages {
                count(
                    "chargesim_ocpp_messages_total",
                    "OCPP-J frames by direction, action and kind (call, result, error)",
                    [("direction", key.direction), ("action", key.action), ("kind", key.kind)], value)
            }
            for (key, value) in totals.callErrors {
                count(
                    "chargesim_ocpp_callerrors_total", "CALLERROR frames by direction and error code",
                    [("direction", key.direction), ("code", key.code)], value)
            }
            count("chargesim_connections_total", "WebSocket connections opened", [], totals.connections)
            count(
                "chargesim_reconnects_total", "Connections opened by a charger that was connected before", [],
                totals.reconnects)
        }
        func gauge(_ name: String, _ help: String, _ labels: [(String, String)], _ value: Double) {
            registry.makeGauge(descriptor: Self.descriptor(name, help), labels: labels).set(value)
        }
        for state in ChargerLinkState.allCases {
            gauge(
                "chargesim_chargers", "Chargers by connection state", [("link", state.rawValue)],
                Double(overviews.count { $0.link == state }))
        }
        let connectors = overviews.flatMap { $0.connectors.dropFirst() }
        for status in ChargePointStatus.allCases {
            gauge(
                "chargesim_connectors", "Connectors (1 and up) by OCPP status", [("status", status.rawValue)],
                Double(connectors.count { $0.status == status }))
        }
        gauge(
            "chargesim_chargers_booted", "Chargers accepted since their last boot", [],
            Double(overviews.count(where: \.booted)))
        gauge(
            "chargesim_active_sessions", "Transactions running", [],
            Double(connectors.count { $0.sessionEnergyWh != nil }))
        gauge(
            "chargesim_offline_queue_messages", "Transaction messages waiting for confirmation", [],
            Double(overviews.reduce(0) { $0 + $1.queuedTransactionMessages }))
        gauge("chargesim_power_watts", "Power drawn by every EV, W", [], overviews.reduce(0) { $0 + $1.powerW })
        return registry.emitToString() + Self.histogram(totals)
    }

    private static func descriptor(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    private static func histogram(_ totals: LoopMetrics.Totals) -> String {
        let name = "chargesim_ocpp_roundtrip_seconds"
        var lines = [
            "# HELP \(name) Time from a charger's CALL to the central system's answer",
            "# TYPE \(name) histogram",
        ]
        var cumulative = 0
        for (index, bound) in LoopMetrics.roundTripBounds.enumerated() {
            cumulative += totals.roundTripBuckets[index]
            lines.append("\(name)_bucket{le=\"\(bound)\"} \(cumulative)")
        }
        lines.append("\(name)_bucket{le=\"+Inf\"} \(totals.roundTripCount)")
        lines.append("\(name)_sum \(totals.roundTripSum)")
        lines.append("\(name)_count \(totals.roundTripCount)")
        return lines.joined(separator: "\n") + "\n"
    }
}
