import Foundation

/// Runs the built `lectern` as a shell would, without a terminal (stdin is /dev/null), on one
/// cache and with the environment a test gives it (its own config and data folders).
public struct LecternProcess: Sendable {
    public struct Outcome: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String
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

    public func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments + (database.map { ["--db", $0] } ?? [])
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Both pipes drain at once: a command filling one while the test waits on the other
        // would never finish.
        let errorText = ErrorDrain(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errorText.wait()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            errors: String(decoding: errorData, as: UTF8.self))
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
