import BlogModel
import Foundation

/// Turns `href` values into absolute, terminal-safe link targets.
struct HTMLLinkResolver {
    let base: URL?

    init(baseURL: String?) {
        base = baseURL.flatMap { URL(string: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The absolute target of `href`, or nil for links that lead nowhere a reader could open
    /// (`javascript:`, empty without a base).
    func resolve(_ href: String) -> String? {
        // Browsers strip surrounding whitespace and ignore tabs and newlines inside URLs.
        let cleaned = String(
            href.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        ).trimmingCharacters(in: .whitespaces)
        if cleaned.lowercased().hasPrefix("javascript:") { return nil }
        if cleaned.isEmpty {
            return base.map { TerminalSafeText.sanitize($0.absoluteString) }
        }
        let resolved: String
        if let base, let url = URL(string: cleaned, relativeTo: base) {
            resolved = url.absoluteString
        } else {
            resolved = cleaned
        }
        return TerminalSafeText.sanitize(resolved)
    }
}
