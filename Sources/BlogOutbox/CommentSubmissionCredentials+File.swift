import Foundation

extension CommentSubmissionCredentials {
    /// Why the credentials file was not used.
    public enum FileError: Error, Equatable, Sendable, CustomStringConvertible {
        /// Group or others can read the file: passwords there may have leaked.
        case readableByOthers(path: String, mode: Int)
        case malformedLine(path: String, line: Int)
        case unreadable(path: String, reason: String)

        public var description: String {
            switch self {
            case .readableByOthers(let path, let mode):
                return "error: \(path): mode \(String(mode, radix: 8)) lets others read the"
                    + " application passwords; run chmod 600 \(path)"
            case .malformedLine(let path, let line):
                return "error: \(path):\(line): expected SITE USER PASSWORD"
            case .unreadable(let path, let reason):
                return "error: \(path): \(reason)"
            }
        }
    }

    /// Reads the credentials file; a missing file means no application passwords.
    ///
    /// - Returns: credentials by `siteKey(_:)`.
    public static func load(from url: URL) throws -> [String: CommentSubmissionCredentials] {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw FileError.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        if mode & 0o077 != 0 { throw FileError.readableByOthers(path: path, mode: mode) }
        guard let data = FileManager.default.contents(atPath: path),
            let text = String(data: data, encoding: .utf8)
        else { throw FileError.unreadable(path: path, reason: "not UTF-8 text") }

        var result: [String: CommentSubmissionCredentials] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, rawLine) in lines.enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard parts.count == 3 else { throw FileError.malformedLine(path: path, line: index + 1) }
            result[siteKey(String(parts[0]))] = CommentSubmissionCredentials(
                user: String(parts[1]), password: parts[2].trimmingCharacters(in: .whitespaces))
        }
        return result
    }

    /// Writes the credentials file with mode 0600 (its folder 0700 when created).
    public static func save(_ credentials: [String: CommentSubmissionCredentials], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var text = "# Lectern application passwords: SITE USER PASSWORD\n"
        for site in credentials.keys.sorted() {
            let entry = credentials[site]!
            text += "\(site) \(entry.user) \(entry.password)\n"
        }
        let previousMask = umask(0o077)
        defer { umask(previousMask) }
        try Data(text.utf8).write(to: url, options: .atomic)
        chmod(url.path, 0o600)
    }
}
