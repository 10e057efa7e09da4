/// A payload that writes its own compact JSON (``CompactJSONWriter``), so ``RawJSON/init(encoding:)``
/// skips `JSONEncoder` for it. Only the messages every charger sends all the time conform
/// (MeterValues, Heartbeat, StatusNotification and their answers): that is where the fleet's CPU
/// per call goes. The bytes are the ones `JSONEncoder` with sorted keys writes.
protocol DirectJSONEncodable {
    /// Writes the value; false when it cannot (a timestamp outside 0000...9999), and the caller
    /// falls back to `JSONEncoder`, which reports the error.
    func write(to writer: inout CompactJSONWriter) -> Bool
}

// Keys in sorted order, optional fields left out when nil: the bytes of the synthesized
// `Encodable` conformances under `JSONEncoder.OutputFormatting.sortedKeys`.

extension MeterValuesRequest: DirectJSONEncodable {
    func write(to writer: inout CompactJSONWriter) -> Bool {
        writer.beginObject()
        writer.key("connectorId")
        writer.value(connectorId)
        writer.key("meterValue")
        writer.beginArray()
        for item in meterValue {
            writer.element()
            guard item.write(to: &writer) else { return false }
        }
        writer.endArray()
        if let transactionId {
            writer.key("transactionId")
            writer.value(transactionId)
        }
        writer.endObject()
        return true
    }
}

extension MeterValue: DirectJSONEncodable {
    func write(to writer: inout CompactJSONWriter) -> Bool {
        writer.beginObject()
        writer.key("sampledValue")
        writer.beginArray()
        for sample in sampledValue {
            writer.element()
            sample.write(to: &writer)
        }
        writer.endArray()
        writer.key("timestamp")
        guard writer.value(timestamp) else { return false }
        writer.endObject()
        return true
    }
}

extension SampledValue {
    func write(to writer: inout CompactJSONWriter) {
        writer.beginObject()
        if let context {
            writer.key("context")
            writer.value(context.rawValue)
        }
        if let format {
            writer.key("format")
            writer.value(format.rawValue)
        }
        if let location {
            writer.key("location")
            writer.value(location.rawValue)
        }
        if let measurand {
            writer.key("measurand")
            writer.value(measurand.rawValue)
        }
        if let phase {
            writer.key("phase")
            writer.value(phase.rawValue)
        }
        if let unit {
            writer.key("unit")
            writer.value(unit.rawValue)
        }
        writer.key("value")
        writer.value(value)
        writer.endObject()
    }
}

extension StatusNotificationRequest: DirectJSONEncodable {
    func write(to writer: inout CompactJSONWriter) -> Bool {
        writer.beginObject()
        writer.key("connectorId")
        writer.value(connectorId)
        writer.key("errorCode")
        writer.value(errorCode.rawValue)
        if let info {
            writer.key("info")
            writer.value(info.value)
        }
        writer.key("status")
        writer.value(status.rawValue)
        if let timestamp {
            writer.key("timestamp")
            guard writer.value(timestamp) else { return false }
        }
        if let vendorErrorCode {
            writer.key("vendorErrorCode")
            writer.value(vendorErrorCode.value)
        }
        if let vendorId {
            writer.key("vendorId")
            writer.value(vendorId.value)
        }
        writer.endObject()
        return true
    }
}

extension HeartbeatRequest: DirectJSONEncodable {
    func write(to writer: inout CompactJSONWriter) -> Bool {
        writer.beginObject()
        writer.endObject()
        return true
    }
}

extension HeartbeatResponse: DirectJSONEncodable {
    func write(to writer: inout CompactJSONWriter) -> Bool {
        writer.beginObject()
        writer.key("currentTime")
        guard writer.value(currentTime) else { return false }
        writer.endObject()
        return true
    }
}

extension MeterValuesResponse: DirectJSONEncodable {
    func write(to writer: inout CompactJSONWriter) -> Bool {
        writer.beginObject()
        writer.endObject()
        return true
    }
}

extension StatusNotificationResponse: DirectJSONEncodable {
    func write(to writer: inout CompactJSONWriter) -> Bool {
        writer.beginObject()
        writer.endObject()
        return true
    }
}
