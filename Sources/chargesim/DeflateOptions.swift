import ArgumentParser
import WebSocket

/// The permessage-deflate (RFC 7692) options shared by `csms` (accepts), `fleet` (offers) and
/// `bench fleet` (passes them on to both).
struct DeflateOptions: ParsableArguments {
    @Flag(help: "permessage-deflate (RFC 7692); each compressing connection holds a zlib compressor and inflater.")
    var deflate = false

    @Option(help: "With --deflate: the LZ77 window of both directions, 2^BITS bytes (9 to 15).")
    var deflateWindowBits: Int = 15

    @Option(help: "With --deflate: zlib memory level of our compressor (1 to 9; its state is about 2^(LEVEL+9) bytes).")
    var deflateMemLevel: Int = 8

    func validate() throws {
        if !(9...15).contains(deflateWindowBits) {
            throw ValidationError("--deflate-window-bits must be between 9 and 15, got \(deflateWindowBits).")
        }
        if !(1...9).contains(deflateMemLevel) {
            throw ValidationError("--deflate-mem-level must be between 1 and 9, got \(deflateMemLevel).")
        }
    }

    /// The negotiated limits, nil without `--deflate`.
    var options: PerMessageDeflateOptions? {
        guard deflate else { return nil }
        return PerMessageDeflateOptions(
            serverMaxWindowBits: deflateWindowBits, clientMaxWindowBits: deflateWindowBits,
            memoryLevel: deflateMemLevel)
    }

    /// The same options as command-line arguments, for a child process.
    var arguments: [String] {
        guard deflate else { return [] }
        return [
            "--deflate", "--deflate-window-bits", String(deflateWindowBits), "--deflate-mem-level",
            String(deflateMemLevel),
        ]
    }
}
