import BlogModel

/// Collects the visible text of an HTML parse on one line, for indexing and previews.
///
/// Works on bytes, not Strings: this runs over every comment of an import.
final class HTMLPlainTextCollector: HTMLSAXReceiver {
    private var output: [UInt8] = []
    private var pendingSpace = false
    private var hiddenDepth = 0

    var text: String {
        TerminalSafeText.sanitize(String(decoding: output, as: UTF8.self))
    }

    /// `text` (already free of markup) with its whitespace collapsed and made terminal-safe.
    static func collapse(_ text: String) -> String {
        let collector = HTMLPlainTextCollector()
        var copy = text
        copy.withUTF8 { collector.characters($0) }
        return collector.text
    }

    override func startElement(_ name: String, attributes: HTMLAttributes) {
        let role = HTMLTagRole(tag: name)
        if role == .hidden {
            hiddenDepth += 1
        } else if Self.separates(role) {
            pendingSpace = true
        }
    }

    override func endElement(_ name: String) {
        let role = HTMLTagRole(tag: name)
        if role == .hidden {
            hiddenDepth = max(0, hiddenDepth - 1)
        } else if Self.separates(role) {
            pendingSpace = true
        }
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard hiddenDepth == 0 else { return }
        output.reserveCapacity(output.count + bytes.count)
        for byte in bytes {
            if HTMLParagraphBuilder.isCollapsibleSpace(byte) {
                pendingSpace = true
            } else {
                if pendingSpace, !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            }
        }
    }

    private static func separates(_ role: HTMLTagRole) -> Bool {
        switch role {
        case .inline, .anchor, .transparent, .image: return false
        default: return true
        }
    }
}
