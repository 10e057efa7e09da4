import PublicAPI

// The list envelope's parts (reference §2.3). `{data}` and `{data, links, meta}` themselves are
// built by `OpenAPISchema.data` and `OpenAPISchema.list`.

extension PageLinks: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "first": OpenAPISchema.string.nullable.required, "last": OpenAPISchema.string.nullable.required,
            "prev": OpenAPISchema.string.nullable.required, "next": OpenAPISchema.string.nullable.required,
        ])
    }
}

extension PageLink: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "url": OpenAPISchema.string.nullable.required, "label": OpenAPISchema.string.required,
            "active": OpenAPISchema.boolean.required,
        ])
    }
}

extension PageModeMeta: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "current_page": OpenAPISchema.integer.required, "from": OpenAPISchema.integer.nullable.required,
            "last_page": OpenAPISchema.integer.required, "links": OpenAPISchema.array(PageLink.openAPISchema).required,
            "path": OpenAPISchema.string.required, "per_page": OpenAPISchema.integer.required,
            "to": OpenAPISchema.integer.nullable.required, "total": OpenAPISchema.integer.required,
        ])
    }
}

extension CursorModeMeta: OpenAPIComponent {
    static var openAPIProperties: OpenAPISchema {
        .object([
            "path": OpenAPISchema.string.required, "per_page": OpenAPISchema.integer.required,
            "next_cursor": OpenAPISchema.string.nullable.required,
            "prev_cursor": OpenAPISchema.string.nullable.required,
        ])
    }
}
