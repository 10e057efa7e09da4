import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A tiny HTTP/1.1 server on 127.0.0.1, port 0, for live file-transfer tests: GET serves the
/// files it was given (404 otherwise), PUT and POST are accepted (201) and recorded, PUT can be
/// refused with 405 to exercise a client's POST fallback, and the first uploads can be answered
/// with given statuses (e.g. 500 to exercise a webhook retry).
public final class LoopbackHTTPServer: Sendable {
    /// A file served on GET.
    public struct File: Sendable, Equatable {
        public var bytes: [UInt8]
        /// Extra response headers (e.g. `X-Firmware-Version`).
        public var headers: [String: String]

        public init(bytes: [UInt8], headers: [String: String] = [:]) {
            self.bytes = bytes
            self.headers = headers
        }
    }

    /// A request the server received.
    public struct Request: Sendable, Equatable {
        public var method: String
        public var path: String
        /// Header names lowercased.
        public var headers: [String: String]
        public var body: [UInt8]
    }

    private struct State {
        var files: [String: File]
        var refusesPut: Bool
        var uploadStatuses: [Int]
        var requests: [Request] = []
    }

    /// The port it listens on.
    public let port: Int
    private let channel: any Channel
    private let state: NIOLockedValueBox<State>

    private init(port: Int, channel: any Channel, state: NIOLockedValueBox<State>) {
        self.port = port
        self.channel = channel
        self.state = state
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received, in order.
    public var requests: [Request] { state.withLockedValue { $0.requests } }

    /// The PUT and POST requests received, in order.
    public var uploads: [Request] { requests.filter { $0.method == "PUT" || $0.method == "POST" } }

    /// Starts a server serving `files` by path (e.g. `/fw-2.1.0.bin`); the first PUT/POST
    /// requests are answered with `uploadStatuses` in order, later ones with 201.
    public static func start(
        files: [String: File] = [:],
        refusesPut: Bool = false,
        uploadStatuses: [Int] = [],
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> LoopbackHTTPServer {
        let state = NIOLockedValueBox(State(files: files, refusesPut: refusesPut, uploadStatuses: uploadStatuses))
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(state: state))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        guard let port = channel.localAddress?.port else {
            try await channel.close()
            throw LoopbackHTTPServerError.noPort
        }
        return LoopbackHTTPServer(port: port, channel: channel, state: state)
    }

    /// Stops listening.
    public func close() async throws {
        try await channel.close()
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let state: NIOLockedValueBox<State>
        private var head: HTTPRequestHead?
        private var body: [UInt8] = []

        init(state: NIOLockedValueBox<State>) {
            self.state = state
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = []
            case .body(var chunk):
                body += chunk.readBytes(length: chunk.readableBytes) ?? []
            case .end:
                guard let head else { return }
                self.head = nil
                respond(to: head, context: context)
            }
        }

        private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
            var headers: [String: String] = [:]
            for (name, value) in head.headers { headers[name.lowercased()] = value }
            let request = Request(method: head.method.rawValue, path: head.uri, headers: headers, body: body)
            let (status, file): (HTTPResponseStatus, File?) = state.withLockedValue { state in
                state.requests.append(request)
                switch head.method {
                case .GET:
                    let file = state.files[head.uri]
                    return (file == nil ? .notFound : .ok, file)
                case .PUT where state.refusesPut:
                    return (.methodNotAllowed, nil)
                case .PUT, .POST:
                    guard !state.uploadStatuses.isEmpty else { return (.created, nil) }
                    return (HTTPResponseStatus(statusCode: state.uploadStatuses.removeFirst()), nil)
                default:
                    return (.methodNotAllowed, nil)
                }
            }
            let payload = file?.bytes ?? []
            var responseHeaders = HTTPHeaders([("Content-Length", String(payload.count))])
            for (name, value) in file?.headers ?? [:] { responseHeaders.add(name: name, value: value) }
            context.write(
                wrapOutboundOut(
                    .head(HTTPResponseHead(version: head.version, status: status, headers: responseHeaders))),
                promise: nil)
            if !payload.isEmpty {
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: payload)))), promise: nil)
            }
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}

/// Why ``LoopbackHTTPServer/start(files:refusesPut:uploadStatuses:group:)`` failed.
public enum LoopbackHTTPServerError: Error {
    /// The bound channel has no local port.
    case noPort
}
