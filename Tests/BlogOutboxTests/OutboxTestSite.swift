import Foundation
import LecternTestSupport
import XCTest

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The WordPress-like site (`Server/wordpress_site.py`) running on 127.0.0.1 for one test.
///
/// The site exits when the pipe to its stdin closes, so a crashed test run leaves nothing
/// behind; `stop()` ends it at once.
final class OutboxTestSite {
    /// One request the site received, with its form or JSON body decoded on the server side.
    struct LoggedRequest: Decodable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: String
        var form: [String: String]?
        var formRepeats: [String]?
        var json: [String: JSONValue]?

        enum CodingKeys: String, CodingKey {
            case method, path, headers, body, form, json
            case formRepeats = "form_repeats"
        }

        /// A header by case-insensitive name.
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// A JSON scalar as the site logged it.
    enum JSONValue: Decodable, Equatable {
        case number(Double)
        case string(String)
        case other

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let string = try? container.decode(String.self) {
                self = .string(string)
            } else {
                self = .other
            }
        }
    }

    private let server: PythonServer

    /// Starts the site with the given `wordpress_site.py` options.
    init(_ arguments: [String] = []) throws {
        server = try PythonServer(script: "wordpress_site.py", arguments: arguments)
    }

    var port: Int { server.port }

    var siteURL: String { "http://127.0.0.1:\(port)" }

    func url(_ path: String) -> URL { URL(string: siteURL + path)! }

    /// The comment requests received so far (form and REST), oldest first.
    func commentRequests() async throws -> [LoggedRequest] {
        let (data, _) = try await URLSession.shared.data(from: url("/__log"))
        return try JSONDecoder().decode([LoggedRequest].self, from: data)
            .filter { $0.method == "POST" }
    }

    /// Makes the next `count` comment requests answer `status`.
    func failNext(_ count: Int, status: Int) async throws {
        var request = URLRequest(url: url("/__fail?count=\(count)&status=\(status)"))
        request.httpMethod = "POST"
        _ = try await URLSession.shared.data(for: request)
    }

    func stop() { server.stop() }
}
