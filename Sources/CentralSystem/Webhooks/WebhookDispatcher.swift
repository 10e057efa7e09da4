import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import OCPP16
import PublicAPI
import Synchronization

/// Delivers notifications v2.0 (reference §4.13): each event is POSTed to every webhook
/// subscription that asked for it, signed with `X-Signature` = hex HMAC-SHA256 of the raw body
/// keyed with the subscription's API token, retried with exponential backoff
/// (``WebhookRetryPolicy``), and every attempt is appended to the delivery log in the store.
///
/// Events are taken in order by one queue and handed to one lane per subscription: each
/// subscription gets its first attempts in the order the changes happened, and a slow or dead
/// receiver only holds up its own lane. Retries wait in their own tasks. Deliveries still waiting
/// for a retry when the process stops are picked up by ``resumePendingRetries()`` at the next
/// start; first attempts not yet made when it stops are dropped.
public final class WebhookDispatcher: Sendable {
    /// How deliveries are made.
    public struct Configuration: Sendable {
        /// Backoff between attempts.
        public var retry: WebhookRetryPolicy
        /// How long one POST may take.
        public var requestTimeout: Duration
        /// The `X-Tenant` header.
        public var tenant: String

        public init(
            retry: WebhookRetryPolicy = .init(), requestTimeout: Duration = .seconds(10), tenant: String = "chargesim"
        ) {
            self.retry = retry
            self.requestTimeout = requestTimeout
            self.tenant = tenant
        }
    }

    /// One event to one subscription, at attempt `attempt`.
    struct Job: Sendable {
        var subscription: WebhookSubscriptionRecord
        var event: NotificationEvent
        var body: Data
        var key: String
        var attempt: Int
    }

    private struct State {
        var worker: Task<Void, Never>?
        var lanes: [Int64: (queue: AsyncStream<Job>.Continuation, task: Task<Void, Never>)] = [:]
        var mapping: AsyncStream<OCPPServerEvent>.Continuation?
        var mappingTask: Task<Void, Never>?
        var retries: [String: Task<Void, Never>] = [:]
        var stopped = false
    }

    let store: Store
    let configuration: Configuration
    private let client: HTTPClient
    private let now: @Sendable () -> OCPPTimestamp
    private let queue: AsyncStream<WebhookEvent>.Continuation
    private let state = Mutex(State())

    public init(
        store: Store, configuration: Configuration = .init(),
        now: @escaping @Sendable () -> OCPPTimestamp = { OCPPTimestamp(Date()) }
    ) {
        self.store = store
        self.configuration = configuration
        self.now = now
        // The process-wide client: it needs no shutdown, so a dispatcher that is dropped without
        // `shutdown()` (a failed start) cannot trip the client's deinit check.
        self.client = HTTPClient.shared
        let (events, queue) = AsyncStream.makeStream(of: WebhookEvent.self)
        self.queue = queue
        let worker = Task { [weak self] in
            for await event in events {
                await self?.first(event)
            }
        }
        state.withLock { $0.worker = worker }
    }

    /// The events a ``OCPPServerEvent/sessionUpdated(_:)`` change can give.
    private static let sessionUpdateEvents = [
        NotificationEvent.sessionUpdateNotification.rawValue, NotificationEvent.sessionMeterValuesNotification.rawValue,
    ]

    /// Queues `event` for every subscription that asked for it; returns at once.
    public func publish(_ event: WebhookEvent) {
        queue.yield(event)
    }

    /// Queues the notifications a change applied by the OCPP server gives rise to (hand this to
    /// ``OCPPServerConfiguration/onEvent``); returns at once, keeping the order of changes.
    public func publish(_ change: OCPPServerEvent) {
        guard !state.withLock({ $0.stopped }) else { return }
        // A change nobody subscribed to is dropped here, on the caller's thread (the connection's
        // event loop), when the subscriptions are in memory (issue 11): queueing it woke the
        // mapping task on the cooperative pool for every MeterValues, and for every boot and
        // StatusNotification of a boot storm, a thread wake-up that preempted the store's writer
        // before it handed the answer back. Only a MeterValues' session update is judged by the
        // events it gives; any other change goes on while there is any subscription.
        let events = if case .sessionUpdated = change { Self.sessionUpdateEvents } else { nil as [String]? }
        if store.cachedHasWebhookSubscription(forAnyOf: events) == false { return }
        mapping.yield(change)
    }

    /// Changes waiting to be turned into events, in order.
    private var mapping: AsyncStream<OCPPServerEvent>.Continuation {
        state.withLock { state in
            if let continuation = state.mapping { return continuation }
            let (changes, continuation) = AsyncStream.makeStream(of: OCPPServerEvent.self)
            let store = store
            state.mappingTask = Task { [weak self] in
                for await change in changes {
                    // A MeterValues' session update is the most frequent change (issue 11): its
                    // mapping reads the store twice and encodes the session, so it is skipped
                    // when nobody subscribed to what it would give.
                    if case .sessionUpdated = change,
                        (try? await store.hasWebhookSubscription(forAnyOf: Self.sessionUpdateEvents)) == false
                    {
                        continue
                    }
                    for event in await WebhookEvent.events(for: change, store: store) { self?.publish(event) }
                }
            }
            state.mapping = continuation
            return continuation
        }
    }

