import BlogModel

/// The overlay on top of the panes, if any; keys go to the overlay first.
public enum Mode: Equatable, Sendable {
    case normal
    /// The key help; `scroll` is the first line shown.
    case help(scroll: Int)
    case search(SearchState)
    case filterPicker(FilterPickerState)
    /// `o` pressed: the link number typed so far (empty means the post's own link).
    case linkPrompt(digits: String)
    case confirm(ConfirmRequest)
    case draftList(DraftListState)
    /// Followed threads with new comments (`C`).
    case conversations(ConversationListState)
    /// Who is commenting, asked before the first comment.
    case identityForm(IdentityForm)

    /// True when printable keys are text being typed, not commands.
    public var takesText: Bool {
        switch self {
        case .search(let search): return search.phase == .typing
        case .linkPrompt, .identityForm: return true
        default: return false
        }
    }
}

/// The search overlay: first a prompt, then the results.
public struct SearchState: Equatable, Sendable {
    public enum Phase: Equatable, Sendable {
        case typing
        case results
    }

    public var query: String
    public var phase: Phase
    public var results: [SearchResultRow]
    public var selected: Int
    public var scroll: Int
    public var isLoading: Bool

    public init(
        query: String = "", phase: Phase = .typing, results: [SearchResultRow] = [],
        selected: Int = 0, scroll: Int = 0, isLoading: Bool = false
    ) {
        self.query = query
        self.phase = phase
        self.results = results
        self.selected = selected
        self.scroll = scroll
        self.isLoading = isLoading
    }
}

/// The filter picker: first the kind (blog, category, tag, author), then a value of that kind.
public struct FilterPickerState: Equatable, Sendable {
    /// nil while the user picks the kind from `FilterKind.allCases`.
    public var kind: FilterKind?
    public var facets: [Facet]
    /// Index into `FilterKind.allCases` while `kind` is nil, else into `facets`.
    public var selected: Int
    public var scroll: Int
    public var isLoading: Bool

    public init(
        kind: FilterKind? = nil, facets: [Facet] = [], selected: Int = 0, scroll: Int = 0,
        isLoading: Bool = false
    ) {
        self.kind = kind
        self.facets = facets
        self.selected = selected
        self.scroll = scroll
        self.isLoading = isLoading
    }

    /// Number of rows the picker currently lists.
    public var rowCount: Int { kind == nil ? FilterKind.allCases.count : facets.count }
}

/// A yes/no question; `effects` run when the answer is yes.
public struct ConfirmRequest: Equatable, Sendable {
    public var question: String
    public var effects: [Effect]
    /// What runs when the answer is no (nothing, for most questions).
    public var noEffects: [Effect]
    /// The draft list the question was asked from; it reopens after either answer.
    public var draftList: DraftListState?
    /// The filter list the question was asked from (removing a blog); it reopens likewise.
    public var filterPicker: FilterPickerState?

    public init(
        question: String, effects: [Effect], noEffects: [Effect] = [], draftList: DraftListState? = nil,
        filterPicker: FilterPickerState? = nil
    ) {
        self.question = question
        self.effects = effects
        self.noEffects = noEffects
        self.draftList = draftList
        self.filterPicker = filterPicker
    }
}
