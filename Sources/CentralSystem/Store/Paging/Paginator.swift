import GRDB

/// Applies a `PageRequest` to a filtered query ordered by the table's integer `id`.
enum Paginator {
    static func fetch<Record: FetchableRecord & TableRecord & Sendable>(
        _ query: QueryInterfaceRequest<Record>, _ request: PageRequest, idOf: (Record) -> Int64?, _ db: Database
    ) throws -> Page<Record> {
        let id = Column("id")
        let perPage = request.perPage
        switch request {
        case .page(let number, _):
            let page = max(number, 1)
            let total = try query.fetchCount(db)
            let items = try query.order(id.asc).limit(perPage, offset: (page - 1) * perPage).fetchAll(db)
            let lastPage = max(1, (total + perPage - 1) / perPage)
            return Page(items: items, perPage: perPage, pageNumber: page, total: total, lastPage: lastPage)
        case .cursor(.start, _):
            let rows = try query.order(id.asc).limit(perPage + 1).fetchAll(db)
            let items = Array(rows.prefix(perPage))
            let next = rows.count > perPage ? items.last.flatMap(idOf).map(PageCursor.after) : nil
            return Page(items: items, perPage: perPage, next: next)
        case .cursor(.after(let after), _):
            let rows = try query.filter(id > after).order(id.asc).limit(perPage + 1).fetchAll(db)
            let items = Array(rows.prefix(perPage))
            let next = rows.count > perPage ? items.last.flatMap(idOf).map(PageCursor.after) : nil
            let previous = items.first.flatMap(idOf).map(PageCursor.before)
            return Page(items: items, perPage: perPage, next: next, previous: previous)
        case .cursor(.before(let before), _):
            let rows = try query.filter(id < before).order(id.desc).limit(perPage + 1).fetchAll(db)
            let items = Array(rows.prefix(perPage).reversed())
            let previous = rows.count > perPage ? items.first.flatMap(idOf).map(PageCursor.before) : nil
            let next = items.last.flatMap(idOf).map(PageCursor.after)
            return Page(items: items, perPage: perPage, next: next, previous: previous)
        }
    }
}
