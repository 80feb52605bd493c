import BlogModel
import CLibXML2

/// Collects the visible text of an HTML parse on one line, for indexing and previews.
///
/// Works on bytes, not Strings: this runs over every comment of an import.
final class HTMLPlainTextCollector: HTMLSAXReceiver {
    private var output: [UInt8] = []
    private var pendingSpace = false
    private var hiddenDepth = 0
    /// Whether `output` may hold a control character, noticed while collecting it.
    private var mayHoldControl = false
    /// Roles of the tag names seen in this parse, by interned address: a parse meets only a
    /// handful of distinct tags, and a pointer comparison beats building a String for each.
    private var knownRoles: [(name: UnsafePointer<xmlChar>, role: HTMLTagRole)] = []

    var text: String {
        let text = String(decoding: output, as: UTF8.self)
        return mayHoldControl ? TerminalSafeText.sanitize(text) : text
    }

    /// `text` (already free of markup) with its whitespace collapsed and made terminal-safe.
    static func collapse(_ text: String) -> String {
        let collector = HTMLPlainTextCollector()
        var copy = text
        copy.withUTF8 { collector.characters($0) }
        return collector.text
    }

    override func startElement(interned name: UnsafePointer<xmlChar>, attributes: HTMLAttributes) {
        let role = role(of: name)
        if role == .hidden {
            hiddenDepth += 1
        } else if Self.separates(role) {
            pendingSpace = true
        }
    }

    override func endElement(interned name: UnsafePointer<xmlChar>) {
        let role = role(of: name)
        if role == .hidden {
            hiddenDepth = max(0, hiddenDepth - 1)
        } else if Self.separates(role) {
            pendingSpace = true
        }
    }

    /// An element of `role` starts or ends, as `startElement` and `endElement` take it
    /// (for `HTMLPlainTextScanner`, which reads no hidden elements).
    func boundary(of role: HTMLTagRole) {
        if Self.separates(role) { pendingSpace = true }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard hiddenDepth == 0, let base = bytes.baseAddress else { return }
        // No reserveCapacity(count + bytes.count) here: it grows the buffer to exactly that
        // size, so a body parsed into thousands of callbacks was copied whole each time
        // (quadratic). Plain appends grow geometrically.
        let count = bytes.count
        var index = 0
        // Copies runs of visible bytes whole; only bytes up to 0x20 need a closer look.
        while index < count {
            let byte = base[index]
            if byte <= 0x20, HTMLParagraphBuilder.isCollapsibleSpace(byte) {
                pendingSpace = true
                index += 1
                continue
            }
            var end = index + 1
            while end < count {
                let next = base[end]
                if next <= 0x20, HTMLParagraphBuilder.isCollapsibleSpace(next) { break }
                end += 1
            }
            if pendingSpace, !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            let run = UnsafeBufferPointer(rebasing: bytes[index..<end])
            if !mayHoldControl, run.contains(where: HTMLControlCharacters.mayStartControl) { mayHoldControl = true }
            output.append(contentsOf: run)
            index = end
        }
    }

    private func role(of name: UnsafePointer<xmlChar>) -> HTMLTagRole {
        for known in knownRoles where known.name == name { return known.role }
        let role = HTMLTagRole(tag: String(cString: name))
        if knownRoles.count < 32 { knownRoles.append((name, role)) }
        return role
    }

    private static func separates(_ role: HTMLTagRole) -> Bool {
        switch role {
        case .inline, .anchor, .transparent, .image: return false
        default: return true
        }
    }
}
