import BlogModel

/// A block that holds other blocks while the document is being built.
struct HTMLBlockContainer {
    enum Kind: Equatable {
        case root
        case quote
        case list(ordered: Bool)
        /// A list item; `implicit` when text sat directly inside `ul`/`ol` with no `li`.
        case item(implicit: Bool)
    }

    let kind: Kind
    var blocks: [RichBlock] = []
    /// Finished items, for a list.
    var items: [[RichBlock]] = []

    var isList: Bool {
        if case .list = kind { return true }
        return false
    }

    /// What this container becomes inside its parent, if it holds anything.
    var finishedBlock: RichBlock? {
        switch kind {
        case .quote: return blocks.isEmpty ? nil : .quote(blocks)
        case .list(let ordered): return items.isEmpty ? nil : .list(ordered: ordered, items: items)
        case .root, .item: return nil
        }
    }
}