    /// Schedules again the deliveries whose last logged attempt asked for a retry (the process
    /// stopped while they waited).
    public func resumePendingRetries() async throws {
        let pending = try await store.pendingWebhookRetries()
        let current = now().date
        for (attempt, subscription) in pending {
            let job = Job(
                subscription: subscription, event: NotificationEvent(rawValue: attempt.event),
                body: Data(attempt.payload.utf8), key: attempt.deliveryKey ?? UUID().uuidString,
                attempt: attempt.attempt + 1)
            let wait = max(0, (attempt.nextAttemptAt ?? current).timeIntervalSince(current))
            schedule(job, after: .milliseconds(Int64(wait * 1000)))
        }
    }

    /// Stops at once: queued first attempts are dropped, POSTs under way and waiting retries are
    /// cancelled (a retry stays in the log for the next start).
    public func shutdown() async {
        let tasks = state.withLock { state -> [Task<Void, Never>] in
            state.stopped = true
            state.mapping?.finish()
            for lane in state.lanes.values { lane.queue.finish() }
            var tasks = Array(state.retries.values) + state.lanes.values.map(\.task)
            tasks += [state.mappingTask, state.worker].compactMap { $0 }
            state.retries = [:]
            state.lanes = [:]
            return tasks
        }
        queue.finish()
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }
    }

    private func schedule(_ job: Job, after delay: Duration) {
        let id = job.key + "#\(job.attempt)"
        state.withLock { state in
            guard !state.stopped else { return }
            state.retries[id] = Task { [weak self] in
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    return
                }
                await self?.attempt(job)
                _ = self?.state.withLock { $0.retries.removeValue(forKey: id) }
            }
        }
    }

    /// Queues the first attempt of `event` on the lane of each webhook subscription that asked for it.
    private func first(_ event: WebhookEvent) async {
        guard let subscriptions = try? await store.webhookSubscriptions(for: event.event.rawValue) else { return }
        let webhooks = subscriptions.filter { $0.via == NotificationChannel.webhook.rawValue }
        // Encoded only when somebody gets it (issue 11: encoding every event was a twentieth of
        // the central system's CPU in a boot storm with no subscriber).
        guard !webhooks.isEmpty else { return }
        let body = event.body()
        for subscription in webhooks {
            guard let id = subscription.id else { continue }
            let job = Job(
                subscription: subscription, event: event.event, body: body, key: UUID().uuidString, attempt: 1)
            state.withLock { state in
                guard !state.stopped else { return }
                if state.lanes[id] == nil {
                    let (jobs, lane) = AsyncStream.makeStream(of: Job.self)
                    let task = Task { [weak self] in
                        for await job in jobs {
                            if Task.isCancelled { return }
                            await self?.attempt(job)
                        }
                    }
                    state.lanes[id] = (lane, task)
                }
                state.lanes[id]?.queue.yield(job)
            }
        }
    }

    /// POSTs once, logs the attempt, and schedules the next one when it failed and one is left.
    private func attempt(_ job: Job) async {
        let sentAt = now()
        var status: Int?
        var failure: String?
        do {
            status = try await post(job, at: sentAt)
        } catch {
            // Stopped while the POST was under way: not an answer, so nothing to log or retry.
            if Task.isCancelled { return }
            failure = String(describing: error)
        }
        let delay =
            WebhookRetryPolicy.isDelivered(status: status)
            ? nil : configuration.retry.delay(afterAttempt: job.attempt)
        let next = delay.map { sentAt.date.addingTimeInterval(Self.seconds($0)) }
        guard let subscriptionId = job.subscription.id else { return }
        let entry = WebhookDeliveryRecord(
            subscriptionId: subscriptionId, event: job.event.rawValue, deliveryKey: job.key,
            payload: String(decoding: job.body, as: UTF8.self), attempt: job.attempt, responseStatus: status,
            error: failure, createdAt: sentAt.date, nextAttemptAt: next)
        // The subscription may be gone (unsubscribed meanwhile): then nothing is logged or retried.
        guard (try? await store.logWebhookDelivery(entry)) != nil else { return }
        if let delay {
            var next = job
            next.attempt += 1
            schedule(next, after: delay)
        }
    }

    private func post(_ job: Job, at time: OCPPTimestamp) async throws -> Int {
        var request = HTTPClientRequest(url: job.subscription.callbackUrl)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "ChargeSim-Webhooks/1.0")
        request.headers.add(
            name: "X-Signature", value: HMACSHA256.hex(key: job.subscription.signingKey, message: Array(job.body)))
        request.headers.add(name: "X-Timestamp", value: Self.microsecondTimestamp(time.date))
        request.headers.add(name: "X-Webhook-Id", value: String(job.subscription.id ?? 0))
        request.headers.add(name: "X-Webhook-Type", value: job.event.rawValue)
        request.headers.add(name: "X-Tenant", value: configuration.tenant)
        request.body = .bytes(ByteBuffer(bytes: job.body))
        let timeout = TimeAmount.milliseconds(Int64(Self.seconds(configuration.requestTimeout) * 1000))
        let response = try await client.execute(request, timeout: timeout)
        // The receiver's body is not used; read (a bounded amount of) it so the connection can be reused.
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return Int(response.status.code)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// `2026-01-01T12:00:00.123456Z` (reference §4.13: ISO 8601, microseconds, `Z`).
    static func microsecondTimestamp(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let (whole, fraction) = micros.quotientAndRemainder(dividingBy: 1_000_000)
        let base = Date(timeIntervalSince1970: Double(whole)).formatted(Date.ISO8601FormatStyle())
        let digits = String(max(fraction, 0))
        return String(base.dropLast()) + "." + String(repeating: "0", count: 6 - digits.count) + digits + "Z"
    }
}
