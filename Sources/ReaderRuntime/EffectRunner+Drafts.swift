import BlogFormats
import BlogModel
import BlogSync
import Foundation
import ReaderCore
import ScreenKit

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
        return edit(postID: draft.postID, parentCommentID: draft.parentCommentID, draftID: draft.id, body: draft.body)
    }

    /// Drafts left behind by an editor the reader could not wait for (a crash, a kill).
    public func recoverDraftFiles() -> [String] {
        let recovered = DraftRecovery.recover(
            in: settings.draftsDirectory, store: store, authorName: settings.authorName ?? "",
            authorEmail: settings.authorEmail ?? "", authorURL: settings.authorURL ?? "")
        guard !recovered.isEmpty else { return [] }
        let ids = recovered.map { "\($0.id)" }.joined(separator: ", ")
        return ["recovered \(recovered.count) unsaved draft\(recovered.count == 1 ? "" : "s") (\(ids)): press D to see"]
    }

    private func edit(postID: Int64, parentCommentID: Int64?, draftID: Int64?, body: String) -> [Action] {
        var messages: [Action] = []
        if (settings.authorName ?? "").isEmpty, let ask = identityPrompt {
            // Asked once, on the plain terminal, and written to the config for next time.
            var identity: CommenterIdentity?
            _ = terminal?.handOff {
                identity = ask()
                return 0
            }
            if let identity {
                settings.authorName = identity.name
                settings.authorEmail = identity.email
                settings.authorURL = identity.url
                messages.append(.message("saved your name for comments in the config file", isError: false))
            }
        }
        let file: URL
        do {
            file = try DraftFile.create(
                in: settings.draftsDirectory, postID: postID, parentCommentID: parentCommentID,
                draftID: draftID, body: body)
        } catch {
            return [.message("cannot create a draft file in \(settings.draftsDirectory.path): \(error)", isError: true)]
        }
        // The file stays on disk until its text is safely in the cache: if the reader dies
        // while the editor is open, the next start recovers it.
        let status = runEditor(on: file)
        if status != 0 {
            return [.message("the editor exited with status \(status); the draft file is kept at \(file.path)", isError: true)]
        }
        do {
            guard let draft = try importEditedFile(file, editing: draftID) else {
                return [.message("empty draft discarded", isError: false), .draftsLoaded(try store.drafts())]
            }
            return messages + [.draftSaved(draft), .draftsLoaded(try store.drafts())]
        } catch {
            return [.message("the draft stays in \(file.path): \(error)", isError: true)]
        }
    }

    /// Runs `$VISUAL`, then `$EDITOR`, then `vi` on `file` with the terminal handed over.
    private func runEditor(on file: URL) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let run = { ChildProcess.runShell(command: editor, argument: file.path) }
        return terminal?.handOff(run) ?? run()
    }

    private func importEditedFile(_ file: URL, editing draftID: Int64?) throws -> Draft? {
        let edited = try DraftFile.read(file)
        if edited.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, let draftID {
            // Emptying an existing draft is not a way to delete it by accident: keep the old text.
            try? FileManager.default.removeItem(at: file)
            throw DraftEditError("the edited text of draft \(draftID) was empty; the draft keeps its earlier text (delete it from the draft list with d)")
        }
        return try DraftRecovery.importFile(
            file, store: store, authorName: settings.authorName ?? "",
            authorEmail: settings.authorEmail ?? "", authorURL: settings.authorURL ?? "")
    }
}

/// Why an edited draft was not saved.
struct DraftEditError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The parent comment as quoted text, for replies that start with a quote.
enum DraftQuote {
    static func quoting(_ comment: Comment) -> String {
        let text = ThreadLayout.commentText(HTMLConverter.richText(fromHTML: comment.contentHTML), width: 70)
        return "\(comment.author) wrote:\n" + text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "> \($0)" }.joined(separator: "\n")
    }
}
