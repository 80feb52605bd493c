/// What importing an OPML subscription list changed, for the line `lectern import` prints.
public struct OPMLImportSummary: Equatable, Sendable {
    public var source: String
    /// Outlines that became new subscriptions.
    public var subscribed = 0
    /// Outlines whose feed was subscribed already.
    public var alreadySubscribed = 0
    /// Outlines whose `xmlUrl` is not an http(s) address.
    public var skipped = 0

    public init(source: String) { self.source = source }

    /// One line for a person: `subs.opml: 12 subscriptions added, 3 already subscribed; run lectern sync`.
    public var line: String {
        var text = "\(source): \(subscribed) subscriptions added, \(alreadySubscribed) already subscribed"
        if skipped > 0 { text += ", \(skipped) skipped (not http or https)" }
        if subscribed > 0 { text += "; `lectern sync` fetches them" }
        return text
    }
}
