import BlogModel
import BlogOutbox
import BlogStore
import Foundation
import ReaderCore

/// The draft writes, made on `changes` so that no key waits for another process's write
/// lock; each answers through the inbox with a word for the status line and every draft.
///
/// A draft's text stays in its editor file until it is in the cache: a reader killed while
/// the save waits loses nothing, for the next start recovers the file.
extension EffectRunner {
    func deleteDraft(_ id: Int64) {
        submitDraftChange(id, notDone: "deleting draft \(id) was not done; delete it again when that one is done") {
            store, wait in
            try store.deleteDraft(id: id, waitingAtMost: wait)
            return [.message("draft \(id) deleted", isError: false)]
        }
    }

    /// Queues the draft for sending or holds it back.
    func setDraftState(_ id: Int64, _ state: Draft.State) {
        submitDraftChange(id, notDone: "draft \(id) did not become \(state.rawValue); try again when that one is done")
        {
            store, wait in
            try store.setDraftState(id: id, state: state, waitingAtMost: wait)
            return [.message("draft \(id): \(state.rawValue)", isError: false)]
        }
    }

    /// Saves the text the user wrote in `file` (for draft `draftID`, or a new one) as a
    /// draft; the file goes once the text is in the cache.
    func saveEditedDraft(_ file: URL, draftID: Int64?) {
        let store = self.store
        let (name, email, url) = (settings.authorName ?? "", settings.authorEmail ?? "", settings.authorURL ?? "")
        changes.submit(
            BackgroundWrites.Job(
                notDone: "your draft waits in \(file.path); the reader saves it when it next opens",
                subject: draftID.map(Self.draftSubject),
                attempt: { wait in
                    guard
                        let draft = try DraftRecovery.importFile(
                            file, store: store, authorName: name, authorEmail: email, authorURL: url,
                            waitingAtMost: wait)
                    else { return [] }
                    return [.draftSaved(draft)] + Self.allDrafts(store)
                },
                failed: { error in [.message("the draft stays in \(file.path): \(error)", isError: true)] }))
    }

    /// Keeps a draft the user emptied as an empty draft; the file goes once it is saved.
    func saveEmptyDraft(_ file: URL, postID: Int64, parentCommentID: Int64?) {
        let store = self.store
        let draft = Draft(
            postID: postID, parentCommentID: parentCommentID, authorName: settings.authorName ?? "",
            authorEmail: settings.authorEmail ?? "", authorURL: settings.authorURL ?? "", body: "")
        changes.submit(
            BackgroundWrites.Job(
                notDone: "your empty draft was not kept",
                attempt: { wait in
                    let saved = try store.saveDraft(draft, waitingAtMost: wait)
                    try? FileManager.default.removeItem(at: file)
                    return [.draftSaved(saved)] + Self.allDrafts(store)
                }))
    }

    /// Discards draft `id`, which the user emptied; the file goes once the draft has.
    func discardEmptiedDraft(_ id: Int64, file: URL) {
        submitDraftChange(id, notDone: "draft \(id) was not discarded; delete it again when that one is done") {
            store, wait in
            try store.deleteDraft(id: id, waitingAtMost: wait)
            try? FileManager.default.removeItem(at: file)
            return [.message("draft \(id) discarded", isError: false)]
        }
    }

    /// Imports the editor files an earlier reader left (killed while the editor was open,
    /// or before a save got the write lock); says what it recovered on the status line.
    public func recoverDraftFiles() {
        let files = DraftRecovery.leftoverFiles(in: settings.draftsDirectory)
        guard !files.isEmpty else { return }
        let store = self.store
        let (name, email, url) = (settings.authorName ?? "", settings.authorEmail ?? "", settings.authorURL ?? "")
        let recovered = RecoveredDrafts()
        changes.submit(
            BackgroundWrites.Job(
                notDone:
                    "unsaved drafts wait in \(settings.draftsDirectory.path); the reader saves them when it next opens",
                attempt: { wait in
                    // Files imported by an attempt the lock cut short are gone: the next one takes the rest.
                    for file in files where FileManager.default.fileExists(atPath: file.path) {
                        do {
                            if let draft = try DraftRecovery.importFile(
                                file, store: store, authorName: name, authorEmail: email, authorURL: url,
                                waitingAtMost: wait)
                            {
                                recovered.drafts.append(draft)
                            }
                        } catch is ReaderWriteLockHeld {
                            throw ReaderWriteLockHeld()
                        } catch {
                            continue  // Left in place: a later start (or the user) can still use it.
                        }
                    }
                    let drafts = recovered.drafts
                    guard !drafts.isEmpty else { return [] }
                    return [.draftsRecovered(ids: drafts.map(\.id))] + Self.allDrafts(store)
                }))
    }

    /// True while a write to draft `id` waits: editing it now would start from older text.
    func isSavingDraft(_ id: Int64) -> Bool { changes.isPending(Self.draftSubject(id)) }

    private func submitDraftChange(
        _ id: Int64, notDone: String, _ change: @escaping @Sendable (LibraryStore, TimeInterval) throws -> [Action]
    ) {
        let store = self.store
        changes.submit(
            BackgroundWrites.Job(
                notDone: notDone, subject: Self.draftSubject(id),
                attempt: { wait in try change(store, wait) + Self.allDrafts(store) }))
    }

    private static func draftSubject(_ id: Int64) -> String { "draft \(id)" }

    /// `.draftsLoaded(every draft)`, read after the write; none when the read fails (the
    /// write went through all the same).
    private static func allDrafts(_ store: LibraryStore) -> [Action] {
        (try? store.drafts()).map { [.draftsLoaded($0)] } ?? []
    }
}

/// The drafts a recovery imported so far, kept across the attempts the lock cuts short;
/// only `changes`' queue touches it, one attempt at a time.
private final class RecoveredDrafts: @unchecked Sendable {
    var drafts: [Draft] = []
}
