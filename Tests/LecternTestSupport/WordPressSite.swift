import Foundation
import XCTest

/// A real WordPress (Debian's package) on 127.0.0.1, started once per test process.
///
/// The first `shared()` runs `Tests/WordPressSite/wpsite` to start MariaDB and PHP's built-in
/// server in a temporary directory, installs WordPress and fills it with the standard content
/// (`wp.php fill`, described in `Tests/WordPressSite/README.md`). A test that changes the site
/// calls `reset()` first, so it starts from that content whatever ran before it. The site stops
/// when the test process exits; should the process die instead, wpsite's watchdog (`--owner`)
/// stops it and deletes the directory.
public final class WordPressSite: Sendable {
    /// The two permalink styles tests switch between: `?p=ID` links or `/YYYY/MM/slug/`.
    public enum Permalinks: String, Sendable {
        case plain, pretty
    }

    /// A status to give a comment, as `wp_set_comment_status` names them.
    public enum CommentStatus: String, Sendable {
        case approve, hold, spam, trash
    }

    /// What `comment_type` a new comment gets.
    public enum CommentType: String, Sendable {
        case comment, pingback, trackback
    }

    /// Everything the site holds that a reader could see or must not see (`wp.php truth`).
    public struct Truth: Decodable, Sendable {
        /// A published post (post type `post`), with its terms' names.
        public struct Post: Decodable, Sendable {
            public let id: Int
            public let guid: String
            public let link: String
            public let title: String
            public let status: String
            public let commentStatus: String
            public let dateGMT: String
            public let categories: [String]
            public let tags: [String]

            public enum CodingKeys: String, CodingKey {
                case id, guid, link, title, status, categories, tags
                case commentStatus = "comment_status"
                case dateGMT = "date_gmt"
            }

            public var commentsOpen: Bool { commentStatus == "open" }
            public var date: Date { WordPressSite.date(dateGMT) }
        }

        /// A comment of any post and any status, as stored.
        public struct Comment: Decodable, Sendable {
            public let id: Int
            public let post: Int
            /// 0 for a top-level comment.
            public let parent: Int
            /// "comment", "pingback" or "trackback".
            public let type: String
            /// "approved", "hold", "spam" or "trash".
            public let status: String
            /// As stored, so `&` in a visitor's name reads `&amp;` (WordPress escapes it on input).
            public let author: String
            /// The account that wrote it (1 is the admin); 0 for a visitor. Optional so that a
            /// truth without it still decodes.
            public let userID: Int?
            public let dateGMT: String
            /// The stored HTML, after WordPress's input filters (kses) for visitors.
            public let content: String

            public enum CodingKeys: String, CodingKey {
                case id, post, parent, type, status, author, content
                case userID = "user_id"
                case dateGMT = "date_gmt"
            }

            public var isApproved: Bool { status == "approved" }
            public var date: Date { WordPressSite.date(dateGMT) }
        }

        public let posts: [Post]
        public let comments: [Comment]

        /// The published post with this id.
        public func post(_ id: Int) -> Post? { posts.first { $0.id == id } }

        /// What a reader should show: the approved comments (pingbacks and trackbacks too) of
        /// published posts, oldest first, ties by id.
        public var visibleComments: [Comment] {
            let published = Set(posts.map(\.id))
            return comments.filter { $0.isApproved && published.contains($0.post) }
                .sorted { ($0.dateGMT, $0.id) < ($1.dateGMT, $1.id) }
        }

        /// The visible comments of one post.
        public func visibleComments(of post: Int) -> [Comment] {
            visibleComments.filter { $0.post == post }
        }
    }

    /// A failure of the site's scripts, with what they wrote on stderr.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static let adminUser = "admin"
    public static let adminPassword = "lectern-admin"

    public let port: Int
    public let directory: URL

    public var base: String { "http://127.0.0.1:\(port)" }

    public func url(_ path: String) -> URL { URL(string: base + path)! }

    private init(port: Int, directory: URL) {
        self.port = port
        self.directory = directory
    }

    // MARK: - The shared site

