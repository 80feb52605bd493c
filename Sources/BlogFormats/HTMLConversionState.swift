import BlogModel
import Foundation

/// Builds a `RichText` from the events of one HTML parse.
///
/// Everything open (elements, containers, styles, links) is kept in arrays, so the depth of
/// the input costs memory, never call stack.
final class HTMLConversionState: HTMLSAXReceiver {
    /// Deeper quotes and lists are flattened into the deepest one: no terminal can indent
    /// further, and a shallow result is cheap to compare and free.
    static let maximumContainerDepth = 32

    let resolver: HTMLLinkResolver
    var links: [String] = []
    var linkNumbers: [String: Int] = [:]
    var containers = [HTMLBlockContainer(kind: .root)]
    var paragraph = HTMLParagraphBuilder()
    var frames: [HTMLElementFrame] = []
    var boldDepth = 0
    var italicDepth = 0
    var codeDepth = 0
    var linkStack: [Int?] = []
    var headingLevels: [Int] = []
    var hiddenDepth = 0
    var preformattedDepth = 0
    var preformattedText: [UInt8] = []
    var tableCellDepth = 0
    var cellsInRow = 0

    init(baseURL: String?) {
        resolver = HTMLLinkResolver(baseURL: baseURL)
    }

    var currentLink: Int? { linkStack.last ?? nil }

    var currentStyle: RichSpan.Style {
        var style: RichSpan.Style = []
        if boldDepth > 0 { style.insert(.bold) }
        if italicDepth > 0 { style.insert(.italic) }
        if codeDepth > 0 { style.insert(.code) }
        if currentLink != nil { style.insert(.link) }
        return style
    }

    override func startElement(_ name: String, attributes: HTMLAttributes) {
        handleStart(name, attributes: attributes)
    }

    override func endElement(_ name: String) {
        handleEnd(name)
    }

    override func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard hiddenDepth == 0 else { return }
        if preformattedDepth > 0 {
            preformattedText.append(contentsOf: bytes)
            return
        }
        if containers[containers.count - 1].isList {
            // Whitespace between items is layout; real text gets an item of its own.
            guard bytes.contains(where: { !HTMLParagraphBuilder.isCollapsibleSpace($0) }) else { return }
            openImplicitItem()
        }
        paragraph.appendText(bytes, style: currentStyle, link: currentLink)
    }

    /// Closes every open element and container and returns the document.
    func finish() -> RichText {
        while let frame = frames.popLast() { close(frame) }
        endParagraph()
        closeContainers(downTo: 1)
        return RichText(blocks: containers[0].blocks, links: links)
    }

    /// The number of `url` in this document, assigning the next one on first use.
    func linkNumber(for url: String) -> Int {
        if let number = linkNumbers[url] { return number }
        links.append(url)
        linkNumbers[url] = links.count - 1
        return links.count - 1
    }

    /// Ends the current paragraph; inside a table cell a block edge is only a space, so a row
    /// stays one line.
    func blockBoundary() {
        if tableCellDepth > 0 {
            paragraph.appendSpace()
        } else {
            endParagraph()
        }
    }

    func endParagraph() {
        guard let spans = paragraph.finish() else { return }
        if let level = headingLevels.last {
            appendBlock(.heading(level: level, spans))
        } else {
            appendBlock(.paragraph(spans))
        }
    }

    func appendBlock(_ block: RichBlock) {
        if containers[containers.count - 1].isList { openImplicitItem() }
        containers[containers.count - 1].blocks.append(block)
    }

    /// Opens a container unless the nesting cap is reached; returns whether it did.
    func openContainer(_ kind: HTMLBlockContainer.Kind) -> Bool {
        guard containers.count < Self.maximumContainerDepth else { return false }
        containers.append(HTMLBlockContainer(kind: kind))
        return true
    }

    func openImplicitItem() {
        containers.append(HTMLBlockContainer(kind: .item(implicit: true)))
    }

    /// Pops containers until `depth` remain, placing each into its parent.
    func closeContainers(downTo depth: Int) {
        while containers.count > max(depth, 1) {
            let finished = containers.removeLast()
            let parent = containers.count - 1
            if case .item = finished.kind {
                guard !finished.blocks.isEmpty else { continue }
                if containers[parent].isList {
                    containers[parent].items.append(finished.blocks)
                } else {
                    containers[parent].blocks.append(contentsOf: finished.blocks)
                }
            } else if let block = finished.finishedBlock {
                appendBlock(block)
            }
        }
    }

    /// Appends the finished `pre` text, exactly as written but with tabs expanded.
    func endPreformatted() {
        defer { preformattedText.removeAll() }
        var text = String(decoding: preformattedText, as: UTF8.self)
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        // HTML ignores a newline right after `<pre>`; a trailing one only pads the block.
        if text.hasPrefix("\n") { text.removeFirst() }
        while text.hasSuffix("\n") { text.removeLast() }
        guard text.contains(where: { !$0.isWhitespace }) else { return }
        appendBlock(.preformatted(TerminalSafeText.sanitize(Self.expandingTabs(text), keepNewlines: true)))
    }

    /// Replaces each tab with spaces up to the next multiple of 8 columns.
    static func expandingTabs(_ text: String) -> String {
        guard text.contains("\t") else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var column = 0
        for character in text {
            switch character {
            case "\t":
                let width = 8 - column % 8
                result.append(String(repeating: " ", count: width))
                column += width
            case "\n":
                result.append(character)
                column = 0
            default:
                result.append(character)
                column += 1
            }
        }
        return result
    }
}
