import Foundation

/// Runs the built `lectern` as a shell would, without a terminal (stdin is /dev/null), on one
/// cache and with the environment a test gives it (its own config and data folders).
public struct LecternProcess: Sendable {
    public struct Outcome: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String
        /// True when the command outran the run's timeout and was killed.
        public var timedOut = false
    }

    public let binary: URL
    /// Added as `--db PATH` after the arguments, when set.
    public let database: String?
    /// Set on top of the test's own environment.
    public let environment: [String: String]

    public init(binary: URL, database: String? = nil, environment: [String: String] = [:]) {
        self.binary = binary
        self.database = database
        self.environment = environment
    }

    /// Runs `arguments` to the end, killing the command (SIGKILL) if it runs past `timeout`
    /// seconds, so a hung command fails its test instead of hanging the run.
    public func run(_ arguments: [String], timeout: TimeInterval = 300) throws -> Outcome {
        let process = makeProcess(arguments)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let watchdog = Watchdog(process, seconds: timeout)
        // Both pipes drain at once: a command filling one while the test waits on the other
        // would never finish.
        let errorText = ErrorDrain(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errorText.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self), timedOut: watchdog.fired)
    }

    /// Starts `arguments` and returns at once, output discarded: for a test that kills it.
    public func start(_ arguments: [String]) throws -> Process {
        let process = makeProcess(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func makeProcess(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + (database.map { ["--db", $0] } ?? [])
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        return process
    }

    /// Kills a process still running after its time.
    private final class Watchdog: @unchecked Sendable {
        private let lock = NSLock()
        private var didFire = false

        init(_ process: Process, seconds: TimeInterval) {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
                guard process.isRunning else { return }
                lock.lock()
                didFire = true
                lock.unlock()
                kill(pid, SIGKILL)
            }
        }

        var fired: Bool {
            lock.lock()
            defer { lock.unlock() }
            return didFire
        }
    }

    private final class ErrorDrain: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            DispatchQueue.global().async {
                self.data = handle.readDataToEndOfFile()
                self.done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
