/// A plain-text table: a header row and left-aligned columns two spaces apart.
struct Table {
    var headers: [String]
    var rows: [[String]]

    /// The table as text, one line per row, no trailing spaces; `(none)` when there are no rows.
    var rendered: String {
        guard !rows.isEmpty else { return headers.isEmpty ? "" : "(none)" }
        let all = [headers] + rows
        let widths = headers.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1
                    ? row[column] : row[column].padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
