import BlogModel

/// Everything the reader shows, in one value; only `reduce` changes it.
public struct AppState: Equatable, Sendable {
    public var size: ScreenSize
    public var focus: Pane = .posts
    public var mode: Mode = .normal
    public var posts = PostListState()
    public var article = ArticleState()
    public var thread = ThreadState()
    public var status: StatusMessage?
    /// Progress of a running sync ("3/12 blogs"), nil when idle.
    public var syncProgress: String?
    public var isSyncing: Bool = false
    /// True while the reader's own writes wait for another process's write lock: the status
    /// line says so, even after other keys, until they are written.
    public var isWaitingForWriter: Bool = false
    public var keyMap: KeyMap
    /// Posts loaded per window request.
    public var windowLimit: Int = 100
    /// The `c`/`r` press that was just warned about (closed comments); the same press again
    /// opens the editor. Reduce forgets it at any other key or mouse press.
    public var closedCommentsWarning: ComposeTarget?
    /// Mark-reads of the list in view that `undo` can take back, latest last; forgotten when
    /// the list is left (another filter).
    public var readUndo: [ReadUndo] = []
    /// New replies to the user in followed threads, as the last `.conversationsLoaded` counted
    /// them (less the threads marked seen since): the status line points to `C` while > 0.
    public var newRepliesToYou: Int = 0
    /// Watch states set with `w` this session, by post id: the open post may not be in the
    /// loaded window, whose summaries otherwise say whether a post is watched.
    public var watchedPosts: [Int64: Bool] = [:]
    /// The last post the cache sent a kept position for: leaving it writes the position even
    /// when it is back at the top, so the old one does not come back.
    public var keptPositionPostID: Int64?

    public init(size: ScreenSize, keyMap: KeyMap = .standard) {
        self.size = size
        self.keyMap = keyMap
    }

    /// Whether all panes share the screen or one shows at a time.
    public var layoutMode: LayoutMode { LayoutMode.forSize(size) }

    /// The pane rectangles for the current size and focus.
    public var layout: ReaderLayout { ReaderLayout(size: size, focus: focus) }

    /// Content rows of `pane` as it would show: in single-pane mode, full screen.
    public func visibleRows(of pane: Pane) -> Int {
        ReaderLayout(size: size, focus: pane).visibleRows(of: pane)
    }

    /// The scope keys are looked up in, given the overlay and the focused pane.
    public var keyScope: CommandScope {
        switch mode {
        case .normal: return .pane(focus)
        case .help, .filterPicker, .draftList, .conversations: return .list
        case .search(let search): return search.phase == .typing ? .prompt : .list
        case .linkPrompt, .identityForm: return .prompt
        case .confirm: return .confirm
        }
    }
}
