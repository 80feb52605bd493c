import Foundation
import TOMLKit

/// The user's settings from `config.toml`: identity for comments, theme, key bindings.
struct ReaderConfig: Equatable {
    struct Author: Codable, Equatable {
        var name: String
        var email: String
        var url: String?
    }

    var author: Author?
    var theme: String?
    /// Command name → key names, overriding the defaults of the command table.
    var keys: [String: [String]] = [:]
    /// Whether a new reply starts with the parent comment quoted.
    var quoteParent = false

    private struct File: Codable {
        struct Drafts: Codable {
            var quoteParent: Bool?
            enum CodingKeys: String, CodingKey { case quoteParent = "quote_parent" }
        }
        var author: Author?
        var theme: String?
        var keys: [String: [String]]?
        var drafts: Drafts?
    }

    /// Reads `url`; a missing file is an empty configuration, a broken one an error naming it.
    static func load(from url: URL) throws -> ReaderConfig {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return ReaderConfig() }
        do {
            let file = try TOMLDecoder().decode(File.self, from: text)
            var config = ReaderConfig()
            config.author = file.author
            config.theme = file.theme
            config.keys = file.keys ?? [:]
            config.quoteParent = file.drafts?.quoteParent ?? false
            return config
        } catch {
            throw CLIError("\(url.path): \(error)")
        }
    }

    /// Writes the author identity into the config file, keeping everything else in it.
    static func saveAuthor(_ author: Author, to url: URL) throws {
        let existing = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let table = (try? TOMLTable(string: existing)) ?? TOMLTable()
        let authorTable = TOMLTable()
        authorTable["name"] = author.name
        authorTable["email"] = author.email
        if let site = author.url { authorTable["url"] = site }
        table["author"] = authorTable
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        try table.convert().write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }
}
