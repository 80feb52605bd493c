import Foundation
import LecternTestSupport
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `Server/sites.py` on 127.0.0.1 for one test: the fault server's routes plus a WordPress-like
/// site and a log of the status of every answer.
///
/// Like `TestServer`, it exits when the pipe to its stdin closes.
final class SyncSiteServer {
    struct Answer: Decodable {
        var path: String
        var status: Int
    }

    let root: URL
    private let server: PythonServer

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-sites-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        server = try PythonServer(script: "sites.py", arguments: [root.path])
    }

    var port: Int { server.port }

    var base: String { "http://127.0.0.1:\(port)" }

    func url(_ path: String) -> URL {
        URL(string: base + path)!
    }

    /// Writes a file under the served directory, creating its folders.
    func write(_ relativePath: String, _ data: Data) throws {
        let file = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func write(_ relativePath: String, text: String) throws {
        try write(relativePath, Data(text.utf8))
    }

    /// The status of every answer so far; `clear` forgets them (and the request log) after.
    func answers(clear: Bool = false) async throws -> [Answer] {
        let (data, _) = try await URLSession.shared.data(from: url(clear ? "/__status?clear=1" : "/__status"))
        return try JSONDecoder().decode([Answer].self, from: data)
    }

    func stop() {
        server.stop()
        try? FileManager.default.removeItem(at: root)
    }
}
