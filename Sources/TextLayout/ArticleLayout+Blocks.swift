import BlogModel
import Foundation

extension ArticleLayout {
    /// Where a block sits: the columns left, how deep in lists and quotes.
    struct Context {
        var width: Int
        var links: [String]
        var listDepth = 0
        var inQuote = false

        var baseRole: TextRole { inQuote ? .quote : .normal }
    }

    static let bullets = ["•", "◦", "▪"]

    /// Blocks separated by blank lines; inside list items a nested list follows directly.
    static func blockLines(_ blocks: [RichBlock], context: Context, tight: Bool = false) -> [TextLine] {
        var out: [TextLine] = []
        var previous: RichBlock?
        for block in blocks {
            let lines = blockLines(block, context: context)
            if lines.isEmpty { continue }
            if let previous, !(tight && (isList(block) || isList(previous))) {
                out.append(.blank)
            }
            out += lines
            previous = block
        }
        return out
    }

    static func blockLines(_ block: RichBlock, context: Context) -> [TextLine] {
        switch block {
        case .paragraph(let spans):
            if spans.allSatisfy({ $0.text.allSatisfy(\.isWhitespace) && !$0.style.contains(.image) }) {
                return []
            }
            return TextWrapper.wrap(runs(spans, base: context.baseRole, links: context.links), width: context.width)
        case .heading(let level, let spans):
            let lines = TextWrapper.wrap(
                runs(spans, base: .heading, links: context.links, heading: true), width: context.width)
            guard level <= 1, let longest = lines.map(\.width).max(), longest > 0 else { return lines }
            return lines + [TextLine(String(repeating: "═", count: longest), role: .heading)]
        case .list(let ordered, let items):
            return listLines(ordered: ordered, items: items, context: context)
        case .quote(let blocks):
            var inner = context
            inner.width = max(4, context.width - 2)
            inner.inQuote = true
            return blockLines(blocks, context: inner).map {
                $0.prefixed(by: [TextRun("│ ", role: .quote)])
            }
        case .preformatted(let text):
            return preformattedLines(text, width: context.width)
        case .rule:
            return [TextLine(String(repeating: "─", count: context.width), role: .articleMeta)]
        }
    }

    private static func isList(_ block: RichBlock) -> Bool {
        if case .list = block { return true }
        return false
    }

    private static func listLines(ordered: Bool, items: [[RichBlock]], context: Context) -> [TextLine] {
        let numberWidth = String(items.count).count
        let markerWidth = 2 + (ordered ? numberWidth + 2 : 2)
        var inner = context
        inner.width = max(4, context.width - markerWidth)
        inner.listDepth += 1
        var out: [TextLine] = []
        for (index, item) in items.enumerated() {
            let marker: String
            if ordered {
                let number = String(index + 1)
                marker = "  " + String(repeating: " ", count: numberWidth - number.count) + number + ". "
            } else {
                marker = "  " + bullets[context.listDepth % bullets.count] + " "
            }
            var lines = blockLines(item, context: inner, tight: true)
            if lines.isEmpty { lines = [.blank] }
            let hanging = String(repeating: " ", count: markerWidth)
            for (number, line) in lines.enumerated() {
                let prefix = number == 0 ? marker : hanging
                out.append(line.prefixed(by: [TextRun(prefix, role: context.baseRole)]))
            }
        }
        return out
    }

    private static func preformattedLines(_ text: String, width: Int) -> [TextLine] {
        var lines = expandTabs(text).split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last?.allSatisfy({ $0 == " " }) == true { lines.removeLast() }
        return lines.map { raw in
            let safe = TerminalSafeText.sanitize(String(raw))
            return TextLine(DisplayWidth.prefix(of: safe, fitting: width).text, role: .code)
        }
    }

    /// Tabs to the next multiple of 4, before sanitizing would turn them into one space.
    private static func expandTabs(_ text: String) -> String {
        guard text.contains("\t") else { return text }
        var out = ""
        var column = 0
        for character in text {
            if character == "\t" {
                let spaces = 4 - column % 4
                out += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                out.append(character)
                column = character == "\n" ? 0 : column + DisplayWidth.width(of: character)
            }
        }
        return out
    }

    /// Spans as runs: images as `[image: alt]`, each link followed by its `[n]`.
    static func runs(_ spans: [RichSpan], base: TextRole, links: [String], heading: Bool = false) -> [TextRun] {
        var out: [TextRun] = []
        for (index, span) in spans.enumerated() {
            var text = TerminalSafeText.sanitize(span.text, keepNewlines: true)
            let role: TextRole
            if span.style.contains(.image) {
                let alt = text.trimmingCharacters(in: .whitespacesAndNewlines)
                text = alt.hasPrefix("[image") ? alt : "[image: \(alt.isEmpty ? "?" : alt)]"
                role = .image
            } else if span.style.contains(.link) || span.link != nil {
                role = .link
            } else if heading {
                role = .heading
            } else if span.style.contains(.code) {
                role = .code
            } else if span.style.contains(.bold) {
                role = .bold
            } else if span.style.contains(.italic) {
                role = .italic
            } else {
                role = base
            }
            if let link = span.link, let number = markerNumber(link, spans, index, text) {
                if text.hasPrefix("[\(number)]") {
                    out.append(TextRun(text, role: .linkNumber, link: link))
                    continue
                }
                out.append(TextRun(text, role: role, link: link))
                out.append(TextRun("[\(number)]", role: .linkNumber, link: link))
            } else {
                out.append(TextRun(text, role: role, link: span.link))
            }
        }
        return out
    }

    /// The link's shown number when span `index` ends a run of spans with that link.
    private static func markerNumber(_ link: Int, _ spans: [RichSpan], _ index: Int, _ text: String) -> Int? {
        let number = link + 1
        if text == "[\(number)]" { return number }
        if index + 1 < spans.count, spans[index + 1].link == link { return nil }
        return number
    }
}
