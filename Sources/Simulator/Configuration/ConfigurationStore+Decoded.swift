import OCPP16

extension ConfigurationStore {
    /// The values the charger reads on every event, decoded once per change of the store.
    ///
    /// A class, held by one reference: chargers built from one profile share the template's
    /// until one of them changes a key (one pointer per charger, issue 11: memory per idle
    /// charger). Immutable; a change builds a new one.
    final class Decoded: Sendable, Equatable {
        let heartbeatInterval: Duration
        let meterValueSampleInterval: Duration
        let clockAlignedDataInterval: Duration
        let connectionTimeOut: Duration
        let minimumStatusDuration: Duration
        let transactionMessageRetryInterval: Duration
        let transactionMessageAttempts: Int
        let meterValuesSampledData: [Measurand]
        let meterValuesAlignedData: [Measurand]
        let stopTxnSampledData: [Measurand]
        let stopTxnAlignedData: [Measurand]

        /// Nothing decoded yet (a store under construction).
        static let empty = Decoded()

        private init() {
            heartbeatInterval = .zero
            meterValueSampleInterval = .zero
            clockAlignedDataInterval = .zero
            connectionTimeOut = .zero
            minimumStatusDuration = .zero
            transactionMessageRetryInterval = .zero
            transactionMessageAttempts = 3
            meterValuesSampledData = []
            meterValuesAlignedData = []
            stopTxnSampledData = []
            stopTxnAlignedData = []
        }

        /// The values of `store`, read the slow way (text lookups and parsing).
        init(decoding store: ConfigurationStore) {
            func seconds(_ key: StandardConfigurationKey) -> Duration { .seconds(store.integer(key) ?? 0) }
            heartbeatInterval = seconds(.heartbeatInterval)
            meterValueSampleInterval = seconds(.meterValueSampleInterval)
            clockAlignedDataInterval = seconds(.clockAlignedDataInterval)
            connectionTimeOut = seconds(.connectionTimeOut)
            minimumStatusDuration = seconds(.minimumStatusDuration)
            transactionMessageRetryInterval = seconds(.transactionMessageRetryInterval)
            transactionMessageAttempts = store.integer(.transactionMessageAttempts) ?? 3
            meterValuesSampledData = store.parsedMeasurands(.meterValuesSampledData)
            meterValuesAlignedData = store.parsedMeasurands(.meterValuesAlignedData)
            stopTxnSampledData = store.parsedMeasurands(.stopTxnSampledData)
            stopTxnAlignedData = store.parsedMeasurands(.stopTxnAlignedData)
        }

        static func == (lhs: Decoded, rhs: Decoded) -> Bool {
            lhs === rhs
                || (lhs.heartbeatInterval == rhs.heartbeatInterval
                    && lhs.meterValueSampleInterval == rhs.meterValueSampleInterval
                    && lhs.clockAlignedDataInterval == rhs.clockAlignedDataInterval
                    && lhs.connectionTimeOut == rhs.connectionTimeOut
                    && lhs.minimumStatusDuration == rhs.minimumStatusDuration
                    && lhs.transactionMessageRetryInterval == rhs.transactionMessageRetryInterval
                    && lhs.transactionMessageAttempts == rhs.transactionMessageAttempts
                    && lhs.meterValuesSampledData == rhs.meterValuesSampledData
                    && lhs.meterValuesAlignedData == rhs.meterValuesAlignedData
                    && lhs.stopTxnSampledData == rhs.stopTxnSampledData
                    && lhs.stopTxnAlignedData == rhs.stopTxnAlignedData)
        }
    }
}
