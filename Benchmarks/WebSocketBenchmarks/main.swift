// Frame parsing and masking throughput of our WebSocket core against SwiftNIO's own
// `WebSocketFrameDecoder`, on the same bytes, in the same run. Prints figures and ratios;
// run in release mode: `swift run -c release chargesim-ws-bench`.
import Dispatch
import Foundation
import NIOCore
import NIOEmbedded
import NIOWebSocket
import WebSocket

/// The frames of one benchmark: `count` masked client frames of `payloadSize` bytes each.
struct Workload {
    let name: String
    let payloadSize: Int
    let frameCount: Int
    let bytes: ByteBuffer

    init(name: String, opcode: WebSocket.Opcode, payloadSize: Int, frameCount: Int) {
        self.name = name
        self.payloadSize = payloadSize
        self.frameCount = frameCount
        var buffer = ByteBufferAllocator().buffer(capacity: (payloadSize + 14) * frameCount)
        let payload = ByteBuffer(repeating: UInt8(ascii: "a"), count: payloadSize)
        for index in 0..<frameCount {
            let key = MaskingKey(UInt8(truncatingIfNeeded: index), 0x37, 0xFA, 0x21)
            FrameWriter.writeFrame(opcode: opcode, payload: payload, maskingKey: key, into: &buffer)
        }
        bytes = buffer
    }
}

/// Runs `body` `rounds` times and returns the best wall time in seconds (least disturbed run).
/// Each round gets a fresh, uniquely owned copy of the input made outside the timed region, as
/// a socket read would deliver it.
func bestTime(rounds: Int, input: ByteBuffer, _ body: (ByteBuffer) -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<rounds {
        let fresh = ByteBuffer(bytes: input.readableBytesView)
        let start = DispatchTime.now().uptimeNanoseconds
        body(fresh)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        best = min(best, elapsed)
    }
    return best
}

/// Our parser driven directly: append the bytes, pull every frame (payload unmasked in place).
func parseWithOurs(_ bytes: ByteBuffer) -> Int {
    var parser = FrameParser(configuration: .init(role: .server, maxFrameSize: 1 << 24))
    parser.append(bytes)
    var total = 0
    while let frame = try? parser.nextFrame() {
        total &+= frame.payload.readableBytes
    }
    return total
}

/// A minimal inbound handler around our parser, so both decoders pay the same pipeline costs.
final class OurFrameHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    var parser = FrameParser(configuration: .init(role: .server, maxFrameSize: 1 << 24))

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        parser.append(unwrapInboundIn(data))
        while let frame = try? parser.nextFrame() {
            context.fireChannelRead(wrapInboundOut(frame.payload))
        }
    }
}

/// Counts what reaches the end of the pipeline; NIO's frames are unmasked here, as a user must.
final class SinkHandler<Value>: ChannelInboundHandler {
    typealias InboundIn = Value
    let measure: (Value) -> Int
    var total = 0
    init(measure: @escaping (Value) -> Int) { self.measure = measure }
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        total &+= measure(unwrapInboundIn(data))
    }
}

func pipelineOurs(_ bytes: ByteBuffer) -> Int {
    let sink = SinkHandler<ByteBuffer> { $0.readableBytes }
    let channel = EmbeddedChannel(handlers: [OurFrameHandler(), sink])
    try? channel.writeInbound(bytes)
    _ = try? channel.finish()
    return sink.total
}

func pipelineNIO(_ bytes: ByteBuffer) -> Int {
    let sink = SinkHandler<WebSocketFrame> { $0.unmaskedData.readableBytes }
    let channel = EmbeddedChannel(handlers: [
        ByteToMessageHandler(WebSocketFrameDecoder(maxFrameSize: 1 << 24)), sink,
    ])
    try? channel.writeInbound(bytes)
    _ = try? channel.finish()
    return sink.total
}

func report(_ label: String, _ seconds: Double, _ workload: Workload) -> Double {
    let framesPerSecond = Double(workload.frameCount) / seconds
    let gigabytesPerSecond = Double(workload.bytes.readableBytes) / seconds / 1e9
    print(
        "  \(label.padding(toLength: 36, withPad: " ", startingAt: 0))"
            + " \(formatted(framesPerSecond / 1e6, 2)) M frames/s  \(formatted(gigabytesPerSecond, 2)) GB/s")
    return framesPerSecond
}

func formatted(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    return String(rounded)
}

// `chargesim-ws-bench echo URL COUNT`: the loopback echo benchmark (see scripts/bench/ws-echo.sh).
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "echo", let count = Int(CommandLine.arguments[3]) {
    try await EchoRoundTrips.run(url: CommandLine.arguments[2], count: count)
    exit(0)
}

let workloads = [
    Workload(name: "100-byte text frames", opcode: .text, payloadSize: 100, frameCount: 200_000),
    Workload(name: "64 KiB binary frames", opcode: .binary, payloadSize: 65_536, frameCount: 400),
]

print("WebSocket frame parse + unmask, best of 7 rounds (release build expected)")
for workload in workloads {
    print("\(workload.name) (\(workload.frameCount) frames, \(workload.bytes.readableBytes) bytes):")
    let expected = workload.payloadSize * workload.frameCount
    precondition(parseWithOurs(workload.bytes) == expected && pipelineOurs(workload.bytes) == expected)
    precondition(pipelineNIO(workload.bytes) == expected)
    let input = workload.bytes
    let direct = report("ours, parser only", bestTime(rounds: 7, input: input) { _ = parseWithOurs($0) }, workload)
    let ours = report(
        "ours, in a channel pipeline", bestTime(rounds: 7, input: input) { _ = pipelineOurs($0) }, workload)
    let nio = report(
        "NIOWebSocket, in a channel pipeline", bestTime(rounds: 7, input: input) { _ = pipelineNIO($0) }, workload)
    print(
        "  ratio ours/NIO (pipeline): \(formatted(ours / nio, 2))x; parser only vs NIO: \(formatted(direct / nio, 2))x")
}

print("Masking in place (64 KiB buffer, 4096 passes):")
var block = ByteBuffer(repeating: 0x5A, count: 65_536)
let key = MaskingKey(0x12, 0x34, 0x56, 0x78)
let maskSeconds = bestTime(rounds: 7, input: ByteBuffer()) { _ in
    for _ in 0..<4096 {
        Masking.apply(key, to: &block, at: block.readerIndex, count: block.readableBytes)
    }
}
print("  ours: \(formatted(Double(65_536 * 4096) / maskSeconds / 1e9, 2)) GB/s on one core")
