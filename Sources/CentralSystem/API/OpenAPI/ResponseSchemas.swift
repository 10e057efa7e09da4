/// Envelope schemas (reference §1, §2.3) around an item schema, as JSON text for
/// ``APIRoute/responseSchema``.
enum ResponseSchemas {
    /// `{"data": item}`.
    static func data(_ item: String) -> String {
        #"{"type":"object","required":["data"],"properties":{"data":\#(item)}}"#
    }

    /// `{"data": [item], "links": {first, last, prev, next}, "meta": {...}}`.
    static func list(_ item: String) -> String {
        let link = #"{"type":"string","nullable":true}"#
        return #"""
            {"type":"object","required":["data","links","meta"],"properties":{
             "data":{"type":"array","items":\#(item)},
             "links":{"type":"object","required":["first","last","prev","next"],"properties":{
               "first":\#(link),"last":\#(link),"prev":\#(link),"next":\#(link)}},
             "meta":{"type":"object","required":["path","per_page"],"properties":{
               "path":{"type":"string"},"per_page":{"type":"integer"}}}}}
            """#
    }
}
