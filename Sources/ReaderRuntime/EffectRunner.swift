import BlogFormats
import BlogModel
import BlogStore
import Foundation
import ReaderCore

/// Performs what `reduce` asks for against the cache, the network and the editor.
///
/// Cache reads answer at once with actions; slow work (sync) answers later through the inbox.
/// No write runs here, so no key waits for a lock another process holds: read marks and
/// visits go to `writes`, every other write (bulk read state, removals, drafts) to
/// `changes`; both write on threads of their own, and `changes` answers through the inbox.
public final class EffectRunner {
    public let store: LibraryStore
    /// True when the reader shows the bundled sample blog instead of the user's library.
    public let isSample: Bool
    public var settings: ReaderSettings
    /// Keeps who is commenting for later sessions (the config file); the reader asks on
    /// its own screen (`IdentityForm`) and the answer comes here.
    public var identityStore: ((CommenterIdentity) throws -> Void)?
    public let inbox: ActionInbox
    /// Read marks and visits on their way to the cache; `closeWrites` at exit.
    public let writes: ReaderWriteQueue
    /// Every other write, one after another; `closeWrites` at exit.
    let changes: BackgroundWrites
    /// Windows of the list read ahead of the selection, one at a time, in the order asked.
    let windowLoads = DispatchQueue(label: "lectern.window-loads")
    let windowsInFlight = InFlightCount()
    /// Indexes what `lectern sync` left unindexed; `startSearchIndexCatchUp`, `closeWrites`.
    let searchIndexCatchUp: SearchIndexCatchUp
    /// Hands the real terminal to a child process (browser, editor); nil when there is none.
    public var terminal: (any TerminalHandoff)?

    public init(store: LibraryStore, isSample: Bool, settings: ReaderSettings) {
        self.store = store
        self.isSample = isSample
        self.settings = settings
        let inbox = ActionInbox()
        self.inbox = inbox
        let waits = WaitingWriters(inbox: inbox)
        writes = Self.makeWriteQueue(store: store, inbox: inbox, waits: waits)
        changes = BackgroundWrites(inbox: inbox, waits: waits)
        searchIndexCatchUp = SearchIndexCatchUp(store: store)
    }

    /// Starts indexing, in the background, the text a sync left for the reader to index.
    public func startSearchIndexCatchUp() {
        searchIndexCatchUp.start()
    }

    public func startupMessages() -> [String] {
        isSample
            ? ["This is the bundled sample blog: `lectern import FILE` or `lectern add URL` starts your library."]
            : []
    }

    public func run(_ effect: Effect, state: AppState) -> [Action] {
        do {
            return try perform(effect, state: state)
        } catch {
            return [.message("\(error)", isError: true)]
        }
    }

    /// The user leaves the reader: what they saw is no longer new (its read state stays as
    /// the user left it), and where they were in the post is kept. Queued like every visit;
    /// `closeWrites` writes them.
    public func finish(state: AppState) {
        if let postID = state.article.post?.id { queueVisit(postID, state: state) }
        // The post opens where the user left it next time.
        if let position = state.currentThreadPosition() { writes.enqueue(.position(position)) }
    }

    private func perform(_ effect: Effect, state: AppState) throws -> [Action] {
        switch effect {
        case .loadPosts(let request):
            return try loadPosts(request, state: state)
        case .loadPost(let postID):
            guard let post = try store.post(id: postID) else {
                return [.message("post \(postID) is no longer in the cache", isError: true)]
            }
            let body = HTMLConverter.richText(fromHTML: post.contentHTML, baseURL: post.link)
            let comments = applyingPendingVisit(
                to: try store.comments(postID: postID, identity: settings.identity), postID: postID)
            // Converted here, once per visit, so that reduce can lay the thread out.
            let texts = comments.map { HTMLConverter.richText(fromHTML: $0.contentHTML, baseURL: post.link) }
            let position = try pendingPosition(postID) ?? store.threadPosition(postID: postID)
            return (position.map { [.positionLoaded($0)] } ?? [])
                + [
                    .postLoaded(post, body), .threadLoaded(postID: postID, comments, texts: texts),
                    .draftsLoaded(try store.drafts()),
                ]
        case .setPostRead(let postID, let read):
            queueRead(postID, read: read)
            return []
        case .markCommentsSeen(let postID):
            queueVisit(postID, state: state)
            return []
        case .search(let query):
            return [.searchResults(query: query, try search(query))]
        case .loadFacets(let kind):
            return [.facetsLoaded(kind, try facets(kind))]
        case .loadDrafts:
            return [.draftsLoaded(try store.drafts())]
        case .openURL(let url):
            return openInBrowser(url)
        case .startSync:
            return startSync()
        case .compose(let postID, let parentCommentID):
            return compose(postID: postID, parentCommentID: parentCommentID)
        case .editDraft(let draftID):
            return editDraft(draftID)
        case .saveIdentity(let name, let email, let url):
            return saveIdentity(CommenterIdentity(name: name, email: email, url: url))
        case .settleEmptyDraft(let draft, let discard):
            return settle(draft, discard: discard)
        case .deleteDraft(let id):
            deleteDraft(id)
            return []
        case .setDraftState(let id, let state):
            setDraftState(id, state)
            return []
        case .sendDrafts:
            return sendDrafts()
        case .library(let libraryEffect):
            return try performLibrary(libraryEffect)
        case .quit, .redraw:
            return []
        case .setWatched(let postID, let watched):
            writes.enqueue(.watched(postID: postID, watched: watched))
            return []
        case .saveThreadPosition(let position):
            writes.enqueue(.position(position))
            return []
        case .loadConversations:
            loadConversations()
            return []
        case .setMute(let mute, let muted, let postID):
            return setMute(mute, muted: muted, postID: postID)
        }
    }

    private func search(_ query: String) throws -> [SearchResultRow] {
        try store.search(query, limit: 200).map { hit in
            SearchResultRow(
                postID: hit.postID, commentID: hit.commentID, title: hit.title, blogTitle: hit.blogTitle,
                snippet: hit.snippet, published: hit.published)
        }
    }

    private func facets(_ kind: FilterKind) throws -> [Facet] { try store.facets(kind) }
}
