import Foundation
import Hummingbird
import PublicAPI

/// Notifications (webhooks) v2.0 (reference §4.13): subscribe, list (cursor-only), read, update
/// (PUT replaces), unsubscribe; plus ([INF]) the delivery log of one subscription.
enum NotificationRoutes {
    static let base = "/public-api/notifications/v2.0"

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        return [
            APIRoute(
                .post, base, "subscribeNotification", "Subscribe to notifications", tag: "Notifications",
                success: 201, failures: [422], bodySchema: bodySchema,
                response: .data(NotificationSubscription.openAPISchema)
            ) { call in
                let body = try validated(try call.decode(NotificationSubscriptionWrite.self))
                let record = try await store.addWebhookSubscription(
                    callbackUrl: body.webhook?.callbackUrl ?? "", events: body.notifications.map(\.rawValue),
                    via: body.via.rawValue, kafka: try kafkaDocument(body.kafka), signingKey: call.token ?? "",
                    now: deps.now())
                return try APIResponse.data(NotificationSubscription(record: record), status: .created)
            },
            APIRoute(
                .get, base, "listNotifications", "List notification subscriptions", tag: "Notifications",
                success: 200, failures: [422], query: APIPagination.cursorOnly.queryParameters,
                response: .list(NotificationSubscription.openAPISchema, pagination: .cursorOnly)
            ) { call in
                let page = try await store.listWebhookSubscriptions(page: try APIPagination.cursorOnly.request(call))
                return try APIResponse.json(
                    APIPagination.envelope(
                        page, items: page.items.map(NotificationSubscription.init(record:)), call: call))
            },
            APIRoute(
                .get, "\(base)/{notification}", "readNotification", "Read a notification subscription",
                tag: "Notifications", success: 200, failures: [404],
                response: .data(NotificationSubscription.openAPISchema)
            ) { call in
                try APIResponse.data(NotificationSubscription(record: try await find(call, store)))
            },
            APIRoute(
                .put, "\(base)/{notification}", "updateNotification", "Replace a notification subscription",
                tag: "Notifications", success: 200, failures: [404, 422], bodySchema: bodySchema,
                response: .data(NotificationSubscription.openAPISchema)
            ) { call in
                let id = try await find(call, store).id ?? 0
                let body = try validated(try call.decode(NotificationSubscriptionWrite.self))
                let record = try await store.updateWebhookSubscription(
                    id: id, callbackUrl: body.webhook?.callbackUrl ?? "", events: body.notifications.map(\.rawValue),
                    via: body.via.rawValue, kafka: try kafkaDocument(body.kafka), now: deps.now())
                return try APIResponse.data(NotificationSubscription(record: record))
            },
            APIRoute(
                .delete, "\(base)/{notification}", "unsubscribeNotification", "Unsubscribe",
                tag: "Notifications", success: 204, failures: [404], response: nil
            ) { call in
                guard try await store.deleteWebhookSubscription(id: try call.id("notification", model: "Notification"))
                else { throw APIFailure.notFound("Notification") }
                return APIResponse.empty(.noContent)
            },
            APIRoute(
                .get, "\(base)/{notification}/deliveries", "listNotificationDeliveries",
                "The delivery log of a subscription, every attempt oldest first ([INF])", tag: "Notifications",
                success: 200, failures: [404, 422], query: APIPagination.cursorOnly.queryParameters,
                response: .list(WebhookDeliveryAttempt.openAPISchema, pagination: .cursorOnly)
            ) { call in
                let id = try await find(call, store).id ?? 0
                let page = try await store.webhookDeliveries(
                    subscriptionId: id, page: try APIPagination.cursorOnly.request(call))
                return try APIResponse.json(
                    APIPagination.envelope(
                        page, items: page.items.map(WebhookDeliveryAttempt.init(record:)), call: call))
            },
        ]
    }

    static func find(_ call: APICall, _ store: Store) async throws -> WebhookSubscriptionRecord {
        guard let record = try await store.webhookSubscription(id: try call.id("notification", model: "Notification"))
        else { throw APIFailure.notFound("Notification") }
        return record
    }

    /// The checks the JSON Schema below states, with Laravel-style 422 messages.
    static func validated(_ body: NotificationSubscriptionWrite) throws(APIFailure) -> NotificationSubscriptionWrite {
        var body = body
        guard NotificationChannel.knownCases.contains(body.via) else {
            throw .invalid("via", "The selected via is invalid.")
        }
        guard !body.notifications.isEmpty else {
            throw .invalid("notifications", "The notifications field is required.")
        }
        for (index, event) in body.notifications.enumerated() where !NotificationEvent.knownCases.contains(event) {
            throw .invalid("notifications.\(index)", "The selected notifications.\(index) is invalid.")
        }
        var seen: Set<NotificationEvent> = []
        body.notifications = body.notifications.filter { seen.insert($0).inserted }
        switch body.via {
        case .webhook:
            guard let url = body.webhook?.callbackUrl else {
                throw .invalid("webhook", "The webhook field is required when via is webhook.")
            }
            guard url.count <= 500, isCallbackURL(url) else {
                throw .invalid(
                    "webhook.callbackUrl", "The webhook.callbackUrl must be an http(s) URL of at most 500 characters.")
            }
            body.kafka = nil
        case .kafka, .unknown:
            guard let kafka = body.kafka else {
                throw .invalid("kafka", "The kafka field is required when via is kafka.")
            }
            guard let topic = kafka.topic, !topic.isEmpty else {
                throw .invalid("kafka.topic", "The kafka.topic field is required.")
            }
            guard let brokers = kafka.brokers, !brokers.isEmpty, brokers.allSatisfy({ !$0.isEmpty }) else {
                throw .invalid("kafka.brokers", "The kafka.brokers field must list at least one broker.")
            }
            if let codec = kafka.compressionCodec, !KafkaCompressionCodec.knownCases.contains(codec) {
                throw .invalid("kafka.compressionCodec", "The selected kafka.compressionCodec is invalid.")
            }
            if let security = kafka.securityProtocol, !KafkaSecurityProtocol.knownCases.contains(security) {
                throw .invalid("kafka.securityProtocol", "The selected kafka.securityProtocol is invalid.")
            }
            body.webhook = nil
        }
        return body
    }

    /// An absolute `http`/`https` URL with a host, the form `async-http-client` can POST to.
    static func isCallbackURL(_ text: String) -> Bool {
        guard text.range(of: #"^https?://[^\s/?#]+[^\s]*$"#, options: .regularExpression) != nil,
            let components = URLComponents(string: text), let host = components.host, !host.isEmpty
        else { return false }
        return true
    }

    static func kafkaDocument(_ kafka: KafkaTarget?) throws -> String? {
        guard let kafka else { return nil }
        return String(decoding: try PublicAPIJSON.makeEncoder().encode(kafka), as: UTF8.self)
    }

    static let bodySchema: String = {
        let events = NotificationEvent.knownCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
        return #"""
            {"type":"object","required":["via","notifications"],"properties":{
             "id":{"type":"integer","nullable":true},
             "via":{"type":"string","enum":["webhook","kafka"]},
             "notifications":{"type":"array","minItems":1,"items":{"type":"string","enum":[\#(events)]}},
             "webhook":{"type":"object","nullable":true,"required":["callbackUrl"],"properties":{
               "callbackUrl":{"type":"string","maxLength":500,"pattern":"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$"}}},
             "kafka":{"type":"object","nullable":true,"required":["topic","brokers"],"properties":{
               "topic":{"type":"string","minLength":1},
               "brokers":{"type":"array","minItems":1,"items":{"type":"string","minLength":1}},
               "compressionCodec":{"type":"string","enum":["gzip"],"nullable":true},
               "securityProtocol":{"type":"string","enum":["PLAINTEXT","SASL_SSL"],"nullable":true},
               "saslMechanism":{"type":"string","nullable":true},"saslUsername":{"type":"string","nullable":true},
               "saslPassword":{"type":"string","nullable":true}}}},
             "oneOf":[{"required":["webhook"],"properties":{"via":{"enum":["webhook"]},
                        "webhook":{"type":"object","nullable":false}}},
                      {"required":["kafka"],"properties":{"via":{"enum":["kafka"]},
                        "kafka":{"type":"object","nullable":false}}}]}
            """#
    }()
}

extension NotificationSubscription {
    /// Notifications v2.0 object; the Kafka SASL password is write-only ([INF]).
    init(record: WebhookSubscriptionRecord) {
        let via = NotificationChannel(rawValue: record.via)
        var kafka = record.kafka.flatMap {
            try? PublicAPIJSON.makeDecoder().decode(KafkaTarget.self, from: Data($0.utf8))
        }
        kafka?.saslPassword = nil
        self.init(
            id: Int(record.id ?? 0), via: via,
            notifications: record.events.split(separator: ",").map { NotificationEvent(rawValue: String($0)) },
            webhook: via == .webhook ? WebhookTarget(callbackUrl: record.callbackUrl) : nil,
            kafka: via == .webhook ? nil : kafka)
    }
}

/// One entry of a subscription's delivery log ([INF]: AMPECO has no such endpoint).
struct WebhookDeliveryAttempt: Codable, Hashable, Sendable {
    var id: Int
    var notification: String
    var deliveryId: String?
    var attempt: Int
    var responseStatus: Int?
    var error: String?
    var attemptedAt: Date
    var nextAttemptAt: Date?
    var payload: String

    init(record: WebhookDeliveryRecord) {
        id = Int(record.id ?? 0)
        notification = record.event
        deliveryId = record.deliveryKey
        attempt = record.attempt
        responseStatus = record.responseStatus
        error = record.error
        attemptedAt = record.createdAt
        nextAttemptAt = record.nextAttemptAt
        payload = record.payload
    }
}
