import NIOCore
import Testing

/// The drip-feed verifier: an incremental parser must produce the same events whether its
/// input arrives whole, one byte at a time, or as two copies back to back.
public enum DripFeed {
    /// How the input is cut.
    public enum Mode: String, Sendable, CaseIterable {
        /// One call with all bytes.
        case whole
        /// One call per byte.
        case byteByByte
        /// One call with the bytes twice in a row (expects the events twice).
        case concatenatedTwice
    }

    /// Feeds `bytes` to fresh parsers made by `makeParser` in every mode and expects `expected`
    /// (twice for `concatenatedTwice`, unless `repeatable` is false because the events end
    /// the stream, e.g. with an error or a close).
    public static func verify<Parser, Event: Equatable>(
        _ bytes: [UInt8],
        expected: [Event],
        repeatable: Bool = true,
        makeParser: () -> Parser,
        feed: (inout Parser, ByteBuffer) -> [Event],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for mode in Mode.allCases {
            let events = run(bytes, mode: mode, makeParser: makeParser, feed: feed)
            let wanted = mode == .concatenatedTwice && repeatable ? expected + expected : expected
            #expect(events == wanted, "drip-feed mode \(mode.rawValue)", sourceLocation: sourceLocation)
        }
    }

    /// The events of one mode.
    public static func run<Parser, Event>(
        _ bytes: [UInt8], mode: Mode, makeParser: () -> Parser, feed: (inout Parser, ByteBuffer) -> [Event]
    ) -> [Event] {
        var parser = makeParser()
        var events: [Event] = []
        switch mode {
        case .whole:
            events += feed(&parser, ByteBuffer(bytes: bytes))
        case .byteByByte:
            for byte in bytes {
                events += feed(&parser, ByteBuffer(bytes: [byte]))
            }
        case .concatenatedTwice:
            events += feed(&parser, ByteBuffer(bytes: bytes + bytes))
        }
        return events
    }
}
