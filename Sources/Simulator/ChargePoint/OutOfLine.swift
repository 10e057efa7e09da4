/// An optional value kept out of line: nil costs its holder 8 bytes and no allocation, a value
/// one heap box. For state most chargers never have (a firmware update, a diagnostics upload):
/// an inline optional would cost every charger its full size (issue 11: memory per idle charger).
///
/// A value type: the box is copied on write, as an array's storage is.
@propertyWrapper
struct OutOfLine<Wrapped: Sendable>: Sendable {
    // Zero or one element: copy-on-write and in-place writes come with ContiguousArray, and its
    // empty form is a shared singleton.
    private var storage: ContiguousArray<Wrapped>

    init(wrappedValue: Wrapped?) {
        storage = wrappedValue.map { [$0] } ?? []
    }

    var wrappedValue: Wrapped? {
        get { storage.first }
        set {
            if let newValue {
                if storage.isEmpty { storage = [newValue] } else { storage[0] = newValue }
            } else {
                storage = []
            }
        }
    }
}

extension OutOfLine: Equatable where Wrapped: Equatable {}
