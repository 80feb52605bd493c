import BlogModel

/// One open element and what must be undone when it closes.
///
/// The open elements live in an array, never on the call stack, so nesting depth costs memory only.
struct HTMLElementFrame {
    enum Effect {
        case none
        /// Ends the paragraph on closing.
        case boundary
        case hidden
        case style(RichSpan.Style)
        /// A block with a style of its own (`dt` bold, `figcaption` italic).
        case styledBoundary(RichSpan.Style)
        case link
        case heading
        case preformatted
        /// Closes every container opened since the container count was `depth`.
        case container(depth: Int)
        case tableRow
        case tableCell
    }

    let name: String
    let effect: Effect
}
