/// Who the user is when they comment: the config's `[author]` table.
///
/// Also how the cache recognises the user's comments made elsewhere (in a browser, on
/// another machine): same name, and the same e-mail where the source publishes one.
public struct CommenterIdentity: Equatable, Sendable {
    public var name: String
    public var email: String
    public var url: String?

    public init(name: String, email: String, url: String?) {
        self.name = name
        self.email = email
        self.url = url
    }
}
