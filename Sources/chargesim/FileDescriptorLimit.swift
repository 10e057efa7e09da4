#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's open-file limit (RLIMIT_NOFILE): every connection is a descriptor, so a large
/// fleet raises its soft limit to the hard one at start and says when even that caps it.
enum FileDescriptorLimit {
    /// Descriptors kept for everything that is not a charger connection (stdio, epoll, event
    /// loop wake-ups, state files, the HTTP client).
    static let reserve = 64

    /// Raises the soft limit to the hard limit; returns the limit now in force.
    @discardableResult
    static func raiseToHard() -> Int {
        var limit = rlimit()
        guard getrlimit(resourceNoFile, &limit) == 0 else { return Int.max }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(resourceNoFile, &raised) == 0 { limit = raised }
        }
        return limit.rlim_cur == rlim_t.max ? Int.max : Int(clamping: limit.rlim_cur)
    }

    /// How many connections fit under `limit` descriptors.
    static func connections(under limit: Int) -> Int {
        max(limit - reserve, 0)
    }

    #if canImport(Glibc)
        private static let resourceNoFile = __rlimit_resource_t(UInt32(RLIMIT_NOFILE.rawValue))
    #else
        private static let resourceNoFile = RLIMIT_NOFILE
    #endif
}
