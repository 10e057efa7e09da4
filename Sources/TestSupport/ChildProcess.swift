import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
    import Glibc
#endif

/// A child process for tests, started with `posix_spawn` and reaped by a thread of its own.
///
/// Why not Foundation's `Process` (swift-corelibs-foundation 6.3 on Linux):
/// - `run()` scans `/proc/self/fd` copying a fixed 256 bytes of each entry's name, past the end
///   of short entries. A test process full of sockets crashed there (`Process.run() + 6428`, a
///   bad pointer in `memmove`; swift-corelibs-foundation#5472, fixed after 6.3).
/// - `waitUntilExit()` spins the calling thread's run loop until Foundation marks the child
///   exited, and can miss a child that exited at once. Tests run on Swift's cooperative pool, two
///   threads on two cores: a wait that never returns holds the suite until CI's time limit.
///
/// Here the exit is awaited (``status()``) without holding a thread; synchronous helpers whose
/// child ends in moments (`openssl`) may block on ``waitForStatus()``.
public final class ChildProcess: Sendable {
    /// Where a standard stream of the child goes.
    public enum Stream: Sendable {
        /// `/dev/null`.
        case null
        /// A file: read from for standard input, created or truncated for the others.
        case file(String)
        /// An open descriptor of this process (a pipe's end), duplicated into place.
        case descriptor(Int32)
        /// Standard error only: wherever standard output goes.
        case standardOutput
    }

    /// The child could not be started.
    public struct SpawnFailed: Error, CustomStringConvertible {
        public let description: String
    }

    /// The child's process id.
    public let processIdentifier: pid_t
    /// The exit code once reaped, and the tasks awaiting it. `waitForStatus()` sleeps on
    /// `exitCondition`, which `finish` broadcasts once the code is set: the condition holds no
    /// state of its own.
    private let exitState = NIOLockedValueBox(ExitState())
    private let exitCondition = NSCondition()

    private struct ExitState {
        var code: Int32?
        var waiters: [CheckedContinuation<Int32, Never>] = []
    }

    /// Starts `executable` (a path) with `arguments`; `environment` nil inherits this process's.
    public init(
        executable: String, arguments: [String], environment: [String: String]? = nil,
        standardInput: Stream = .null, standardOutput: Stream = .null, standardError: Stream = .null
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        try Self.place(standardInput, at: 0, actions: &actions)
        try Self.place(standardOutput, at: 1, actions: &actions)
        try Self.place(standardError, at: 2, actions: &actions)
        // The test process's sockets and files stay out of the child (most are close-on-exec;
        // this covers the rest).
        _ = Self.addCloseFrom?(&actions, 3)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            for argument in argv { free(argument) }
            for variable in envp ?? [] { free(variable) }
        }
        var pid = pid_t()
        let result =
            if let envp {
                posix_spawn(&pid, executable, &actions, nil, argv, envp)
            } else {
                posix_spawn(&pid, executable, &actions, nil, argv, environ)
            }
        guard result == 0 else {
            throw SpawnFailed(description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        processIdentifier = pid
        let thread = Thread { [self] in reap() }
        thread.name = "chargesim.test.reaper"
        thread.start()
    }

    /// A pipe whose ends close on exec: give `write` to the child as a ``Stream/descriptor(_:)``
    /// and close it here once the child started.
    public static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else {
            throw SpawnFailed(description: "pipe: \(String(cString: strerror(errno)))")
        }
        // Close-on-exec: only the child this end is given to (dup2 clears the flag) holds it.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }

    /// The exit status once the child exited (the signal number for a child killed by one).
    public func status() async -> Int32 {
        await withCheckedContinuation { continuation in
            let code = exitState.withLockedValue { state -> Int32? in
                if state.code == nil { state.waiters.append(continuation) }
                return state.code
            }
            if let code { continuation.resume(returning: code) }
        }
    }

    /// The exit status, blocking this thread until the child exited: only for children that end
    /// by themselves in moments, or that were just killed.
    public func waitForStatus() -> Int32 {
        exitCondition.lock()
        defer { exitCondition.unlock() }
        while true {
            if let code = statusIfExited { return code }
            exitCondition.wait()
        }
    }

    /// The exit status if the child exited, nil while it runs.
    public var statusIfExited: Int32? { exitState.withLockedValue { $0.code } }

    /// Whether the child still runs.
    public var isRunning: Bool { statusIfExited == nil }

    /// Sends `signal` (`SIGTERM`, `SIGKILL`, ...) to a child still running.
    public func send(_ signal: Int32) {
        if isRunning { kill(processIdentifier, signal) }
    }

    private func reap() {
        var raw: Int32 = 0
        while waitpid(processIdentifier, &raw, 0) == -1 {
            guard errno == EINTR else {
                finish(-1)
                return
            }
        }
        // Exited: its code; killed: the signal's number (what Foundation's `Process` reports).
        let signal = raw & 0x7f
        finish(signal == 0 ? (raw >> 8) & 0xff : signal)
    }

    private func finish(_ code: Int32) {
        let waiters = exitState.withLockedValue { state -> [CheckedContinuation<Int32, Never>] in
            state.code = code
            defer { state.waiters = [] }
            return state.waiters
        }
        exitCondition.lock()
        exitCondition.broadcast()
        exitCondition.unlock()
        for waiter in waiters { waiter.resume(returning: code) }
    }

    private static func place(
        _ stream: Stream, at descriptor: Int32, actions: inout posix_spawn_file_actions_t
    ) throws {
        let result: Int32
        switch stream {
        case .null:
            result = posix_spawn_file_actions_addopen(
                &actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        case .file(let path):
            result = posix_spawn_file_actions_addopen(
                &actions, descriptor, path, descriptor == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        case .descriptor(let open):
            result = posix_spawn_file_actions_adddup2(&actions, open, descriptor)
        case .standardOutput:
            result = posix_spawn_file_actions_adddup2(&actions, 1, descriptor)
        }
        guard result == 0 else {
            throw SpawnFailed(
                description: "cannot set up descriptor \(descriptor): \(String(cString: strerror(result)))")
        }
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 on), which Swift's Glibc module
    /// does not declare.
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private static let addCloseFrom: AddCloseFrom? = dlsym(
        UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np"
    ).map { unsafeBitCast($0, to: AddCloseFrom.self) }
}
