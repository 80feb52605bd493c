import BlogModel
import BlogStore

extension LibraryStore {
    /// Stores `count` posts of one blog whose text ("walrus number N") is not in the search
    /// index yet, as a sync leaving its text to the reader does.
    public func storeUnindexedPosts(_ count: Int) throws {
        try writeSession(deferSearchIndex: true) { session in
            let blogID = try session.upsertBlog(Blog(sourceKey: "https://b/feed/", title: "B"))
            for index in 0..<count {
                _ = try session.upsertPost(
                    Post(blogID: blogID, sourceID: "p\(index)", title: "Post \(index)"), listed: true,
                    searchText: "walrus number \(index)")
            }
        }
    }
}
