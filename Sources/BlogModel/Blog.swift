import Foundation

/// A subscribed blog or an imported export, as the cache knows it.
public struct Blog: Equatable, Sendable, Identifiable {
    /// How the blog entered the library; decides how it is kept current.
    public enum Origin: String, Sendable, Codable {
        case export
        case feed
        case wordpress
    }

    public var id: Int64
    /// Stable identity across imports and syncs: the feed URL, or the export's site URL.
    public var sourceKey: String
    public var title: String
    public var link: String
    public var summary: String
    public var language: String
    /// The WordPress site root used for REST calls and the comment form, when known.
    public var siteURL: String?
    /// The WordPress REST root the site advertises (`…/wp-json/` or `…/?rest_route=/`), when known.
    public var apiRoot: String?
    public var feedURL: String?
    public var origin: Origin
    public var lastSync: Date?
    public var lastError: String?

    public init(
        id: Int64 = 0, sourceKey: String, title: String, link: String = "", summary: String = "",
        language: String = "", siteURL: String? = nil, apiRoot: String? = nil, feedURL: String? = nil,
        origin: Origin = .export, lastSync: Date? = nil, lastError: String? = nil
    ) {
        self.id = id
        self.sourceKey = sourceKey
        self.title = title
        self.link = link
        self.summary = summary
        self.language = language
        self.siteURL = siteURL
        self.apiRoot = apiRoot
        self.feedURL = feedURL
        self.origin = origin
        self.lastSync = lastSync
        self.lastError = lastError
    }
}
