/// Writes subscriptions as an OPML 2.0 document, grouping them by category path.
public enum OPMLWriter {
    public static func document(title: String, outlines: [OPMLOutline]) -> String {
        ""
    }
}
