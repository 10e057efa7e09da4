// The charger's own CPU per MeterValues, without sockets: N charging ChargePoints, each sampled
// on its timer and then handed the central system's answer, in a loop, as the fleet's event
// loop does (the same calls, no NIO, no kernel). It prints nanoseconds per MeterValues for a
// few fleet sizes: a small fleet stays in the caches, a large one shows what cold charger state
// costs. `swift run -c release chargesim-chargepoint-bench [PROFILE.yaml]`.
import Foundation
import OCPP16
import Simulator

/// The answer to CALL `messageId` of `action`, as an accepting central system gives it. (TestSupport's
/// `ScriptedCentralSystem` does more, but that target links Testing, which a release tool cannot.)
func answer(messageId: String, action: String, transactionIds: inout Int, now: OCPPTimestamp) -> [UInt8] {
    let time = "\"\(now.rfc3339 ?? "")\""
    let payload: String
    switch action {
    case BootNotificationRequest.action: payload = "{\"status\":\"Accepted\",\"currentTime\":\(time),\"interval\":300}"
    case AuthorizeRequest.action: payload = "{\"idTagInfo\":{\"status\":\"Accepted\"}}"
    case StartTransactionRequest.action:
        transactionIds += 1
        payload = "{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":\(transactionIds)}"
    case HeartbeatRequest.action: payload = "{\"currentTime\":\(time)}"
    default: payload = "{}"
    }
    return RPCFrame.callResult(messageId: messageId, payload: RawJSON(payload)).serialized()
}

/// The chargers, the central system's transaction ids, and what the chargers' own calls cost.
struct Bench {
    var chargers: [ChargePoint]
    var transactionIds = 0
    var meterValuesSent = 0
    /// Nanoseconds spent inside the chargers' calls (the answering central system not counted).
    var chargerNanoseconds: UInt64 = 0

    /// `event` on charger `index`, timed, then every frame it wrote answered until it has
    /// nothing more to say.
    mutating func run(_ index: Int, now: OCPPTimestamp, _ event: (inout ChargePoint) -> [ChargePointAction]) {
        var pending = timed(index, event)
        while !pending.isEmpty {
            var next: [ChargePointAction] = []
            for case .send(let bytes) in pending {
                // Each frame parsed once: counted, then answered.
                guard case .call(let messageId, let action, _)? = try? RPCFrame.parse(bytes) else { continue }
                if action == MeterValuesRequest.action { meterValuesSent += 1 }
                let reply = answer(messageId: messageId, action: action, transactionIds: &transactionIds, now: now)
                next += timed(index) { $0.received(text: reply, now: now) }
            }
            pending = next
        }
    }

    private mutating func timed(
        _ index: Int, _ event: (inout ChargePoint) -> [ChargePointAction]
    ) -> [ChargePointAction] {
        let began = DispatchTime.now().uptimeNanoseconds
        let actions = event(&chargers[index])
        chargerNanoseconds += DispatchTime.now().uptimeNanoseconds - began
        return actions
    }
}

let profilePath = CommandLine.arguments.dropFirst().first ?? "profiles/ac-wallbox-7kw.yaml"
var profile: ChargerProfile
do {
    profile = try ProfileLoader().load(contentsOf: URL(fileURLWithPath: profilePath))
} catch {
    FileHandle.standardError.write(Data("chargepoint-bench: \(error)\n".utf8))
    exit(2)
}
// As `chargesim fleet --meter-interval 1`: one MeterValues per charger per second.
profile.configuration["MeterValueSampleInterval"] = "1"
let template = ChargePointTemplate(profile: profile)
let start = OCPPTimestamp(millisecondsSince1970: 1_795_000_000_000)

print("ChargePoint per MeterValues, sans I/O (\(profilePath)); ns per MeterValues, best of 3")
for (count, rounds) in [(100, 600), (2_000, 60), (20_000, 6)] {
    var now = start
    var bench = Bench(
        chargers: (0..<count).map { index in
            ChargePoint(
                template: template, chargePointId: "B\(index)", index: index,
                random: SeededRandomNumberGenerator(seed: UInt64(index + 1)), now: start)
        })
    // Boot, plug in, present a tag: every charger charging, as `--charging-share 1`.
    for index in 0..<count {
        let tag = "BENCH\(index)"
        bench.run(index, now: now) { $0.connected(now: now) }
        bench.run(index, now: now) { $0.presentIdTag(tag, connectorId: 1, now: now) }
        bench.run(index, now: now) { $0.plugInRandomEV(connectorId: 1, now: now) }
    }
    // The loop: each second every charger's timer fires once (its MeterValues) and its answer
    // comes back, charger after charger (each charger's state goes cold before its next turn).
    var best = Double.infinity
    for _ in 0..<3 {
        let sentBefore = bench.meterValuesSent
        bench.chargerNanoseconds = 0
        for _ in 0..<rounds {
            now = now + .seconds(1)
            for index in 0..<count { bench.run(index, now: now) { $0.timerFired(now: now) } }
        }
        let elapsed = Double(bench.chargerNanoseconds)
        let sent = bench.meterValuesSent - sentBefore
        guard sent > 0 else {
            print("chargepoint-bench: \(count) chargers sent no MeterValues; check the profile's sample interval")
            exit(1)
        }
        best = min(best, elapsed / Double(sent))
    }
    print(String(format: "%7d chargers: %8.0f ns", count, best))
}
