import BlogStore

/// How many rows a merge inserted and changed.
public struct FeedMergeCounts: Equatable, Sendable {
    public var newPosts = 0
    public var updatedPosts = 0
    public var newComments = 0
    public var updatedComments = 0
    /// Rows the merge found exactly as cached.
    public var unchangedPosts = 0
    public var unchangedComments = 0

    public init() {}

    mutating func countPost(_ outcome: UpsertOutcome) {
        switch outcome {
        case .inserted: newPosts += 1
        case .updated: updatedPosts += 1
        case .unchanged: unchangedPosts += 1
        }
    }

    mutating func countComment(_ outcome: UpsertOutcome) {
        switch outcome {
        case .inserted: newComments += 1
        case .updated: updatedComments += 1
        case .unchanged: unchangedComments += 1
        }
    }
}
