import BlogModel

/// The conversations overlay: followed threads with comments the user has not seen.
public struct ConversationListState: Equatable, Sendable {
    /// In the order the cache sends them (`Conversation.viewOrder`: replies to the user first).
    public var rows: [Conversation]
    public var selected: Int
    /// First row shown.
    public var scroll: Int
    public var isLoading: Bool

    public init(rows: [Conversation] = [], selected: Int = 0, scroll: Int = 0, isLoading: Bool = false) {
        self.rows = rows
        self.selected = selected
        self.scroll = scroll
        self.isLoading = isLoading
    }

    /// The selected row, when there is one.
    public var selectedConversation: Conversation? { rows.indices.contains(selected) ? rows[selected] : nil }
}
