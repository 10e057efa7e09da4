import Foundation
import Hummingbird
import PublicAPI

/// The billing view (reference §4.14): tariffs v1.0 (CRUD, PUT replaces), tariff snapshots
/// (read), transactions v1.0 (list, read) and invoices v1.0 (page-only list with
/// `issuedFrom`/`issuedTo`, read).
enum BillingRoutes {
    static let resources = "/public-api/resources"
    /// Currency of tariffs created without one ([INF]: `currency` is read-only in AMPECO's schema).
    static let defaultCurrency = "EUR"

    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        let store = deps.store
        let tariffs = "\(resources)/tariffs/v1.0"
        return [
            APIRoute(
                .get, tariffs, "listTariffs", "List tariffs", tag: "Billing", success: 200, failures: [422],
                query: APIPagination.pageOrCursor.queryParameters,
                response: .list(Tariff.openAPISchema, pagination: .pageOrCursor)
            ) { call in
                let page = try await store.listTariffs(page: try APIPagination.pageOrCursor.request(call))
                return try APIResponse.json(
                    APIPagination.envelope(page, items: page.items.map(Tariff.init(record:)), call: call))
            },
            APIRoute(
                .post, tariffs, "createTariff", "Create a tariff", tag: "Billing", success: 201, failures: [422],
                bodySchema: tariffSchema, response: .data(Tariff.openAPISchema)
            ) { call in
                let now = deps.now().date
                var record = try tariffRecord(try call.decode(Tariff.self), now: now)
                record = try await store.createTariff(record)
                return try APIResponse.data(Tariff(record: record), status: .created)
            },
            APIRoute(
                .get, "\(tariffs)/{tariff}", "readTariff", "Read a tariff", tag: "Billing", success: 200,
                failures: [404], response: .data(Tariff.openAPISchema)
            ) { call in
                try APIResponse.data(Tariff(record: try await findTariff(call, store)))
            },
            APIRoute(
                .put, "\(tariffs)/{tariff}", "replaceTariff", "Replace a tariff", tag: "Billing", success: 200,
                failures: [404, 422], hasBody: true, response: .data(Tariff.openAPISchema)
            ) { call in
                let existing = try await findTariff(call, store)
                var record = try tariffRecord(try call.decode(Tariff.self), now: deps.now().date)
                record.id = existing.id
                record.createdAt = existing.createdAt
                record.currency = existing.currency
                try await store.update(record)
                return try APIResponse.data(Tariff(record: record))
            },
            APIRoute(
                .delete, "\(tariffs)/{tariff}", "deleteTariff", "Delete a tariff", tag: "Billing", success: 204,
                failures: [404], response: nil
            ) { call in
                guard try await store.deleteTariff(id: try call.id("tariff", model: "Tariff")) else {
                    throw APIFailure.notFound("Tariff")
                }
                return APIResponse.empty(.noContent)
            },
            APIRoute(
                .get, "\(resources)/tariff-snapshots/v1.0/{tariffSnapshot}", "readTariffSnapshot",
                "Read the tariff frozen at a session's start", tag: "Billing", success: 200, failures: [404],
                response: .data(TariffSnapshot.openAPISchema)
            ) { call in
                guard
                    let record = try await store.tariffSnapshot(
                        id: try call.id("tariffSnapshot", model: "TariffSnapshot"))
                else { throw APIFailure.notFound("TariffSnapshot") }
                return try APIResponse.data(TariffSnapshot(record: record))
            },
            APIRoute(
                .get, "\(resources)/transactions/v1.0", "listTransactions", "List payment transactions",
                tag: "Billing", success: 200, failures: [422],
                query: APIPagination.pageOrCursor.queryParameters + ["filter[sessionId]"],
                response: .list(Transaction.openAPISchema, pagination: .pageOrCursor)
            ) { call in
                let page = try await store.listPayments(
                    sessionId: try call.intFilter("sessionId"), page: try APIPagination.pageOrCursor.request(call))
                return try APIResponse.json(
                    APIPagination.envelope(page, items: page.items.map(Transaction.init(record:)), call: call))
            },
            APIRoute(
                .get, "\(resources)/transactions/v1.0/{transaction}", "readTransaction", "Read a payment transaction",
                tag: "Billing", success: 200, failures: [404], response: .data(Transaction.openAPISchema)
            ) { call in
                guard let record = try await store.payment(id: try call.id("transaction", model: "Transaction")) else {
                    throw APIFailure.notFound("Transaction")
                }
                return try APIResponse.data(Transaction(record: record))
            },
            APIRoute(
                .get, "\(resources)/invoices/v1.0", "listInvoices", "List invoices", tag: "Billing", success: 200,
                failures: [422],
                query: APIPagination.pageOnly.queryParameters + ["filter[issuedFrom]", "filter[issuedTo]"],
                response: .list(Invoice.openAPISchema, pagination: .pageOnly)
            ) { call in
                let (number, perPage) = try APIPagination.page(call)
                let page = try await store.listInvoices(
                    issuedFrom: try call.dateFilter("issuedFrom"), issuedTo: try call.dateFilter("issuedTo"),
                    page: number, perPage: perPage)
                return try APIResponse.json(
                    APIPagination.envelope(page, items: page.items.map(Invoice.init(record:)), call: call))
            },
            APIRoute(
                .get, "\(resources)/invoices/v1.0/{invoice}", "readInvoice", "Read an invoice", tag: "Billing",
                success: 200, failures: [404], response: .data(Invoice.openAPISchema)
            ) { call in
                guard let record = try await store.invoice(id: try call.id("invoice", model: "Invoice")) else {
                    throw APIFailure.notFound("Invoice")
                }
                return try APIResponse.data(Invoice(record: record))
            },
        ]
    }

    /// The tariff types priced here and their pricing fields (reference §4.14).
    static let tariffSchema = #"""
        {"type":"object","required":["name","type"],"properties":{
         "name":{"type":"string","minLength":1},
         "type":{"type":"string","enum":["free","charging not allowed","duration+energy"]},
         "pricing":{"type":"object","nullable":true,"properties":{
           "pricePerKwh":{"type":"number","minimum":0,"nullable":true},
           "pricePeriodInMinutes":{"type":"integer","enum":[1,15,30,60,240,360,null],"nullable":true},
           "pricePerPeriod":{"type":"number","minimum":0,"nullable":true},"connectionFee":{"type":"number","minimum":0,"nullable":true},
           "minPrice":{"type":"number","minimum":0,"nullable":true}}}}}
        """#

    static func findTariff(_ call: APICall, _ store: Store) async throws -> TariffRecord {
        guard let record = try await store.tariff(id: try call.id("tariff", model: "Tariff")) else {
            throw APIFailure.notFound("Tariff")
        }
        return record
    }

    /// A tariff row from a create/PUT body: `name` and a known `type` are required; the embedded
    /// back end prices `free`, `flat rate` (as a connection fee) and `duration+energy` ([INF]).
    static func tariffRecord(_ body: Tariff, now: Date) throws(APIFailure) -> TariffRecord {
        guard !body.name.isEmpty else { throw .invalid("name", "The name field is required.") }
        let pricing = body.pricing
        switch body.type {
        case .free, .chargingNotAllowed, .durationEnergy: break
        case .flatRate:
            guard pricing?.pricePerSession != nil else {
                throw .invalid("pricing.pricePerSession", "The pricing.pricePerSession field is required.")
            }
        case .durationEnergyTimeOfDay, .energyTou, .standard, .standardTod, .averagePowerLevels, .peakPowerLevels,
            .optimisedDynamicPricing:
            throw .invalid("type", "The tariff type \(body.type.rawValue) is not supported by this back end.")
        case .unknown(let raw):
            throw .invalid("type", "The selected type \(raw) is invalid.")
        }
        let prices: [(String, Decimal?)] = [
            ("pricePerKwh", pricing?.pricePerKwh), ("pricePerPeriod", pricing?.pricePerPeriod),
            ("connectionFee", pricing?.connectionFee), ("minPrice", pricing?.minPrice),
            ("pricePerSession", pricing?.pricePerSession),
        ]
        for (name, price) in prices where (price ?? 0) < 0 {
            throw .invalid("pricing.\(name)", "The pricing.\(name) must be at least 0.")
        }
        if let minutes = pricing?.pricePeriodInMinutes, ![1, 15, 30, 60, 240, 360].contains(minutes) {
            throw .invalid(
                "pricing.pricePeriodInMinutes", "The pricePeriodInMinutes must be 1, 15, 30, 60, 240 or 360.")
        }
        let connectionFee = body.type == .flatRate ? pricing?.pricePerSession : pricing?.connectionFee
        return TariffRecord(
            name: body.name, type: body.type, currency: body.currency ?? defaultCurrency,
            pricePerKwh: pricing?.pricePerKwh, pricePeriodInMinutes: pricing?.pricePeriodInMinutes,
            pricePerPeriod: pricing?.pricePerPeriod, connectionFee: connectionFee, minPrice: pricing?.minPrice,
            taxPercentage: 0, createdAt: now, updatedAt: now)
    }
}
