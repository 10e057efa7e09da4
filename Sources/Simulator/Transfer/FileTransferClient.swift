import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// The I/O executor of a charger's file transfers over HTTP(S) (OCPP 1.6 §5.19 UpdateFirmware,
/// §5.9 GetDiagnostics): ``ChargePointAction/download(url:requestId:)`` becomes a GET whose body
/// is handed to the charger (bounded by ``Limits/maximumDownloadBytes``; a signed firmware's
/// signature is checked over it, then it is dropped), and
/// ``ChargePointAction/upload(url:fileName:content:requestId:)`` a PUT, or a POST of the same raw
/// body when the server answers the PUT with 405 Method Not Allowed. The result goes back to
/// the charger with ``ChargePoint/downloadFinished(requestId:result:now:)`` or
/// ``ChargePoint/uploadFinished(requestId:result:now:)``; a failure's reason names the cause
/// (DNS, connection refused, timeout, HTTP status, size limit).
///
/// One client serves a whole fleet; call ``shutdown()`` before the event loop group goes.
public struct FileTransferClient: Sendable {
    /// Bounds on one transfer.
    public struct Limits: Sendable, Equatable {
        /// A firmware image larger than this fails the download.
        public var maximumDownloadBytes: Int
        /// The longest one transfer may take, connection included.
        public var timeout: Duration
        /// The longest the TCP (and TLS) connection may take.
        public var connectTimeout: Duration

        public init(
            maximumDownloadBytes: Int = 256 * 1024 * 1024,
            timeout: Duration = .seconds(300),
            connectTimeout: Duration = .seconds(10)
        ) {
            self.maximumDownloadBytes = maximumDownloadBytes
            self.timeout = timeout
            self.connectTimeout = connectTimeout
        }
    }

    /// The bounds in force.
    public let limits: Limits
    private let client: HTTPClient

