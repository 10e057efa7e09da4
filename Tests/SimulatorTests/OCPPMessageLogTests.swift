import OCPP16
import Testing

@testable import Simulator

/// The message log keeps its frames in one byte buffer (issue 11): the same frames come out as
/// from a list of the last `capacity` frames, and the buffer stays within its bound.
@Suite struct OCPPMessageLogTests {
    static let start = OCPPTimestamp(millisecondsSince1970: 1_764_000_000_000)

    /// What the log must return for `frames` (each cut and redacted as it is read out).
    func expected(_ frames: [(bytes: [UInt8], direction: OCPPMessageLog.Direction, at: OCPPTimestamp)])
        -> [OCPPMessageLog.Entry]
    {
        frames.map { frame in
            let cut = frame.bytes.count > OCPPMessageLog.maximumFrameBytes
            let text = String(decoding: frame.bytes.prefix(OCPPMessageLog.maximumFrameBytes), as: UTF8.self)
            return OCPPMessageLog.Entry(
                at: frame.at, direction: frame.direction, frame: SecretRedaction.redact(cut ? text + "…" : text))
        }
    }

    @Test func keepsTheLastFramesWithinItsByteBound() {
        var random = SeededRandomNumberGenerator(seed: 11)
        let capacity = 7
        var log = OCPPMessageLog(capacity: capacity)
        var kept: [(bytes: [UInt8], direction: OCPPMessageLog.Direction, at: OCPPTimestamp)] = []
        // Frames of every size (empty, short, around and past the cut), in and out, at instants
        // before and after 1970 and far apart, so every header byte varies.
        for step in 0..<600 {
            let length = [0, 1, 40, 300, 2047, 2048, 2049, 5000][Int(random.next() % 8)]
            let bytes = (0..<length).map { _ in UInt8(ascii: "a") + UInt8(random.next() % 26) }
            let at = OCPPTimestamp(millisecondsSince1970: Int64(bitPattern: random.next() >> 20) - (1 << 42))
            let direction: OCPPMessageLog.Direction = step % 3 == 0 ? .received : .sent
            log.record(bytes, direction: direction, at: at)
            kept.append((bytes, direction, at))
            if kept.count > capacity { kept.removeFirst() }
            #expect(log.entries() == expected(kept), "after frame \(step)")
            // Every kept frame with its header, plus a quarter for room to grow.
            #expect(log.allocatedBytes <= capacity * (OCPPMessageLog.maximumFrameBytes + 11) * 5 / 4 + 64)
        }
        let middle = kept.map(\.at).sorted()[3]
        #expect(log.entries(from: middle) == expected(kept.filter { $0.at >= middle }))
        #expect(log.entries(to: middle) == expected(kept.filter { $0.at <= middle }))
    }

    @Test func anIdleChargersFramesCostTheirBytes() {
        var log = OCPPMessageLog(capacity: 50)
        let frames = [
            #"[2,"1","BootNotification",{"chargePointModel":"Wallbox","chargePointVendor":"ChargeSim"}]"#,
            #"[3,"1",{"currentTime":"2026-11-26T05:00:00.000Z","interval":300,"status":"Accepted"}]"#,
            #"[2,"2","StatusNotification",{"connectorId":0,"errorCode":"NoError","status":"Available"}]"#,
            #"[3,"2",{}]"#,
        ]
        for (offset, frame) in frames.enumerated() {
            log.record(Array(frame.utf8), direction: offset % 2 == 0 ? .sent : .received, at: Self.start)
        }
        // Each frame's bytes and a header of 3 bytes (6 more for the first instant), with no room
        // to grow in a buffer this small (malloc rounds up by at most 16 bytes).
        let bytes = frames.reduce(0) { $0 + $1.utf8.count + 3 } + 6
        #expect(log.allocatedBytes >= bytes && log.allocatedBytes <= bytes + 16)
        #expect(log.entries().map(\.frame) == frames)
        #expect(log.entries().map(\.direction) == [.sent, .received, .sent, .received])
    }

    @Test func logsWithTheSameFramesAreEqual() {
        var churned = OCPPMessageLog(capacity: 2)
        var fresh = OCPPMessageLog(capacity: 2)
        for second in 0..<9 {
            churned.record(Array("frame \(second)".utf8), direction: .sent, at: Self.start + .seconds(second))
        }
        for second in 7..<9 {
            fresh.record(Array("frame \(second)".utf8), direction: .sent, at: Self.start + .seconds(second))
        }
        #expect(churned == fresh)
        fresh.record(Array("frame 9".utf8), direction: .received, at: Self.start + .seconds(9))
        #expect(churned != fresh)
    }
}
