/// The connector meters of one charge point by connector id, in one array slot per id from 1:
/// the one or two meters of a charger cost one small allocation instead of a dictionary's
/// header, bucket bitmap, keys and spare slots (issue 11: memory per idle charger).
/// Reads and writes like `[Int: ConnectorMeter]`.
public struct ConnectorMeters<Instant: InstantProtocol>: Sendable where Instant.Duration == Duration {
    /// Slot `id - 1` holds connector `id`'s meter.
    private var slots: ContiguousArray<ConnectorMeter<Instant>?>

    /// The meters of `meters`; connector ids start at 1 (the profile checks that they run 1...N),
    /// others are left out.
    public init(_ meters: [Int: ConnectorMeter<Instant>]) {
        let last = meters.keys.max() ?? 0
        slots = ContiguousArray(repeating: nil, count: max(last, 0))
        for (id, meter) in meters where id >= 1 { slots[id - 1] = meter }
    }

    /// Connector `id`'s meter; nil when it has none. Written in place.
    public subscript(id: Int) -> ConnectorMeter<Instant>? {
        get { slots.indices.contains(id - 1) ? slots[id - 1] : nil }
        _modify {
            if slots.indices.contains(id - 1) {
                yield &slots[id - 1]
            } else {
                var added: ConnectorMeter<Instant>? = nil
                yield &added
                if let added, id >= 1 {
                    slots.append(contentsOf: repeatElement(nil, count: id - slots.count))
                    slots[id - 1] = added
                }
            }
        }
    }

    /// The connector ids with a meter, ascending.
    public var keys: [Int] { slots.indices.filter { slots[$0] != nil }.map { $0 + 1 } }

    /// The meters, by ascending connector id (no array built).
    public var values: some Sequence<ConnectorMeter<Instant>> { slots.lazy.compactMap { $0 } }

    /// How many connectors have a meter.
    public var count: Int { slots.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// A dictionary of `transform` applied to each meter, by connector id.
    public func mapValues<T>(_ transform: (ConnectorMeter<Instant>) throws -> T) rethrows -> [Int: T] {
        var result: [Int: T] = [:]
        for (offset, meter) in slots.enumerated() {
            if let meter { result[offset + 1] = try transform(meter) }
        }
        return result
    }

    /// Applies `body` to every meter in place.
    public mutating func updateEach(_ body: (inout ConnectorMeter<Instant>) -> Void) {
        for index in slots.indices {
            // Moved out and back: no copy of the meter, no retain of what it holds.
            guard var meter = slots[index].take() else { continue }
            body(&meter)
            slots[index] = meter
        }
    }
}
