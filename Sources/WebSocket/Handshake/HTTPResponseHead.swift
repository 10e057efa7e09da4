import NIOCore
import NIOHTTP1

/// An HTTP/1.1 response head read incrementally from raw bytes: only what the client side of
/// the opening handshake needs (RFC 6455 section 4.1, RFC 9112 section 4).
public struct HTTPResponseHead: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// The reason phrase (may be empty).
    public var reason: String
    /// The header fields in order.
    public var headers: HTTPHeaders

    public init(status: Int, reason: String, headers: HTTPHeaders) {
        self.status = status
        self.reason = reason
        self.headers = headers
    }

    /// Parses a complete head (without its final CRLF CRLF).
    static func parse(_ text: Substring) throws(WebSocketHandshakeError) -> HTTPResponseHead {
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)[...]
        guard let statusLine = lines.popFirst() else { throw .malformedResponse("empty response") }
        let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3,
            let status = Int(parts[1])
        else { throw .malformedResponse("bad status line: \(statusLine.prefix(80))") }
        let reason = parts.count == 3 ? String(parts[2]) : ""
        var headers = HTTPHeaders()
        for line in lines {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else {
                throw .malformedResponse("bad header line: \(line.prefix(80))")
            }
            let name = line[..<colon]
            guard !name.contains(" "), !name.contains("\t") else {
                throw .malformedResponse("bad header name: \(name.prefix(80))")
            }
            let value = line[line.index(after: colon)...].trimmingSpaces()
            headers.add(name: String(name), value: String(value))
        }
        return HTTPResponseHead(status: status, reason: reason, headers: headers)
    }
}

extension Substring {
    /// Drops leading and trailing spaces and tabs (HTTP optional whitespace).
    func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}

extension HTTPHeaders {
    /// All values of `name`, comma lists split and trimmed (RFC 9110 section 5.3).
    func tokens(_ name: String) -> [Substring] {
        self[name].flatMap { $0.split(separator: ",") }.map { Substring($0).trimmingSpaces() }
            .filter { !$0.isEmpty }
    }

    /// Whether the comma list in `name` contains `token`, ignoring case.
    func containsToken(_ token: String, in name: String) -> Bool {
        tokens(name).contains { $0.lowercased() == token }
    }
}
