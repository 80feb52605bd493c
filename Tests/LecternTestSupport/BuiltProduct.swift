import Foundation
import XCTest

/// The package's built executables, for tests that run them as a user would.
public enum BuiltProduct {
    /// The built `lectern`: `$LECTERN_BIN` when set, else the package's debug build.
    public static func lectern() throws -> URL {
        if let configured = ProcessInfo.processInfo.environment["LECTERN_BIN"], !configured.isEmpty {
            return URL(fileURLWithPath: configured)
        }
        return try named("lectern")
    }

    /// The executable `name` (`lectern-bench` for the terminal self-test) in the package's
    /// debug build; throws `XCTSkip` when it is not built.
    public static func named(_ name: String) throws -> URL {
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // LecternTestSupport
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        let candidates = [".build/debug/\(name)", ".build/x86_64-unknown-linux-gnu/debug/\(name)"]
            .map { packageRoot.appendingPathComponent($0) }
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("no \(name) binary: run `swift build` first")
        }
        return binary
    }
}
