/// The action names OCPP 1.6 defines: edition 2 (all six feature profiles) plus the 1.6 security
/// extension, 39 in all, one per request type of ``OCPPMessageCatalog``.
///
/// This is the one place the RPC layer learns which actions exist; an action outside it is
/// answered `NotImplemented`, an action in it that the receiver does not handle `NotSupported`
/// (OCPP-J 1.6 table 7).
public enum OCPPActionNames {
    /// Every OCPP 1.6 action name, exactly as it appears in a CALL.
    public static let all: Set<String> = Set(OCPPMessageCatalog.requests.map { $0.action })
}
