extension AppState {
    /// The identity form: Enter moves to the next field and, after the last, keeps the
    /// answers and starts the comment; Esc gives up commenting for now.
    mutating func runInIdentityForm(_ command: Command, _ state: IdentityForm) -> [Effect] {
        var form = state
        switch command {
        case .open:
            if form.field == .name, Self.trimmed(form.name).isEmpty {
                status = StatusMessage("Blogs need a name with a comment", isError: true)
                return []
            }
            if let next = IdentityForm.Field(rawValue: form.field.rawValue + 1) {
                form.field = next
                mode = .identityForm(form)
                return []
            }
            mode = .normal
            let url = Self.trimmed(form.url)
            return [
                .saveIdentity(
                    name: Self.trimmed(form.name),
                    email: Self.trimmed(form.email), url: url.isEmpty ? nil : url),
                .compose(postID: form.postID, parentCommentID: form.parentCommentID),
            ]
        case .deleteBackward:
            form.edit { if !$0.isEmpty { $0.removeLast() } }
            mode = .identityForm(form)
        case .cancel:
            mode = .normal
            status = StatusMessage("Not commenting: blogs need a name with a comment")
        default:
            break
        }
        return []
    }

    private static func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
