import Foundation
import NIOConcurrencyHelpers
import NIOCore
import Synchronization

/// The subscribers of the event stream. Publishing checks one relaxed atomic first, so a fleet
/// nobody watches pays nothing more; each subscriber's buffer is bounded (the newest
/// ``bufferLimit`` events are kept for a slow reader).
final class ControlEventHub: Sendable {
    /// Events kept per subscriber that has not read them yet.
    static let bufferLimit = 4096

    private struct Subscriber {
        var chargePointId: String?
        var types: Set<String>?
        var continuation: AsyncStream<ByteBuffer>.Continuation
    }

    private let count = Atomic<Int>(0)
    private let subscribers = NIOLockedValueBox<(next: Int, all: [Int: Subscriber])>((0, [:]))

    /// Whether anyone listens.
    var hasSubscribers: Bool { count.load(ordering: .relaxed) > 0 }

    /// A stream of server-sent events (`data: {...}\n\n`) for one charger or (nil) all, of the
    /// event `types` (nil: all).
    func subscribe(chargePointId: String?, types: Set<String>?) -> AsyncStream<ByteBuffer> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: ByteBuffer.self, bufferingPolicy: .bufferingNewest(Self.bufferLimit))
        let key = subscribers.withLockedValue { state in
            let key = state.next
            state.next += 1
            state.all[key] = Subscriber(chargePointId: chargePointId, types: types, continuation: continuation)
            return key
        }
        count.add(1, ordering: .relaxed)
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            let removed = self.subscribers.withLockedValue { $0.all.removeValue(forKey: key) != nil }
            if removed { self.count.subtract(1, ordering: .relaxed) }
        }
        return stream
    }

    /// Sends `event` to the subscribers that want it (encoded once).
    func publish(_ event: ControlEvent) {
        let targets = subscribers.withLockedValue { state in
            state.all.values.filter { subscriber in
                (subscriber.chargePointId == nil || subscriber.chargePointId == event.chargePointId)
                    && (subscriber.types?.contains(event.type) ?? true)
            }.map(\.continuation)
        }
        guard !targets.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let json = try? encoder.encode(event) else { return }
        var buffer = ByteBuffer()
        buffer.writeString("data: ")
        buffer.writeBytes(json)
        buffer.writeString("\n\n")
        for continuation in targets { continuation.yield(buffer) }
    }

    /// A comment line that keeps idle streams open (and notices closed ones).
    func keepAlive() {
        let targets = subscribers.withLockedValue { $0.all.values.map(\.continuation) }
        for continuation in targets { continuation.yield(ByteBuffer(string: ": keep-alive\n\n")) }
    }
}
