/// Every Public API route the embedded central system serves (except the OpenAPI document,
/// which `PublicAPIServer` adds), in the order the OpenAPI document lists them.
enum APIRouteTable {
    static func routes(_ deps: APIDependencies) -> [APIRoute] {
        ChargePointRoutes.routes(deps) + EVSERoutes.routes(deps) + EVSEWriteRoutes.routes(deps)
            + SessionRoutes.routes(deps)
            + IdTagRoutes.routes(deps) + AuthorizationRoutes.routes(deps) + LocationRoutes.routes(deps)
            + ReservationRoutes.routes(deps) + NotificationRoutes.routes(deps)
            + ChargePointNotificationRoutes.routes(deps) + ConfigurationRoutes.routes(deps)
            + BillingRoutes.routes(deps) + SessionActionRoutes.routes(deps) + ChargePointActionRoutes.routes(deps)
            + ReservationActionRoutes.routes(deps) + ChargePointV2ActionRoutes.routes(deps)
    }
}
