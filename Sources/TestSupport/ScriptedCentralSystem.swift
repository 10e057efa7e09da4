import Foundation
import OCPP16

/// A tiny central system for charge point machine tests: it decodes every frame the charger
/// writes, checks each CALL (and each answer to its own CALLs) against the official OCPP 1.6
/// schema, records it, and answers with typed responses that a test can script per action.
///
/// It does no I/O: ``receive(_:)`` takes the bytes of one text message and returns the reply
/// to write back, if any.
public struct ScriptedCentralSystem {
    /// A CALL the charger sent.
    public struct Call: Equatable, CustomStringConvertible {
        /// The charger's message id.
        public var messageId: String
        /// The action name.
        public var action: String
        /// The undecoded payload.
        public var payload: RawJSON

        /// The payload as `R`; fails the test's `try` if it does not decode.
        public func decode<R: OCPPRequest>(_ type: R.Type) throws -> R {
            precondition(R.action == action, "a \(action) CALL read as \(R.action)")
            return try payload.decode(R.self)
        }

        public var description: String { "\(action) \(payload)" }
    }

    /// How to answer one CALL.
    public enum Reply {
        /// A CALLRESULT or CALLERROR.
        case answer(CallAnswer)
        /// No answer at all (the charger's call times out).
        case silence
    }

    /// Every CALL received, in order.
    public private(set) var calls: [Call] = []
    /// The charger's answers to this side's CALLs, by message id.
    public private(set) var answers: [String: CallAnswer] = [:]
    /// Schema violations of any message the charger sent (should stay empty).
    public private(set) var schemaViolations: [String] = []
    /// What goes in `currentTime` fields.
    public var now: OCPPTimestamp
    /// BootNotification answers, used in order; the last one repeats.
    public var bootAnswers: [RegistrationStatus] = [.accepted]
    /// The BootNotification interval, seconds.
    public var bootInterval = 300
    /// Authorize and StartTransaction answer `Accepted` unless a tag is listed here.
    public var tagStatuses: [String: AuthorizationStatus] = [:]
    /// Parent id tags to hand out, by tag.
    public var parentIdTags: [String: String] = [:]
    /// Per-action overrides, consulted before the defaults.
    public var script: [String: (Call) -> Reply] = [:]
    /// The next transaction id handed out.
    public var nextTransactionId = 1000

    private var bootCount = 0
    private var ownCalls: [String: String] = [:]
    private var counter = 0
    private var validators: [String: JSONSchemaValidator] = [:]

    public init(now: OCPPTimestamp) {
        self.now = now
    }

    /// The CALLs of one action, in order.
    public func calls(_ action: String) -> [Call] {
        calls.filter { $0.action == action }
    }

    /// The typed requests of one action, in order.
    public func requests<R: OCPPRequest>(_ type: R.Type) -> [R] {
        calls(R.action).compactMap { try? $0.decode(R.self) }
    }

    /// One text message from the charger; returns the bytes to write back (nil: nothing).
    public mutating func receive(_ bytes: [UInt8]) -> [UInt8]? {
        let frame: RPCFrame
        do {
            frame = try RPCFrame.parse(bytes)
        } catch {
            schemaViolations.append("unparsable frame \(String(decoding: bytes, as: UTF8.self)): \(error)")
            return nil
        }
        switch frame {
        case .call(let messageId, let action, let payload):
            let call = Call(messageId: messageId, action: action, payload: payload)
            validate(payload, schema: action)
            calls.append(call)
            switch reply(to: call) {
            case .answer(let answer): return answer.frame(answering: messageId).serialized()
            case .silence: return nil
            }
        case .callResult(let messageId, let payload):
            if let action = ownCalls.removeValue(forKey: messageId) {
                validate(payload, schema: action + "Response")
            }
            answers[messageId] = .result(payload)
            return nil
        case .callError(let messageId, let error):
            ownCalls.removeValue(forKey: messageId)
            answers[messageId] = .error(error)
            return nil
        }
    }

    /// A CALL to the charger: its message id and the bytes to deliver.
    public mutating func call<R: OCPPRequest>(_ request: R) -> (messageId: String, bytes: [UInt8]) {
        counter += 1
        let messageId = "csms-\(counter)"
        ownCalls[messageId] = R.action
        let payload = (try? RawJSON(encoding: request)) ?? .emptyObject
        return (messageId, RPCFrame.call(messageId: messageId, action: R.action, payload: payload).serialized())
    }

    /// The typed CALLRESULT the charger gave to `messageId`.
    public func answer<R: OCPPRequest>(to messageId: String, as type: R.Type) -> R.Response? {
        guard case .result(let payload) = answers[messageId] else { return nil }
        return try? payload.decode(R.Response.self)
    }

    private mutating func reply(to call: Call) -> Reply {
        if let scripted = script[call.action] { return scripted(call) }
        func result(_ response: some OCPPPayload) -> Reply { .answer(CallAnswer(response: response)) }
        func info(_ tag: String) -> IdTagInfo {
            IdTagInfo(
                parentIdTag: parentIdTags[tag].map { CiString20(truncating: $0) },
                status: tagStatuses[tag] ?? .accepted)
        }
        switch call.action {
        case BootNotificationRequest.action:
            let status = bootAnswers[min(bootCount, bootAnswers.count - 1)]
            bootCount += 1
            return result(BootNotificationResponse(status: status, currentTime: now, interval: bootInterval))
        case HeartbeatRequest.action:
            return result(HeartbeatResponse(currentTime: now))
        case AuthorizeRequest.action:
            let tag = (try? call.decode(AuthorizeRequest.self))?.idTag.value ?? ""
            return result(AuthorizeResponse(idTagInfo: info(tag)))
        case StartTransactionRequest.action:
            let tag = (try? call.decode(StartTransactionRequest.self))?.idTag.value ?? ""
            nextTransactionId += 1
            return result(StartTransactionResponse(idTagInfo: info(tag), transactionId: nextTransactionId - 1))
        case StopTransactionRequest.action:
            return result(StopTransactionResponse())
        case DataTransferRequest.action:
            return result(DataTransferResponse(status: .accepted))
        default:
            return .answer(.result(.emptyObject))
        }
    }

    private mutating func validate(_ payload: RawJSON, schema name: String) {
        if validators[name] == nil {
            guard let schema = try? OCPPSchemaFiles.schema(name),
                let validator = try? JSONSchemaValidator(schema: schema)
            else {
                schemaViolations.append("\(name): no schema")
                return
            }
            validators[name] = validator
        }
        guard let validator = validators[name] else { return }
        do {
            for violation in try validator.validate(json: payload.bytes) {
                schemaViolations.append("\(name): \(violation)")
            }
        } catch {
            schemaViolations.append("\(name): \(error)")
        }
    }
}
