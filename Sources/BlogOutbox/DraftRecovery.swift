import BlogModel
import BlogStore
import Foundation

/// Imports editor files left behind into the cache, so a crash while writing loses nothing.
///
/// The reader writes a comment in `$EDITOR` on a `DraftFile`; when it ends normally the
/// file is imported and removed at once. A file still there at the next start means the
/// reader was killed while the editor was open: `recover` imports it as a draft.
public enum DraftRecovery {
    /// Imports every `draft-*.txt` in `directory` and removes each file it imported.
    ///
    /// Empty files are removed without a draft; files that cannot be imported (no header,
    /// a post no longer in the cache) are left in place so nothing is lost.
    /// - Returns: the drafts created or updated, for the caller to tell the user.
    public static func recover(
        in directory: URL, store: LibraryStore, authorName: String = "", authorEmail: String = "",
        authorURL: String = ""
    ) -> [Draft] {
        var recovered: [Draft] = []
        for url in leftoverFiles(in: directory) {
            do {
                if let draft = try importFile(
                    url, store: store, authorName: authorName, authorEmail: authorEmail, authorURL: authorURL)
                {
                    recovered.append(draft)
                }
            } catch {
                continue  // Left in place: a later start (or the user) can still use it.
            }
        }
        return recovered
    }

    /// The editor files (`draft-*.txt`) in `directory`, by name: what `recover` imports.
    public static func leftoverFiles(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().filter { $0.hasPrefix("draft-") && $0.hasSuffix(".txt") }
            .map { directory.appendingPathComponent($0) }
    }

    /// Imports one editor file as a draft (updating the draft it edits, if that still exists)
    /// and removes the file; nil when the body was empty (nothing to keep).
    ///
    /// With `wait`, the write waits at most that long for the cache's write lock and throws
    /// `ReaderWriteLockHeld` when another process still holds it; the file stays for a retry.
    @discardableResult
    public static func importFile(
        _ url: URL, store: LibraryStore, authorName: String = "", authorEmail: String = "",
        authorURL: String = "", waitingAtMost wait: TimeInterval? = nil
    ) throws -> Draft? {
        let file = try DraftFile.read(url)
        guard !file.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            try? FileManager.default.removeItem(at: url)
            return nil
        }
        guard try store.post(id: file.postID) != nil else {
            throw LibraryStoreError.notFound("post \(file.postID)")
        }
        var draft: Draft
        if let id = file.draftID, let existing = try store.draft(id: id), existing.state != .sent {
            draft = existing
            draft.body = file.body
            if draft.state == .sending { draft.state = .draft }
        } else {
            draft = Draft(
                postID: file.postID, parentCommentID: file.parentCommentID, authorName: authorName,
                authorEmail: authorEmail, authorURL: authorURL, body: file.body)
        }
        let saved = try store.saveDraft(draft, waitingAtMost: wait)
        try FileManager.default.removeItem(at: url)
        return saved
    }

    /// Creates `directory` with mode 0700, or narrows an existing one to 0700.
    static func prepareDirectory(_ directory: URL) throws {
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(directory.path, 0o700)
    }
}
