/// The actions one side of a connection answers (the charge point or the central system), each
/// tied to its request type and a handler: the glue from an ``InboundCall`` to a ``CallAnswer``.
///
/// `handle` decodes the payload as the registered request type (a failure becomes the CALLERROR of
/// ``CallError/init(decodingFailure:)``), runs the handler, and encodes its response as the
/// CALLRESULT payload. Handlers are synchronous and get the side's state as `inout Context`, so a
/// sans-I/O machine can be the context; use `Void` when there is none.
///
/// ```swift
/// var registry = ActionRegistry<ChargePointMachine>()
/// registry.register(ResetRequest.self) { request, machine in machine.reset(request.type) }
/// var endpoint = RPCEndpoint(configuration: .init(handledActions: registry.handledActions), ...)
/// ```
public struct ActionRegistry<Context>: Sendable {
    /// Runs one request: returns its response, or throws a ``CallError`` (sent as is) or any
    /// other error (sent as `InternalError`).
    public typealias Handler<Request: OCPPRequest> = @Sendable (Request, inout Context) throws -> Request.Response

    private struct Entry: Sendable {
        var decode: @Sendable (RawJSON) throws(CallError) -> any OCPPRequest
        var run: @Sendable (RawJSON, inout Context) -> CallAnswer
    }

    private var entries: [String: Entry] = [:]

    public init() {}

    /// Declares that this side handles `Request.action` with `handler`. Registering an action twice
    /// replaces the earlier handler.
    public mutating func register<Request: OCPPRequest>(_ type: Request.Type, handler: @escaping Handler<Request>) {
        entries[Request.action] = Entry(
            decode: { payload throws(CallError) in try payload.decode(Request.self) },
            run: { payload, context in
                let request: Request
                do throws(CallError) {
                    request = try payload.decode(Request.self)
                } catch {
                    return .error(error)
                }
                do {
                    return CallAnswer(response: try handler(request, &context))
                } catch let error as CallError {
                    return .error(error)
                } catch {
                    return .error(CallError(.internalError, "\(Request.action) failed: \(error)"))
                }
            }
        )
    }

    /// The actions registered, for ``RPCEndpoint/Configuration/handledActions``.
    public var handledActions: Set<String> { Set(entries.keys) }

    /// Whether `action` is handled here, known to OCPP 1.6 but not handled, or unknown.
    public func support(for action: String) -> ActionSupport {
        ActionSupport(action: action, handled: handledActions)
    }

    /// Decodes, runs and encodes one delivered CALL.
    public func handle(_ call: InboundCall, context: inout Context) -> CallAnswer {
        guard let entry = entries[call.action] else {
            let error = support(for: call.action).callError(for: call.action)
            return .error(error ?? CallError(.internalError, "no handler for \(call.action)"))
        }
        return entry.run(call.payload, &context)
    }

    /// Decodes a delivered CALL as its registered request type without running the handler, for a
    /// side that would rather switch over requests than register closures.
    public func decodeRequest(_ call: InboundCall) -> Result<any OCPPRequest, CallError> {
        guard let entry = entries[call.action] else {
            let error = support(for: call.action).callError(for: call.action)
            return .failure(error ?? CallError(.internalError, "no handler for \(call.action)"))
        }
        do {
            return .success(try entry.decode(call.payload))
        } catch {
            return .failure(error)
        }
    }
}

extension ActionRegistry where Context == Void {
    /// Declares a handler that needs no state.
    public mutating func register<Request: OCPPRequest>(
        _ type: Request.Type,
        handler: @escaping @Sendable (Request) throws -> Request.Response
    ) {
        register(type) { (request: Request, _: inout Void) in try handler(request) }
    }

    /// Decodes, runs and encodes one delivered CALL.
    public func handle(_ call: InboundCall) -> CallAnswer {
        var context: Void = ()
        return handle(call, context: &context)
    }
}
