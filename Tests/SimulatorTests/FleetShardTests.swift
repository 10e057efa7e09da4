import NIOPosix
import OCPP16
import Simulator
import Testing

/// `--shard K/N`: parsing, and N shards of a fleet partition its ids exactly (every charger in
/// one shard, none in two, the same ids as the whole fleet), spreading every profile group.
@Suite struct FleetShardTests {
    @Test(arguments: [("0/1", 0, 1), ("2/8", 2, 8), ("7/8", 7, 8)])
    func parses(text: String, index: Int, count: Int) throws {
        let shard = try #require(FleetShard(text))
        #expect(shard.index == index && shard.count == count)
        #expect(shard.description == text)
    }

    @Test(arguments: ["", "1", "1/1", "-1/4", "4/4", "0/0", "a/2", "1/2/3", "1/"])
    func rejects(text: String) {
        #expect(FleetShard(text) == nil)
    }

    @Test(arguments: [1, 2, 3, 7])
    func shardsPartitionTheIds(shards: Int) throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        defer { try? group.syncShutdownGracefully() }
        let whole = try fleet(shard: .whole, group: group).chargers.map(\.chargePointId)
        #expect(whole.count == 23 && whole.first == "SH01" && whole.last == "SH23")
        var seen: [String] = []
        for index in 0..<shards {
            let shard = try #require(FleetShard(index: index, count: shards))
            let ids = try fleet(shard: shard, group: group).chargers.map(\.chargePointId)
            #expect(ids.count == 23 / shards || ids.count == 23 / shards + 1, "shard \(shard): \(ids.count)")
            seen += ids
        }
        #expect(seen.count == whole.count)
        #expect(Set(seen) == Set(whole))
    }

    @Test func everyGroupIsSpreadOverTheShards() throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let fleet = try fleet(shard: try #require(FleetShard("1/2")), group: group)
        // Indices 2, 4, ..., 22: both groups (1...10 and 11...23) have chargers in shard 1.
        #expect(fleet.chargers.map(\.chargePointId) == (1...11).map { "SH" + String(format: "%02d", $0 * 2) })
    }

    @Test func chargingPositionsSpreadTheShare() {
        #expect(Fleet.chargingPositions(count: 10, share: 0.2) == [4, 9])
        #expect(Fleet.chargingPositions(count: 10, share: 0) == [])
        #expect(Fleet.chargingPositions(count: 4, share: 1) == [0, 1, 2, 3])
        #expect(Fleet.chargingPositions(count: 1000, share: 0.2).count == 200)
    }

    private func fleet(shard: FleetShard, group: MultiThreadedEventLoopGroup) throws -> Fleet {
        let profile = try FleetFixtures.profile()
        var configuration = FleetConfiguration(
            groups: [.init(profile: profile, count: 10), .init(profile: profile, count: 13)], idPrefix: "SH",
            runtime: ChargerRuntimeSettings(centralSystemURL: "ws://127.0.0.1:1", clock: { OCPPTimestamp(.now) }))
        configuration.shard = shard
        return try Fleet(configuration: configuration, eventLoopGroup: group)
    }
}
