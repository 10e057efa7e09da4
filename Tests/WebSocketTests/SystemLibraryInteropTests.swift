import CZlib
import Testing

@testable import WebSocket

/// Proves the C interop the WebSocket layer stands on: SHA-1 from libcrypto and raw deflate
/// streams from zlib.
@Suite struct SystemLibraryInteropTests {
    @Test func acceptValueMatchesRFC6455Example() {
        // RFC 6455 section 1.3.
        #expect(WebSocketAccept.value(forKey: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test func sha1OfEmptyInputIsTheKnownDigest() {
        let hex = WebSocketAccept.sha1([]).map { String(format: "%02x", $0) }.joined()
        #expect(hex == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    }

    @Test func rawDeflateRoundTripsThroughZlib() throws {
        let text = Array(String(repeating: "[2,\"19223201\",\"MeterValues\",{\"connectorId\":1}]", count: 40).utf8)
        let compressed = try rawDeflate(text)
        #expect(compressed.count < text.count / 4)
        // permessage-deflate strips the trailing empty stored block (RFC 7692 section 7.2.1).
        #expect(Array(compressed.suffix(4)) == [0x00, 0x00, 0xFF, 0xFF])
        let restored = try rawInflate(compressed)
        #expect(restored == text)
    }

    private struct ZlibError: Error { let code: Int32 }

    private func rawDeflate(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        // Negative window bits select a raw stream with no zlib header or checksum.
        var code = deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY,
            zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else { throw ZlibError(code: code) }
        defer { deflateEnd(&stream) }
        var input = input
        var output = [UInt8](repeating: 0, count: input.count + 64)
        let produced: Int = input.withUnsafeMutableBufferPointer { inPtr in
            output.withUnsafeMutableBufferPointer { outPtr in
                stream.next_in = inPtr.baseAddress
                stream.avail_in = UInt32(inPtr.count)
                stream.next_out = outPtr.baseAddress
                stream.avail_out = UInt32(outPtr.count)
                code = deflate(&stream, Z_SYNC_FLUSH)
                return outPtr.count - Int(stream.avail_out)
            }
        }
        guard code == Z_OK else { throw ZlibError(code: code) }
        return Array(output.prefix(produced))
    }

    private func rawInflate(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        var code = inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else { throw ZlibError(code: code) }
        defer { inflateEnd(&stream) }
        var input = input
        var output = [UInt8](repeating: 0, count: 64 * 1024)
        let produced: Int = input.withUnsafeMutableBufferPointer { inPtr in
            output.withUnsafeMutableBufferPointer { outPtr in
                stream.next_in = inPtr.baseAddress
                stream.avail_in = UInt32(inPtr.count)
                stream.next_out = outPtr.baseAddress
                stream.avail_out = UInt32(outPtr.count)
                code = inflate(&stream, Z_SYNC_FLUSH)
                return outPtr.count - Int(stream.avail_out)
            }
        }
        guard code == Z_OK else { throw ZlibError(code: code) }
        return Array(output.prefix(produced))
    }
}
