/// One of `count` disjoint slices of a fleet's id space (`chargesim fleet --shard K/N`): shard
/// `index` runs the chargers whose 1-based index `i` has `(i - 1) % count == index`. N processes
/// (or the pods of a StatefulSet, the ordinal being `index`) started with the same fleet options
/// and shards 0/N ... N-1/N together run every charger exactly once, with no coordination; the
/// ids keep the width of the whole fleet, so `CP00007` is the same charger whichever shard runs it.
///
/// Striding (rather than contiguous ranges) spreads every profile group over all shards.
public struct FleetShard: Sendable, Hashable, CustomStringConvertible {
    /// This shard, from 0.
    public let index: Int
    /// How many shards the fleet is cut into.
    public let count: Int

    /// The whole fleet.
    public static let whole = FleetShard(validIndex: 0, count: 1)

    /// Shard `index` (0-based) of `count`; nil unless `count >= 1` and `0 <= index < count`.
    public init?(index: Int, count: Int) {
        guard count >= 1, (0..<count).contains(index) else { return nil }
        self.init(validIndex: index, count: count)
    }

    /// Parses `K/N`, e.g. `2/8`; nil when it is not two integers with `0 <= K < N`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    private init(validIndex: Int, count: Int) {
        self.index = validIndex
        self.count = count
    }

    /// Whether the charger with 1-based `chargerIndex` belongs to this shard.
    public func contains(chargerIndex: Int) -> Bool {
        (chargerIndex - 1) % count == index
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }
}
