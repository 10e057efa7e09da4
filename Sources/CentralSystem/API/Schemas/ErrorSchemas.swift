/// The error bodies of reference §2.6, by status: `{message}` (401, 404, 405, 409, 429),
/// `{message, errors}` (422) and the 406 of actions (`{message}`, plus `success: false` from
/// set-security-profile).
enum ErrorSchemas {
    /// `{"message": ..., "errors"?: {field: [messages]}}`; 409 "taken" answers carry `errors`.
    static let error = OpenAPISchema.component(
        "Error",
        .object([
            "message": OpenAPISchema.string.required, "errors": .map(.array(.string)),
        ]))

    /// 422: the Laravel validation shape, `errors` mapping each field path to its messages.
    static let validation = OpenAPISchema.component(
        "ValidationError",
        .object([
            "message": OpenAPISchema.string.required, "errors": OpenAPISchema.map(.array(.string)).required,
        ]))

    /// 406: why the charge point did not carry the command out ([INF]: the reference's "usually
    /// empty" body gets a message; set-security-profile adds `success: false`).
    static let notAcceptable = OpenAPISchema.component(
        "NotAcceptable",
        .object([
            "message": OpenAPISchema.string.required, "success": OpenAPISchema.boolean,
        ]))

    /// The schema of an error `status`, `nil` for statuses with no body (204).
    static func schema(status: Int) -> OpenAPISchema? {
        switch status {
        case 204: nil
        case 406: notAcceptable
        case 422: validation
        default: error
        }
    }
}