    /// A client on `eventLoopGroup` (by default NIO's shared one).
    public init(
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        limits: Limits = Limits()
    ) {
        self.limits = limits
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 5, allowCycles: false),
            timeout: .init(connect: TimeAmount(limits.connectTimeout)))
        // A refused connection fails the transfer at once (the charger's own retries apply),
        // instead of the pool retrying until the deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        self.client = HTTPClient(eventLoopGroup: eventLoopGroup, configuration: configuration)
    }

    /// Carries out a `.download` or `.upload` action; nil for any other action.
    public func perform(_ action: ChargePointAction) async -> FileTransferResult? {
        switch action {
        case .download(let url, _):
            await download(url: url)
        case .upload(let url, let fileName, let content, _):
            await upload(url: url, fileName: fileName, content: content)
        case .send, .persist, .remove, .reboot, .reconfigureConnection:
            nil
        }
    }

    /// Carries out a `.download` or `.upload` action for a NIO shell: the future completes on
    /// `eventLoop` (the charger's), where the result goes to
    /// ``ChargePoint/transferFinished(_:result:now:)``. Nil for any other action.
    public func perform(_ action: ChargePointAction, on eventLoop: any EventLoop) -> EventLoopFuture<
        FileTransferResult
    >? {
        switch action {
        case .download, .upload:
            eventLoop.makeFutureWithTask {
                // Never nil here: the action is a transfer.
                await perform(action) ?? .failure(reason: "not a transfer")
            }
        case .send, .persist, .remove, .reboot, .reconfigureConnection:
            nil
        }
    }

    /// GETs `url` and returns its body.
    public func download(url: String) async -> FileTransferResult {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        do {
            let response = try await client.execute(request, timeout: TimeAmount(limits.timeout))
            guard (200..<300).contains(response.status.code) else {
                return .failure(reason: "HTTP \(response.status.code) \(response.status.reasonPhrase) from GET \(url)")
            }
            if let declared = response.headers.first(name: "content-length").flatMap(Int.init),
                declared > limits.maximumDownloadBytes
            {
                return .failure(reason: tooLarge(declared, url: url))
            }
            var body: [UInt8] = []
            for try await chunk in response.body {
                if body.count + chunk.readableBytes > limits.maximumDownloadBytes {
                    return .failure(reason: tooLarge(body.count + chunk.readableBytes, url: url))
                }
                body.append(contentsOf: chunk.readableBytesView)
            }
            return .success(byteCount: body.count, headers: Self.headers(response.headers), body: body)
        } catch {
            return .failure(reason: Self.describe(error, method: "GET", url: url))
        }
    }

    /// PUTs `content` as `fileName` under `url` (appended when `url` ends with `/`); a 405
    /// answer is retried once as a POST of the same body.
    public func upload(url: String, fileName: String, content: [UInt8]) async -> FileTransferResult {
        let target = Self.uploadURL(url, fileName: fileName)
        let first = await send(content, method: .PUT, to: target)
        if case .status(405, _, _, _) = first {
            return await send(content, method: .POST, to: target).result(byteCount: content.count, url: target)
        }
        return first.result(byteCount: content.count, url: target)
    }

    /// Shuts the underlying HTTP client down; transfers still running fail.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Shuts the underlying HTTP client down from synchronous code (the CLI's main thread).
    public func syncShutdown() throws {
        try client.syncShutdown()
    }

    /// Where an upload of `fileName` to the directory `location` goes.
    public static func uploadURL(_ location: String, fileName: String) -> String {
        guard location.hasSuffix("/") else { return location }
        let escaped = fileName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? fileName
        return location + escaped
    }

    // MARK: Internals

    /// How one upload request ended.
    private enum UploadOutcome {
        case status(UInt, reason: String, method: HTTPMethod, headers: [String: String])
        case failed(String)

        func result(byteCount: Int, url: String) -> FileTransferResult {
            switch self {
            case .status(let code, let reason, let method, let headers):
                (200..<300).contains(code)
                    ? .success(byteCount: byteCount, headers: headers)
                    : .failure(reason: "HTTP \(code) \(reason) from \(method.rawValue) \(url)")
            case .failed(let reason):
                .failure(reason: reason)
            }
        }
    }

    private func send(_ content: [UInt8], method: HTTPMethod, to url: String) async -> UploadOutcome {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: content))
        do {
            let response = try await client.execute(request, timeout: TimeAmount(limits.timeout))
            // The answer's body is not needed; read a bounded amount so the connection can be reused.
            var drained = 0
            for try await chunk in response.body {
                drained += chunk.readableBytes
                if drained > 1 << 20 { break }
            }
            return .status(
                response.status.code, reason: response.status.reasonPhrase, method: method,
                headers: Self.headers(response.headers))
        } catch {
            return .failed(Self.describe(error, method: method.rawValue, url: url))
        }
    }

    private func tooLarge(_ bytes: Int, url: String) -> String {
        "firmware at \(url) is larger than the \(limits.maximumDownloadBytes)-byte limit (\(bytes) bytes)"
    }

    private static func headers(_ headers: HTTPHeaders) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in headers { result[name.lowercased()] = value }
        return result
    }

    /// A reason that names the cause: DNS, connection refused, timeout, TLS, or the error itself.
    static func describe(_ error: any Error, method: String, url: String) -> String {
        let target = "\(method) \(url)"
        if let connection = error as? NIOConnectionError {
            let address = "\(connection.host):\(connection.port)"
            if connection.connectionErrors.isEmpty, connection.dnsAError != nil || connection.dnsAAAAError != nil {
                return "DNS lookup of \(connection.host) failed for \(target)"
            }
            if connection.connectionErrors.contains(where: { isRefused($0.error) }) {
                return "connection refused by \(address) for \(target)"
            }
            let first = connection.connectionErrors.first.map { "\($0.error)" } ?? "no address"
            return "could not connect to \(address) for \(target): \(first)"
        }
        if isRefused(error) { return "connection refused for \(target)" }
        if let client = error as? HTTPClientError {
            switch client {
            case .connectTimeout: return "connection timed out for \(target)"
            case .deadlineExceeded, .readTimeout, .writeTimeout: return "timed out during \(target)"
            case .invalidURL, .emptyHost, .emptyScheme: return "invalid URL for \(target)"
            case .remoteConnectionClosed: return "the server closed the connection during \(target)"
            default: return "\(client) during \(target)"
            }
        }
        if let unknown = error as? SocketAddressError {
            return "DNS lookup failed for \(target): \(unknown)"
        }
        return "\(error) during \(target)"
    }

    private static func isRefused(_ error: any Error) -> Bool {
        if let io = error as? IOError { return io.errnoCode == ECONNREFUSED }
        if let connection = error as? NIOConnectionError {
            return connection.connectionErrors.contains { isRefused($0.error) }
        }
        return false
    }
}
