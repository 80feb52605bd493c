import ReaderCore

// Interim until the sync engine and draft files are merged in.
extension EffectRunner {
    func startSync() -> [Action] { [.syncFinished(message: "sync is not wired yet", isError: true)] }
    func compose(postID: Int64, parentCommentID: Int64?) -> [Action] { [.message("drafts are not wired yet", isError: true)] }
    func editDraft(_ id: Int64) -> [Action] { [.message("drafts are not wired yet", isError: true)] }
}
