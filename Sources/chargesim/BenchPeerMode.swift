import ArgumentParser

/// How `chargesim bench fleet` runs the Python peer's WebSocket connections.
enum BenchPeerMode: String, CaseIterable, ExpressibleByArgument {
    /// Tuned like our fleet: no compression offered, pings every 60 s.
    case tuned
    /// The `websockets` library's defaults, as users build it: permessage-deflate offered (the
    /// central system then accepts it), pings every 20 s.
    case defaults
    /// Both, one after the other, each with its own column and ratio.
    case both
}
