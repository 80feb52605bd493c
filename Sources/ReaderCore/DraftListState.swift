import BlogModel
import Foundation

/// The draft list overlay.
public struct DraftListState: Equatable, Sendable {
    public var drafts: [Draft]
    public var selected: Int
    public var scroll: Int
    public var isLoading: Bool
    /// Titles of the drafts' posts that the reader has loaded (post list window, article);
    /// a post missing here shows as "post N".
    public var postTitles: [Int64: String]

    public init(
        drafts: [Draft] = [], selected: Int = 0, scroll: Int = 0, isLoading: Bool = false,
        postTitles: [Int64: String] = [:]
    ) {
        self.drafts = drafts
        self.selected = selected
        self.scroll = scroll
        self.isLoading = isLoading
        self.postTitles = postTitles
    }

    /// The selected draft, if the list has any.
    public var selectedDraft: Draft? { drafts.indices.contains(selected) ? drafts[selected] : nil }
}

extension DraftListState {
    /// The first non-empty line of `body`, cut to `limit` characters with "…".
    public static func firstLine(of body: String, limit: Int) -> String {
        let line =
            body.split(whereSeparator: \.isNewline)
            .first { !$0.allSatisfy(\.isWhitespace) }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return line.count > limit ? String(line.prefix(max(0, limit - 1))) + "…" : line
    }
}
