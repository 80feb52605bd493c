import BlogModel

/// Work `reduce` asks the outside world to do; the result comes back as an `Action`.
///
/// Cache reads (`loadPosts`, `loadPost`, `search`, `loadFacets`, `loadDrafts`) are fast and
/// local, so the run loop may perform them synchronously and feed the answer straight back.
/// `startSync` is slow and network-bound: run it in the background and send
/// `.syncProgress` / `.syncFinished` as it goes. `compose` suspends the screen for `$EDITOR`.
/// Writes (`deleteDraft`, `setDraftState`, the changes of `library`, the draft saved after
/// the editor) may wait minutes for another process's write lock: their answers may come
/// long after, while the user does other things.
/// After any draft effect (`compose`, `editDraft`, `deleteDraft`, `setDraftState`,
/// `sendDrafts`) the runner also sends `.draftsLoaded(every draft)`.
public enum Effect: Equatable, Sendable {
    /// Answer with `.postsLoaded(request, page)`.
    case loadPosts(PostWindowRequest)
    /// Answer with `.positionLoaded(position)` when the cache keeps one, then
    /// `.postLoaded(post, text)`, `.threadLoaded(postID, comments, texts)` and
    /// `.draftsLoaded(every draft)`, in that order: the thread shows the post's drafts.
    case loadPost(postID: Int64)
    /// Persist a post's read state; no answer needed.
    case setPostRead(postID: Int64, read: Bool)
    /// The user has left a post: its comments are no longer new next time. No answer needed.
    case markCommentsSeen(postID: Int64)
    /// Follow the post's comments (or stop); no answer needed: reduce shows the mark at once.
    case setWatched(postID: Int64, watched: Bool)
    /// Answer with `.conversationsLoaded(every followed thread with unseen comments)`.
    case loadConversations
    /// Mute (or unmute) a commenter or a subthread; answer with `.message` and the thread of
    /// `postID` again (`.threadLoaded`), its comments marked anew.
    case setMute(Mute, muted: Bool, postID: Int64)
    /// Keep where the user left the post, for next time; no answer needed.
    case saveThreadPosition(ThreadPosition)
    /// Answer with `.searchResults(query, rows)`.
    case search(query: String)
    /// Answer with `.facetsLoaded(kind, facets)`.
    case loadFacets(FilterKind)
    /// Answer with `.draftsLoaded(drafts)`.
    case loadDrafts
    /// Open `url` in `$BROWSER`; answer with `.message` on failure.
    case openURL(String)
    /// Sync every subscription in the background.
    case startSync
    /// Edit a new draft in `$VISUAL`/`$EDITOR`; answer with `.draftSaved` or `.message`.
    case compose(postID: Int64, parentCommentID: Int64?)
    /// Edit an existing draft in `$VISUAL`/`$EDITOR`; answer with `.draftSaved` or `.message`.
    case editDraft(draftID: Int64)
    /// Keep who is commenting (in the config file, for next time); answer with `.message`.
    case saveIdentity(name: String, email: String, url: String?)
    /// Settle a draft the user emptied: discard it, or keep it (a new one empty, an existing
    /// one with its earlier text).
    case settleEmptyDraft(EmptyDraft, discard: Bool)
    /// Delete a draft; answer with `.draftsLoaded(every draft)`.
    case deleteDraft(id: Int64)
    /// Move a draft to `state` (`.queued` to send, `.draft` to hold back); answer with
    /// `.draftsLoaded(every draft)`.
    case setDraftState(id: Int64, Draft.State)
    /// Send every queued draft now; answer with `.message` (what happened) and
    /// `.draftsLoaded(every draft)`.
    case sendDrafts
    /// Remove a blog or mark many posts read (or unread again); answer with `.library`.
    case library(LibraryEffect)
    /// Restore the terminal and exit.
    case quit
    /// Repaint every cell, not only the changed ones.
    case redraw

    /// True for effects the run loop should run off the input thread.
    public var isSlow: Bool {
        switch self {
        case .startSync, .compose, .editDraft, .sendDrafts: return true
        default: return false
        }
    }
}
