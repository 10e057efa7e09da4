/// A fault or a report: both keep their two free texts in one out-of-line ``ConnectorState/Texts``
/// and read and write them the same way.
protocol CarriesErrorTexts {
    var texts: ConnectorState.Texts? { get set }
}

extension CarriesErrorTexts {
    var info: String? {
        get { texts?.info }
        set { texts = ConnectorState.Texts.make(info: newValue, vendorErrorCode: vendorErrorCode) }
    }
    var vendorErrorCode: String? {
        get { texts?.vendorErrorCode }
        set { texts = ConnectorState.Texts.make(info: info, vendorErrorCode: newValue) }
    }
}
