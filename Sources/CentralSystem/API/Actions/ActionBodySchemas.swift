/// JSON Schemas (as JSON text) of the action bodies of reference §5, for the OpenAPI document:
/// required fields, types, enums and the bounds the handlers check.
enum ActionBodySchemas {
    static let dateTime = #"{"type":"string","format":"date-time","nullable":true}"#
    static let localDateTime = #"""
        {"type":"string","nullable":true,
         "pattern":"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$"}
        """#

    static let chargingProfile = #"""
        {"type":"object","required":["stackLevel","chargingProfilePurpose","chargingProfileKind","chargingSchedule"],
         "properties":{
          "stackLevel":{"type":"integer","minimum":0,"maximum":2147483647},
          "chargingProfilePurpose":{"type":"string","enum":["ChargePointMaxProfile","TxDefaultProfile","TxProfile"]},
          "chargingProfileKind":{"type":"string","enum":["Absolute","Relative","Recurring"]},
          "recurrencyKind":{"type":"string","enum":["Daily","Weekly",null],"nullable":true},
          "transactionId":{"type":"integer","nullable":true,"minimum":-2147483648,"maximum":2147483647},
          "validFrom":\#(dateTime),"validTo":\#(dateTime),
          "chargingSchedule":{"type":"object","required":["chargingRateUnit","chargingSchedulePeriod"],"properties":{
            "id":{"type":"integer","nullable":true,"minimum":-2147483648,"maximum":2147483647},
            "duration":{"type":"integer","nullable":true,"minimum":-2147483648,"maximum":2147483647},
            "startSchedule":\#(dateTime),
            "chargingRateUnit":{"type":"string","enum":["A","W"]},
            "minChargingRate":{"type":"number","nullable":true,"minimum":0,"maximum":1000000},
            "chargingSchedulePeriod":{"type":"array","minItems":1,"items":{"type":"object",
              "required":["startPeriod","limit"],"properties":{
                "startPeriod":{"type":"integer","minimum":0,"maximum":2147483647},
                "limit":{"type":"number","minimum":0,"maximum":1000000},
                "numberPhases":{"type":"integer","minimum":1,"maximum":3,"nullable":true}}}}}}},
         "oneOf":[{"properties":{"chargingProfileKind":{"enum":["Absolute","Relative"]}}},
          {"required":["recurrencyKind"],"properties":{"chargingProfileKind":{"enum":["Recurring"]},
           "recurrencyKind":{"type":"string","enum":["Daily","Weekly"]}}}]}
        """#

    static let start = #"""
        {"type":"object","properties":{
         "idTag":{"type":"string","minLength":1,"maxLength":20,"nullable":true},
         "connectorId":{"type":"integer","minimum":1,"maximum":2147483647,"nullable":true},
         "bookingId":{"type":"integer","nullable":true},"externalSessionId":{"type":"string","nullable":true},
         "chargingProfile":\#(chargingProfile)}}
        """#
    static let startWithoutEVSE = #"""
        {"type":"object","properties":{
         "idTag":{"type":"string","minLength":1,"maxLength":20,"nullable":true},
         "connectorId":{"type":"integer","minimum":1,"maximum":2147483647,"nullable":true},
         "bookingId":{"type":"integer","nullable":true},"externalSessionId":{"type":"string","nullable":true}}}
        """#
    static let force = #"{"type":"object","properties":{"force":{"type":"boolean","nullable":true}}}"#
    static let cancel = #"""
        {"type":"object","properties":{"force":{"type":"boolean","nullable":true},
         "reason":{"type":"string","nullable":true}}}
        """#
    static let changeAvailability = #"""
        {"type":"object","required":["type"],"properties":{"type":{"type":"string","enum":["Operative","Inoperative"]},
         "evseNetworkId":{"type":"integer","nullable":true,"minimum":0,"maximum":2147483647}}}
        """#
    static let clearChargingProfile = #"""
        {"type":"object","properties":{"id":{"type":"integer","nullable":true,"minimum":-2147483648,"maximum":2147483647},
         "evseNetworkId":{"type":"string","nullable":true,"pattern":"^[0-9]{1,9}$"},
         "chargingProfilePurpose":{"type":"string","nullable":true,
           "enum":["ChargePointMaxProfile","TxDefaultProfile","TxProfile",null]},
         "stackLevel":{"type":"integer","nullable":true,"minimum":0,"maximum":2147483647}}}
        """#
    static let triggerMessage = #"""
        {"type":"object","required":["type"],"properties":{"type":{"type":"string","enum":[
         "BootNotification","DiagnosticsStatusNotification","FirmwareStatusNotification","Heartbeat","MeterValues",
         "StatusNotification","SignV2GCertificate","LogStatusNotification","PublishFirmwareStatusNotification",
         "SignChargingStationCertificate","SignCombinedCertificate","TransactionEvent"]}}}
        """#
    static let reserve = #"""
        {"type":"object","required":["userId"],"properties":{
         "userId":{"type":"integer","minimum":1,"maximum":2147483647},"reason":{"type":"string","nullable":true}}}
        """#
    static let getDiagnostics = #"""
        {"type":"object","required":["location"],"properties":{
         "location":{"type":"string","format":"uri","pattern":"^[a-z]+://[a-z0-9]"},
         "start":\#(dateTime),"stop":\#(dateTime)}}
        """#
    static let getSecurityLog = #"""
        {"type":"object","required":["url","reason"],"properties":{
         "url":{"type":"string","format":"uri","maxLength":512,"pattern":"^[a-z]+://[a-z0-9]"},
         "reason":{"type":"string"},
         "retries":{"type":"integer","minimum":0,"maximum":10,"nullable":true},
         "interval":{"type":"integer","minimum":0,"maximum":3600,"nullable":true},
         "startTime":\#(localDateTime),"stopTime":\#(localDateTime)}}
        """#
    static let sendDataTransfer = #"""
        {"type":"object","required":["vendorId"],"properties":{
         "vendorId":{"type":"string","minLength":1,"maxLength":255},
         "messageId":{"type":"string","maxLength":50,"nullable":true},"data":{"type":"string","nullable":true}}}
        """#
    static let syncConfiguration = #"""
        {"type":"object","properties":{"keys":{"type":"array","nullable":true,
         "items":{"type":"string","maxLength":50}}}}
        """#
    static let changeOwner = #"""
        {"type":"object","properties":{"userId":{"type":"integer","nullable":true,"minimum":1,"maximum":2147483647}}}
        """#
    static let disconnect = #"""
        {"type":"object","required":["reason"],"properties":{"reason":{"type":"string","minLength":1,"maxLength":255}}}
        """#
    static let setConfiguration = #"""
        {"type":"object","required":["name","value"],"properties":{
         "name":{"type":"string","minLength":1,"maxLength":50},"value":{"type":"string","maxLength":500},
         "instance":{"type":"string","nullable":true},"componentName":{"type":"string","nullable":true},
         "evseId":{"type":"integer","nullable":true}}}
        """#
    static let updateFirmware = #"""
        {"type":"object","required":["signed","url"],"properties":{
         "signed":{"type":"boolean"},
         "signingCertificate":{"type":"string","nullable":true},"signature":{"type":"string","nullable":true},
         "url":{"type":"string","format":"uri","maxLength":512,"pattern":"^[a-z]+://[a-z0-9]"},
         "retrieveAfter":\#(dateTime),
         "retries":{"type":"integer","minimum":0,"maximum":10,"nullable":true},
         "interval":{"type":"integer","minimum":0,"maximum":3600,"nullable":true},
         "downloadUrlProtocol":{"type":"string","enum":["http","https",null],"nullable":true}},
         "oneOf":[{"properties":{"signed":{"enum":[false]}}},
          {"required":["signingCertificate","signature"],"properties":{"signed":{"enum":[true]},
           "signingCertificate":{"type":"string","minLength":1,"maxLength":5500},
           "signature":{"type":"string","minLength":1,"maxLength":800}}}]}
        """#
    static let certificate = #"""
        {"type":"object","required":["certificateType"],"properties":{"certificateType":{"type":"string","enum":[
         "V2GRootCertificate","MORootCertificate","CSMSRootCertificate","ManufacturerRootCertificate",
         "ChargingStationCertificate","V2GCertificate","V2GCertificateChain"]}}}
        """#
    static let syncCertificates = #"""
        {"type":"object","properties":{"certificateType":{"type":"string","nullable":true,"enum":[
         "V2GRootCertificate","MORootCertificate","CSMSRootCertificate","V2GCertificateChain",
         "ManufacturerRootCertificate",null]}}}
        """#
    static let setSecurityProfile = #"""
        {"type":"object","required":["setSecurityProfile","reason"],"properties":{
         "setSecurityProfile":{"type":"integer","minimum":-2147483648,"maximum":2147483647},
         "reason":{"type":"string","minLength":1,"maxLength":500}}}
        """#
}
