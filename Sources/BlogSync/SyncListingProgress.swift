/// Where a long site-wide listing stands: a first sync of a WordPress site reads every post
/// and comment, 100 a page, which can take a while on a large site.
public struct SyncListingProgress: Equatable, Sendable {
    public enum Listing: String, Sendable {
        case posts
        case comments
        case feedPages = "feed pages"
    }

    public var blogID: Int64
    public var listing: Listing
    /// Pages read so far.
    public var page: Int
    /// Pages in all, when the server said (`X-WP-TotalPages`).
    public var totalPages: Int?

    public init(blogID: Int64, listing: Listing, page: Int, totalPages: Int?) {
        self.blogID = blogID
        self.listing = listing
        self.page = page
        self.totalPages = totalPages
    }

    /// `reading posts: page 3 of 12`.
    public var line: String {
        "reading \(listing.rawValue): page \(page)" + (totalPages.map { " of \($0)" } ?? "")
    }
}
