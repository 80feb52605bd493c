import BlogFormats
import BlogModel
import BlogOutbox
import BlogSync
import Foundation
import ReaderCore
import TextLayout

extension EffectRunner {
    /// Writes a new comment or reply in the user's editor and keeps it as a draft.
    func compose(postID: Int64, parentCommentID: Int64?) -> [Action] {
        var body = ""
        if settings.quoteParent, let parentCommentID,
            let parent = try? store.comments(postID: postID).first(where: { $0.id == parentCommentID })
        {
            body = DraftQuote.quoting(parent) + "\n"
        }
        return edit(postID: postID, parentCommentID: parentCommentID, draftID: nil, body: body)
    }

    /// Reopens an existing draft in the editor.
    func editDraft(_ draftID: Int64) -> [Action] {
        guard let draft = try? store.draft(id: draftID) else {
            return [.message("draft \(draftID) no longer exists", isError: true)]
        }
        guard draft.state != .sent else {
            return [.message("draft \(draftID) was sent already and can no longer be edited", isError: true)]
        }
        guard !isSavingDraft(draftID) else {
            return [
                .message(
                    "draft \(draftID) waits to be saved while another Lectern writes to the cache; edit it when that one is done",
                    isError: true)
            ]
        }
        return edit(postID: draft.postID, parentCommentID: draft.parentCommentID, draftID: draft.id, body: draft.body)
    }

    private func edit(postID: Int64, parentCommentID: Int64?, draftID: Int64?, body: String) -> [Action] {
        // Blogs want a name with a comment: the reader asks for it on its own screen first.
        if (settings.authorName ?? "").isEmpty, draftID == nil {
            return [.identityNeeded(postID: postID, parentCommentID: parentCommentID)]
        }
        let file: URL
        do {
            file = try DraftFile.create(
                in: settings.draftsDirectory, postID: postID, parentCommentID: parentCommentID,
                draftID: draftID, body: body, heading: heading(postID: postID, parentCommentID: parentCommentID))
        } catch {
            return [.message("cannot create a draft file in \(settings.draftsDirectory.path): \(error)", isError: true)]
        }
        // The file stays on disk until its text is safely in the cache: if the reader dies
        // while the editor is open, the next start recovers it.
        let status = runEditor(on: file)
        if status != 0 {
            return [
                .message(
                    "the editor exited with status \(status); the draft file is kept at \(file.path)", isError: true)
            ]
        }
        if let edited = try? DraftFile.read(file), edited.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            // Asked on the reader's own screen, not the plain terminal: the answer settles it.
            return [
                .draftEmptied(
                    EmptyDraft(
                        filePath: file.path, draftID: draftID, postID: postID, parentCommentID: parentCommentID))
            ]
        }
        // Saved in the background: another process may hold the write lock for minutes.
        saveEditedDraft(file, draftID: draftID)
        return []
    }

    /// Keeps who is commenting for this session and, through `identityStore`, for the next.
    func saveIdentity(_ identity: CommenterIdentity) -> [Action] {
        settings.authorName = identity.name
        settings.authorEmail = identity.email
        settings.authorURL = identity.url
        guard let identityStore else { return [] }
        do {
            try identityStore(identity)
            return [.message("saved your name for comments in the config file", isError: false)]
        } catch {
            return [.message("could not save your name (\(error)); it is used until you quit", isError: true)]
        }
    }

    /// The draft file's first lines: the post and the comment answered, as the site names them.
    private func heading(postID: Int64, parentCommentID: Int64?) -> [String] {
        guard let post = try? store.post(id: postID) else { return [] }
        let parent = parentCommentID.flatMap { id in
            (try? store.comments(postID: postID))?.first { $0.id == id }
        }
        return DraftFileHeading(post: post, parentCommentID: parentCommentID, parent: parent).lines
    }

    /// The user emptied the draft and was asked: discard it, or keep it (empty, or as it was).
    func settle(_ empty: EmptyDraft, discard: Bool) -> [Action] {
        let file = URL(fileURLWithPath: empty.filePath)
        let (postID, parentCommentID) = (empty.postID, empty.parentCommentID)
        switch (empty.draftID, discard) {
        case (nil, true):
            try? FileManager.default.removeItem(at: file)
            return [.message("empty draft discarded", isError: false)]
        case (nil, false):
            saveEmptyDraft(file, postID: postID, parentCommentID: parentCommentID)
            return []
        case (let id?, true):
            discardEmptiedDraft(id, file: file)
            return []
        case (let id?, false):
            try? FileManager.default.removeItem(at: file)
            return [.message("draft \(id) keeps its earlier text", isError: false)]
        }
    }

    /// Runs `$VISUAL`, then `$EDITOR`, then `vi` on `file` with the terminal handed over.
    private func runEditor(on file: URL) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let run = { ChildProcess.runShell(command: editor, argument: file.path) }
        return terminal?.handOff(run) ?? run()
    }
}

/// The parent comment as quoted text, for replies that start with a quote.
enum DraftQuote {
    static func quoting(_ comment: Comment) -> String {
        let text = ThreadLayout.commentText(HTMLConverter.richText(fromHTML: comment.contentHTML), width: 70)
        return "\(comment.author) wrote:\n"
            + text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "> \($0)" }.joined(separator: "\n")
    }
}
