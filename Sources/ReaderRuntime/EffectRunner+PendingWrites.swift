import BlogModel
import ReaderCore

extension EffectRunner {
    /// `comments` of `postID` with those a visit still waiting for the write lock covers no
    /// longer new, as they will be once it is written.
    func applyingPendingVisit(to comments: [Comment], postID: Int64) -> [Comment] {
        // The latest: a visit made behind a bulk change may wait beside an older one.
        let visit = writes.pendingWrites.reversed().lazy.compactMap { write -> Int64?? in
            guard case .visited(postID, _, let seenThrough) = write else { return nil }
            return .some(seenThrough)
        }.first
        guard let visit else { return comments }
        return comments.map { comment in
            var comment = comment
            if visit.map({ comment.id <= $0 }) ?? true { comment.isNew = false }
            return comment
        }
    }
}
