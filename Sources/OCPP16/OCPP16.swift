/// OCPP 1.6J (edition 2 plus the 1.6 security extension): message types, the RPC frame and
/// the sans-I/O endpoint. Foundation only: this module knows nothing of sockets.
public enum OCPP16 {
    /// The WebSocket subprotocol name of OCPP-J 1.6 (OCPP-J 1.6 section 3.1.2).
    public static let subprotocol = "ocpp1.6"
}
