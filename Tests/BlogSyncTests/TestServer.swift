import Foundation
import LecternTestSupport
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The Python fault server (`Server/test_server.py`) running on 127.0.0.1 for one test.
///
/// The server exits when the pipe to its stdin closes, so even a crashed test run leaves
/// nothing behind; `stop()` ends it at once.
final class TestServer {
    struct LoggedRequest: Decodable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: String
        /// The client's TCP port: requests sharing one came over the same connection.
        var clientPort: Int?

        /// A header by case-insensitive name.
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    let root: URL
    private let server: PythonServer

    /// Starts the server on a fresh temporary directory it serves files from.
    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-http-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        server = try PythonServer(script: "test_server.py", arguments: [root.path])
    }

    var port: Int { server.port }

    /// An absolute URL on this server.
    func url(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)\(path)")!
    }

    /// Puts a file in the served directory.
    func addFile(_ name: String, contents: String) throws {
        try Data(contents.utf8).write(to: root.appendingPathComponent(name))
    }

    /// The requests received so far whose path starts with `prefix`.
    func requests(to prefix: String) async throws -> [LoggedRequest] {
        let (data, _) = try await URLSession.shared.data(from: url("/__log"))
        return try JSONDecoder().decode([LoggedRequest].self, from: data)
            .filter { $0.path.hasPrefix(prefix) }
    }

    func stop() {
        server.stop()
        try? FileManager.default.removeItem(at: root)
    }
}
