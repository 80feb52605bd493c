/// Something the user does not want to read: a commenter on one blog, or one comment and every
/// reply under it. Kept by name and source id, so it survives syncs and re-imports.
public enum Mute: Hashable, Sendable {
    case author(blogID: Int64, name: String)
    case subthread(postID: Int64, commentSourceID: String)
}

/// The mutes that apply to one post's thread.
public struct MuteRules: Equatable, Sendable {
    /// Muted commenters' names on the post's blog.
    public var authors: Set<String>
    /// Source ids of muted subthreads' top comments.
    public var subthreads: Set<String>

    public init(authors: Set<String> = [], subthreads: Set<String> = []) {
        self.authors = authors
        self.subthreads = subthreads
    }

    public var isEmpty: Bool { authors.isEmpty && subthreads.isEmpty }

    /// Sets `.muted` on every comment muted by name or id and on every reply below one, so a
    /// muted commenter's conversation goes with them instead of surfacing as orphans.
    public func apply(to comments: inout [Comment]) {
        guard !isEmpty else { return }
        var indexByID: [String: Int] = [:]
        for (index, comment) in comments.enumerated() where indexByID[comment.sourceID] == nil {
            indexByID[comment.sourceID] = index
        }
        // 0 unknown, 1 muted, 2 shown, 3 on the chain being walked; resolved along each parent
        // chain without recursion.
        var verdict = [UInt8](repeating: 0, count: comments.count)
        for start in comments.indices where verdict[start] == 0 {
            var chain: [Int] = []
            var current: Int? = start
            var outcome: UInt8 = 2
            while let index = current {
                if verdict[index] == 3 { break }  // a parent loop: nothing above is muted
                if verdict[index] != 0 {
                    outcome = verdict[index]
                    break
                }
                verdict[index] = 3
                chain.append(index)
                let comment = comments[index]
                if authors.contains(comment.author) || subthreads.contains(comment.sourceID) {
                    outcome = 1
                    break
                }
                current = comment.parentSourceID.flatMap { indexByID[$0] }
            }
            for index in chain { verdict[index] = outcome }
        }
        for index in comments.indices where verdict[index] == 1 { comments[index].marks.insert(.muted) }
    }
}
