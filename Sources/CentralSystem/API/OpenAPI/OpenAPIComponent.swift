/// A response model with a named schema in the OpenAPI document (`#/components/schemas/<name>`).
/// The PublicAPI models conform in `API/Schemas/`, one file per resource, so the document states
/// the same fields, types, nullability and `required` keys the encoder writes.
protocol OpenAPIComponent {
    /// The component's name; the type's name by default.
    static var componentName: String { get }
    /// The object schema: every property the model encodes, required when always written.
    static var openAPIProperties: OpenAPISchema { get }
}

extension OpenAPIComponent {
    static var componentName: String { String(describing: Self.self) }

    /// A reference to the component (rendered as `$ref`, or inline when made nullable).
    static var openAPISchema: OpenAPISchema { .component(componentName, openAPIProperties) }
}
