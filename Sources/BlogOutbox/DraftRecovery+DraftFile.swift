import BlogModel
import Foundation

/// The file an external editor works on while a comment is being written.
///
/// It lives in `<data dir>/drafts/` (mode 0700), is created with mode 0600, and is named
/// `draft-<post>-<parent comment|post>-<milliseconds>.txt`. Its format:
///
///     # Replying to Zoë Example, comment 4521 on “Post title” (https://…/#comment-4521)
///     # Write your comment below the dashed line; save and quit to keep it.
///     # Lectern draft: post 12, reply to comment 34 (cache ids; leave this line as it is)
///     # ----------------------------------------------------------------------
///     The comment, exactly as written (it may contain lines starting with #).
///
/// The heading (`DraftFileHeading`) tells the user, in the site's terms, what they answer.
/// The `# Lectern draft:` line is for the machine: it names the post (cache id), the
/// comment replied to (cache id, or `comment on the post`) and, when an existing draft is
/// being edited, `draft N`; it is the only header line read back, so files written before
/// the heading existed (that line first, no heading) are recovered the same way.
/// Everything after the dashed line is the body; when the user deleted that line, the
/// leading `#` lines are taken as the header instead.
public struct DraftFile: Equatable, Sendable {
    public static let headerPrefix = "# Lectern draft:"
    static let separator = "# " + String(repeating: "-", count: 70)

    public var postID: Int64
    public var parentCommentID: Int64?
    /// The stored draft this file edits, if any.
    public var draftID: Int64?
    public var body: String
    /// Lines for the user above the instructions, without their `# `; written, never read back.
    public var heading: [String]

    public init(
        postID: Int64, parentCommentID: Int64?, draftID: Int64? = nil, body: String, heading: [String] = []
    ) {
        self.postID = postID
        self.parentCommentID = parentCommentID
        self.draftID = draftID
        self.body = body
        self.heading = heading
    }

    /// Why a draft file could not be read.
    public enum ReadError: Error, Equatable, Sendable, CustomStringConvertible {
        case unreadable(path: String)
        case noHeader(path: String)

        public var description: String {
            switch self {
            case .unreadable(let path): return "error: \(path): cannot read the draft file"
            case .noHeader(let path):
                return "error: \(path): not a Lectern draft file (no '\(DraftFile.headerPrefix)' line)"
            }
        }
    }

    /// Creates the editor's file for a new (or existing) draft and returns its URL.
    ///
    /// - Parameter heading: what the user reads first (`DraftFileHeading.lines`).
    public static func create(
        in directory: URL, postID: Int64, parentCommentID: Int64?, draftID: Int64? = nil,
        body: String = "", heading: [String] = [], now: Date = Date()
    ) throws -> URL {
        try DraftRecovery.prepareDirectory(directory)
        let parent = parentCommentID.map(String.init) ?? "post"
        let stamp = Int64((now.timeIntervalSince1970 * 1000).rounded())
        let file = DraftFile(
            postID: postID, parentCommentID: parentCommentID, draftID: draftID, body: body, heading: heading)
        let data = Data(file.contents.utf8)
        for attempt in 0..<100 {
            let suffix = attempt == 0 ? "" : "-\(attempt)"
            let url = directory.appendingPathComponent("draft-\(postID)-\(parent)-\(stamp)\(suffix).txt")
            // O_EXCL: never open (or follow a symlink to) a file someone else put there.
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            try handle.write(contentsOf: data)
            try handle.close()
            return url
        }
        throw CocoaError(.fileWriteFileExists)
    }

    /// Reads a draft file written by `create` (and perhaps edited).
    public static func read(_ url: URL) throws -> DraftFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ReadError.unreadable(path: url.path)
        }
        return try parse(String(decoding: data, as: UTF8.self), path: url.path)
    }

    /// The file's text: the heading, the instructions, the machine header, the separator, the body.
    public var contents: String {
        let reply = parentCommentID.map { "reply to comment \($0)" } ?? "comment on the post"
        let draft = draftID.map { ", draft \($0)" } ?? ""
        // Every heading line stays one `#` line, whatever a feed put in it, so that reading
        // the file back (and a file whose dashed line was deleted) never takes it as body.
        let heading = heading.map { "# " + TerminalSafeText.sanitize($0) + "\n" }.joined()
        return """
            \(heading)# Write your comment below the dashed line; save and quit to keep it.
            \(Self.headerPrefix) post \(postID), \(reply)\(draft) (cache ids; leave this line as it is)
            \(Self.separator)
            \(body)
            """
    }

    static func parse(_ text: String, path: String) throws -> DraftFile {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        guard let header = lines.first(where: { $0.hasPrefix(headerPrefix) }),
            let numbers = headerNumbers(header), let postID = numbers["post"]
        else { throw ReadError.noHeader(path: path) }

        let bodyStart: Int
        if let separatorIndex = lines.firstIndex(where: { $0.hasPrefix("# ---") }) {
            bodyStart = separatorIndex + 1
        } else {
            bodyStart = lines.firstIndex(where: { !$0.hasPrefix("#") }) ?? lines.count
        }
        var bodyLines = Array(lines[bodyStart...])
        func blank(_ line: String) -> Bool { line.trimmingCharacters(in: .whitespaces).isEmpty }
        while let last = bodyLines.last, blank(last) { bodyLines.removeLast() }
        while let first = bodyLines.first, blank(first) { bodyLines.removeFirst() }
        return DraftFile(
            postID: postID, parentCommentID: numbers["comment"], draftID: numbers["draft"],
            body: bodyLines.joined(separator: "\n"))
    }

    /// `post 12`, `comment 34`, `draft 7` from the header line.
    static func headerNumbers(_ header: String) -> [String: Int64]? {
        let words = header.dropFirst(headerPrefix.count)
            .split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        var numbers: [String: Int64] = [:]
        for (index, word) in words.enumerated() where index + 1 < words.count {
            if ["post", "comment", "draft"].contains(word), let value = Int64(words[index + 1]) {
                numbers[word] = value
            }
        }
        return numbers.isEmpty ? nil : numbers
    }
}
