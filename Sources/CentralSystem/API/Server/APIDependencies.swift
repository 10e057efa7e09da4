import OCPP16
import Synchronization

/// What route handlers share: the store, the command channel to chargers, the clock and a request
/// id sequence for OCPP calls that carry one (GetLog, SignedUpdateFirmware, ReserveNow).
final class APIDependencies: Sendable {
    let store: Store
    let commands: any ChargePointCommandSending
    let commandTimeout: Duration
    let startSessionWait: Duration
    let installableCertificates: [CertificateUse: String]
    let now: @Sendable () -> OCPPTimestamp
    /// Hands a notification (reference §4.13) to the webhook dispatcher, if there is one.
    let notify: @Sendable (WebhookEvent) -> Void
    private let nextRequestId: Mutex<Int>

    init(
        store: Store, commands: any ChargePointCommandSending, commandTimeout: Duration,
        startSessionWait: Duration, installableCertificates: [CertificateUse: String],
        now: @escaping @Sendable () -> OCPPTimestamp, notify: @escaping @Sendable (WebhookEvent) -> Void = { _ in }
    ) {
        self.notify = notify
        self.store = store
        self.commands = commands
        self.commandTimeout = commandTimeout
        self.startSessionWait = startSessionWait
        self.installableCertificates = installableCertificates
        self.now = now
        // Request ids only need to differ between calls still pending on one charger.
        self.nextRequestId = Mutex(Int(now().millisecondsSince1970 / 1000 % 1_000_000))
    }

    /// A fresh id for an OCPP request that carries one.
    func makeRequestId() -> Int {
        nextRequestId.withLock { value in
            value += 1
            return value
        }
    }
}
