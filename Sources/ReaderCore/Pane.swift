/// One of the reader's three panes.
public enum Pane: String, CaseIterable, Equatable, Hashable, Sendable {
    case posts
    case article
    case thread

    /// The pane after this one in Tab order, wrapping around.
    public var next: Pane {
        let all = Pane.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The pane before this one in Tab order, wrapping around.
    public var previous: Pane {
        let all = Pane.allCases
        return all[(all.firstIndex(of: self)! + all.count - 1) % all.count]
    }
}
