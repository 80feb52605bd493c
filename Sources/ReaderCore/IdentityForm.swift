/// Who is commenting, asked on the reader's screen the first time the user writes a comment
/// (blogs want a name and an e-mail); kept in the config file once answered.
public struct IdentityForm: Equatable, Sendable {
    public enum Field: Int, CaseIterable, Sendable {
        case name, email, url

        public var label: String {
            switch self {
            case .name: return "Your name: "
            case .email: return "Your e-mail (shown only to the blog's owner): "
            case .url: return "Your website (optional): "
            }
        }
    }

    public var name = ""
    public var email = ""
    public var url = ""
    /// The field being typed in.
    public var field = Field.name
    /// The comment the user set out to write, started once the form is done.
    public var postID: Int64
    public var parentCommentID: Int64?

    public init(postID: Int64, parentCommentID: Int64?) {
        self.postID = postID
        self.parentCommentID = parentCommentID
    }

    public func value(of field: Field) -> String {
        switch field {
        case .name: return name
        case .email: return email
        case .url: return url
        }
    }

    mutating func edit(_ change: (inout String) -> Void) {
        switch field {
        case .name: change(&name)
        case .email: change(&email)
        case .url: change(&url)
        }
    }
}
