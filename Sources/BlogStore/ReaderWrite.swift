import BlogModel
import Foundation

/// One change the reader makes to its own state in the cache: a read mark, a visit, a star.
///
/// Each carries the moment the user acted, so a write that waits for another process's
/// write lock still records when the post was read, not when the lock came free.
public enum ReaderWrite: Codable, Equatable, Sendable {
    /// The user read the post (opened it, or pressed `m`) or marked it unread.
    case read(postID: Int64, read: Bool, at: Date)
    /// The user left the post: its comments up to `seenThrough` (a comment row id; nil: all
    /// of them) are no longer new. Read state is left alone: leaving a post the user just
    /// marked unread must not read it again.
    case visited(postID: Int64, at: Date, seenThrough: Int64?)
    case starred(postID: Int64, starred: Bool)
    /// The user follows the post's comments, or stopped following them.
    case watched(postID: Int64, watched: Bool)
    /// Where the user left the post (selected comment, folds, article scroll).
    case position(ThreadPosition)

    /// What the write sets; a later write to the same slot replaces an unwritten earlier one.
    public enum Slot: Hashable, Sendable {
        case read(Int64)
        case visited(Int64)
        case starred(Int64)
        case watched(Int64)
        case position(Int64)
    }

    public var slot: Slot {
        switch self {
        case .read(let postID, _, _): return .read(postID)
        case .visited(let postID, _, _): return .visited(postID)
        case .starred(let postID, _): return .starred(postID)
        case .watched(let postID, _): return .watched(postID)
        case .position(let position): return .position(position.postID)
        }
    }
}