    private static let lock = NSLock()
    // Guarded by `lock`; a failed start is kept too, so later tests fail (or skip) at once.
    nonisolated(unsafe) private static var started: Result<WordPressSite, Error>?

    /// The site of this test process, started and filled on first use.
    ///
    /// Throws `XCTSkip` when php, php-mysql, mariadbd or WordPress is not installed; any other
    /// failure to start is a real error.
    public static func shared() throws -> WordPressSite {
        lock.lock()
        defer { lock.unlock() }
        if started == nil {
            started = Result { try start() }
        }
        return try started!.get()
    }

    private static func start() throws -> WordPressSite {
        if let missing = missingPackage() {
            throw XCTSkip(
                "the WordPress test site needs \(missing) (apt-get install wordpress mariadb-server php-cli php-mysql)")
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("lectern-wp-\(UUID().uuidString.prefix(8))")
        do {
            let owner = String(ProcessInfo.processInfo.processIdentifier)
            let output = try run(["start", directory.path, "--owner", owner], timeout: 90)
            guard
                let port = Int(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            else { throw Failure(description: "wpsite start printed no port") }
            let site = WordPressSite(port: port, directory: directory)
            // Registered as soon as something runs, so a failing install or fill still stops it.
            atexit { WordPressSite.stopAtExit() }
            stopping = site.directory
            _ = try site.wp(["install"], timeout: 60)
            _ = try site.wp(["fill"], timeout: 120)
            return site
        } catch {
            stop(directory)
            stopping = nil
            throw error
        }
    }

    // Guarded by `lock` like `started`; the directory atexit must stop.
    nonisolated(unsafe) private static var stopping: URL?

    private static func stopAtExit() {
        lock.lock()
        let directory = stopping
        stopping = nil
        lock.unlock()
        if let directory { stop(directory) }
    }

    private static func stop(_ directory: URL) {
        _ = try? run(["stop", directory.path], timeout: 40)
        try? FileManager.default.removeItem(at: directory)
    }

    /// The first of the packages the site needs that is missing, or nil.
    private static func missingPackage() -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(
            String.init)
        func installed(_ name: String) -> Bool {
            (path + ["/usr/sbin"]).contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
        }
        guard installed("php") else { return "php (php-cli)" }
        guard installed("mariadbd") || installed("mysqld") else { return "mariadbd (mariadb-server)" }
        guard FileManager.default.fileExists(atPath: "/usr/share/wordpress/wp-settings.php") else {
            return "/usr/share/wordpress (wordpress)"
        }
        guard
            (try? run(["php", "-r", "exit(extension_loaded('mysqli') ? 0 : 1);"], timeout: 10, throughWpsite: false))
                != nil
        else { return "php's mysqli extension (php-mysql)" }
        return nil
    }

    // MARK: - Changing the site

    /// Puts back the content right after install and fill (permalinks pretty, options as installed).
    public func reset() throws {
        try serve(fromFolder: nil)
        _ = try wp(["reset"])
    }

    /// Serves the site from `folder` (e.g. "/blog"), or from the root again with nil: WordPress's
    /// addresses move under the folder and nothing answers outside it. Posts keep their guids.
    public func serve(fromFolder folder: String?) throws {
        let marker = directory.appendingPathComponent("subdirectory")
        if let folder {
            try Data((folder + "\n").utf8).write(to: marker)
        } else if FileManager.default.fileExists(atPath: marker.path) {
            try FileManager.default.removeItem(at: marker)
        }
    }

    public func permalinks(_ style: Permalinks) throws {
        _ = try wp(["permalinks", style.rawValue])
    }

    /// Adds a comment (dated now unless `date` is given) and returns its id.
    @discardableResult
    public func addComment(
        post: Int, parent: Int? = nil, author: String? = nil, email: String? = nil, content: String? = nil,
        type: CommentType = .comment, status: CommentStatus = .approve, date: Date? = nil, user: String? = nil
    ) throws -> Int {
        var arguments = ["comment", String(post), "--type", type.rawValue, "--status", status.rawValue]
        if let user { arguments += ["--user", user] }
        if let parent { arguments += ["--parent", String(parent)] }
        if let author { arguments += ["--author", author] }
        if let email { arguments += ["--email", email] }
        if let content { arguments += ["--content", content] }
        if let date { arguments += ["--date", Self.gmt(date)] }
        return try decode(Created.self, wp(arguments)).id
    }

    public func setStatus(comment: Int, _ status: CommentStatus) throws {
        _ = try wp(["status", String(comment), status.rawValue])
    }

    /// Publishes a post (dated now unless `date` is given): made like the block editor makes
    /// one (its guid is `?p=ID`), or through the REST API (its guid is the pretty permalink).
    @discardableResult
    public func addPost(
        title: String, date: Date? = nil, commentsOpen: Bool = true, content: String? = nil,
        throughREST: Bool = false
    ) throws -> (id: Int, guid: String, link: String) {
        var arguments = ["post", "--title", title, "--comment-status", commentsOpen ? "open" : "closed"]
        if let date { arguments += ["--date", Self.gmt(date)] }
        if let content { arguments += ["--content", content] }
        if throughREST { arguments.append("--rest") }
        let post = try decode(CreatedPost.self, wp(arguments))
        return (post.id, post.guid, post.link)
    }

    /// A new application password of `user`, for REST requests with Basic authentication.
    public func appPassword(user: String = WordPressSite.adminUser) throws -> String {
        try decode(AppPassword.self, wp(["app-password", user])).password
    }

    /// Sets a WordPress option, e.g. `comment_moderation` to "1" (reset() puts it back).
    public func setOption(_ name: String, _ value: String) throws {
        _ = try wp(["option", name, value])
    }

    public func truth() throws -> Truth {
        try decode(Truth.self, wp(["truth"]))
    }

    // MARK: - Running the scripts

    private struct Created: Decodable { let id: Int }
    private struct CreatedPost: Decodable { let id: Int, guid: String, link: String }
    private struct AppPassword: Decodable { let password: String }

    private func wp(_ arguments: [String], timeout: TimeInterval = 60) throws -> Data {
        try Self.run(["php", directory.path] + arguments, timeout: timeout)
    }

    private func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw Failure(description: "wp.php answered \(String(decoding: data, as: UTF8.self)): \(error)")
        }
    }

    private static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("WordPressSite/wpsite")

    /// Collects one pipe's output on a background thread.
    private final class Drain: @unchecked Sendable {
        private(set) var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ pipe: Pipe) {
            DispatchQueue.global().async {
                self.data = pipe.fileHandleForReading.readDataToEndOfFile()
                self.done.signal()
            }
        }

        func wait() { _ = done.wait(timeout: .now() + 10) }
    }

    /// Runs wpsite (or, with `throughWpsite: false`, any program) and returns its stdout; a non-zero
    /// exit or running past `timeout` throws with its stderr.
    @discardableResult
    private static func run(_ arguments: [String], timeout: TimeInterval, throughWpsite: Bool = true) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = throughWpsite ? ["bash", script.path] + arguments : arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        // Both pipes are read while it runs: a large answer (truth) must not fill a pipe and stall it.
        let stdout = Drain(output)
        let stderr = Drain(errors)
        let name = (throughWpsite ? "wpsite " : "") + arguments.prefix(3).joined(separator: " ")
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw Failure(description: "\(name) did not finish within \(Int(timeout))s")
        }
        stdout.wait()
        stderr.wait()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: stderr.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: "\(name) failed (exit \(process.terminationStatus)): \(message)")
        }
        return stdout.data
    }

    // MARK: - Dates

    /// A date as wp.php takes it: UTC, ISO 8601.
    private static func gmt(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// A `date_gmt` from wp.php ("2024-01-01T09:00:00", UTC without a zone, as the REST API has it).
    public static func date(_ gmt: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withFullDate, .withTime, .withDashSeparatorInDate, .withColonSeparatorInTime]
        return formatter.date(from: gmt) ?? .distantPast
    }
}
