import BlogModel
import BlogStore

/// Chooses the drafts a `drafts` subcommand acts on, with an error naming any id that is unknown.
enum DraftSelection {
    /// `ids` nil means every draft that `eligible` accepts.
    static func pick(_ ids: [Int64]?, from store: LibraryStore, where eligible: (Draft) -> Bool) throws -> [Draft] {
        let drafts = try store.drafts()
        guard let ids else { return drafts.filter(eligible) }
        return try ids.map { id in
            guard let draft = drafts.first(where: { $0.id == id }) else { throw CLIError("no draft with id \(id)") }
            guard eligible(draft) else { throw CLIError("draft \(id) is \(draft.state.rawValue); nothing to do") }
            return draft
        }
    }
}
