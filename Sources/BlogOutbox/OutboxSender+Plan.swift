import BlogModel
import BlogStore
import BlogSync
import Foundation

extension OutboxSender {
    /// The warnings `send` would stop `draft` for: closed comments, a parent that is gone.
    public func warnings(for draft: Draft) -> [String] {
        (try? makePlan(for: draft).get().warnings) ?? []
    }

    /// Resolves the site, WordPress's post id and the parent's remote id from the cache.
    func makePlan(for draft: Draft) -> Result<OutboxPlan, OutboxPlanFailure> {
        do {
            guard let post = try store.post(id: draft.postID) else {
                return .failure(OutboxPlanFailure(reason: "the post is no longer in the cache"))
            }
            guard let blog = try store.blog(id: post.blogID) else {
                return .failure(OutboxPlanFailure(reason: "the blog is no longer in the cache"))
            }
            guard let site = Self.siteURL(of: blog) else {
                return .failure(
                    OutboxPlanFailure(reason: "the blog's WordPress site address is unknown"))
            }
            guard let remotePostID = Self.remotePostID(of: post) else {
                return .failure(
                    OutboxPlanFailure(
                        reason: "the blog's id for this post is unknown (sync it from a WordPress feed or export)"))
            }
            var warnings: [String] = []
            if !post.commentsOpen { warnings.append(Self.closedWarning(title: post.title)) }
            var remoteParentID = 0
            if let parentID = draft.parentCommentID {
                let comments = try store.comments(postID: post.id)
                if let parent = comments.first(where: { $0.id == parentID }) {
                    if let number = Comment.siteNumber(of: parent.sourceID) {
                        remoteParentID = number
                    } else {
                        warnings.append(
                            "the comment you replied to has no WordPress id;"
                                + " the reply would be sent as a top-level comment")
                    }
                } else {
                    warnings.append(
                        "the comment you replied to was removed or is no longer approved;"
                            + " the reply would be sent as a top-level comment")
                }
            }
            let target = CommentSubmission.Target(
                site: site, remotePostID: remotePostID, remoteParentID: remoteParentID,
                restRoot: blog.apiRoot.flatMap(URL.init(string:)))
            return .success(OutboxPlan(target: target, warnings: warnings))
        } catch {
            return .failure(OutboxPlanFailure(reason: "cannot read the cache: \(error)"))
        }
    }

    /// The warning for a post whose comments the last sync found closed, naming the post so
    /// that `drafts send` says on one line which draft stopped and why.
    static func closedWarning(title: String) -> String {
        let name = TerminalSafeText.sanitize(title).trimmingCharacters(in: .whitespaces)
        return "comments are closed on “\(name.isEmpty ? "(untitled post)" : name)”; the blog will refuse it"
    }

    /// The site root: the blog's site URL (feed site link or export `wp:base_site_url`), else its link.
    static func siteURL(of blog: Blog) -> URL? {
        for candidate in [blog.siteURL, blog.link] {
            guard let text = candidate?.trimmingCharacters(in: .whitespaces), !text.isEmpty,
                let url = URL(string: text), let scheme = url.scheme?.lowercased(),
                scheme == "http" || scheme == "https", url.host != nil
            else { continue }
            return url
        }
        return nil
    }

    /// `Post.remotePostID`, else the `p=N` of a WordPress guid or short link.
    static func remotePostID(of post: Post) -> Int? {
        if let id = post.remotePostID, id > 0 { return id }
        for text in [post.sourceID, post.link] {
            guard let items = URLComponents(string: text)?.queryItems,
                let value = items.first(where: { $0.name == "p" })?.value, let id = Int(value), id > 0
            else { continue }
            return id
        }
        return nil
    }
}
