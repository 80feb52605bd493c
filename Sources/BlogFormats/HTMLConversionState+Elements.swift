import BlogModel

extension HTMLConversionState {
    /// Opens an element: called for every start tag, written or implied.
    func handleStart(_ name: String, attributes: HTMLAttributes) {
        let role = HTMLTagRole(tag: name)
        if hiddenDepth > 0 {
            if !role.isVoid { frames.append(HTMLElementFrame(name: name, effect: .none)) }
            return
        }
        if role.isVoid {
            startVoidElement(role, attributes: attributes)
            return
        }
        frames.append(HTMLElementFrame(name: name, effect: open(role, attributes: attributes)))
    }

    /// Closes the innermost open `name` and everything opened inside it.
    func handleEnd(_ name: String) {
        guard !HTMLTagRole(tag: name).isVoid,
            let index = frames.lastIndex(where: { $0.name == name })
        else { return }
        while frames.count > index { close(frames.removeLast()) }
    }

    /// Applies what an opening tag means and returns what its closing tag must undo.
    private func open(_ role: HTMLTagRole, attributes: HTMLAttributes) -> HTMLElementFrame.Effect {
        // Inside `pre` and table cells only inline meaning survives: a row stays one line.
        let flattened = preformattedDepth > 0 || tableCellDepth > 0
        switch role {
        case .hidden:
            hiddenDepth += 1
            return .hidden
        case .block:
            blockBoundary()
            return .boundary
        case .heading(let level):
            blockBoundary()
            if flattened { return .boundary }
            headingLevels.append(level)
            return .heading
        case .inline(let style):
            adjustStyle(style, by: 1)
            return .style(style)
        case .term, .caption:
            blockBoundary()
            if flattened { return .boundary }
            let style: RichSpan.Style = role == .term ? .bold : .italic
            adjustStyle(style, by: 1)
            return .styledBoundary(style)
        case .anchor:
            let target = preformattedDepth > 0 ? nil : attributes["href"].flatMap(resolver.resolve)
            linkStack.append(target.map(linkNumber(for:)))
            return .link
        case .preformatted:
            blockBoundary()
            if flattened { return .boundary }
            preformattedDepth += 1
            return .preformatted
        case .list(let ordered):
            return openContainerElement(.list(ordered: ordered), flattened: flattened)
        case .listItem:
            blockBoundary()
            if case .item(implicit: true) = containers[containers.count - 1].kind {
                closeContainers(downTo: containers.count - 1)
            }
            guard !flattened, containers[containers.count - 1].isList else { return .boundary }
            return openContainerElement(.item(implicit: false), flattened: false)
        case .quote:
            return openContainerElement(.quote, flattened: flattened)
        case .tableRow:
            blockBoundary()
            cellsInRow = 0
            return .tableRow
        case .tableCell:
            if cellsInRow > 0 { paragraph.appendAtom(" | ", style: [], link: nil, absorbsSpace: true) }
            cellsInRow += 1
            tableCellDepth += 1
            return .tableCell
        case .transparent, .lineBreak, .rule, .image:
            return .none
        }
    }

    private func openContainerElement(_ kind: HTMLBlockContainer.Kind, flattened: Bool)
        -> HTMLElementFrame.Effect
    {
        blockBoundary()
        let depth = containers.count
        guard !flattened, openContainer(kind) else { return .boundary }
        return .container(depth: depth)
    }

    private func startVoidElement(_ role: HTMLTagRole, attributes: HTMLAttributes) {
        switch role {
        case .lineBreak:
            if preformattedDepth > 0 {
                preformattedText.append(0x0A)
            } else if tableCellDepth > 0 {
                paragraph.appendSpace()
            } else {
                paragraph.appendBreak()
            }
        case .rule:
            guard preformattedDepth == 0 else { return }
            blockBoundary()
            if tableCellDepth == 0 { appendBlock(.rule) }
        case .image:
            let marker = Self.imageMarker(alt: attributes["alt"])
            if preformattedDepth > 0 {
                preformattedText.append(contentsOf: Array(marker.utf8))
                return
            }
            if containers[containers.count - 1].isList { openImplicitItem() }
            paragraph.appendAtom(marker, style: currentStyle.union(.image), link: currentLink)
        default:
            return
        }
    }

    /// `[image: ALT]`, or `[image]` when the image has no description.
    static func imageMarker(alt: String?) -> String {
        let description = (alt ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return description.isEmpty ? "[image]" : "[image: \(description)]"
    }

    /// Undoes what an element's opening did.
    func close(_ frame: HTMLElementFrame) {
        switch frame.effect {
        case .none:
            break
        case .boundary, .tableRow:
            blockBoundary()
        case .hidden:
            hiddenDepth -= 1
        case .style(let style):
            adjustStyle(style, by: -1)
        case .styledBoundary(let style):
            blockBoundary()
            adjustStyle(style, by: -1)
        case .link:
            linkStack.removeLast()
        case .heading:
            blockBoundary()
            headingLevels.removeLast()
        case .preformatted:
            preformattedDepth -= 1
            if preformattedDepth == 0 { endPreformatted() }
        case .container(let depth):
            blockBoundary()
            closeContainers(downTo: depth)
        case .tableCell:
            tableCellDepth -= 1
        }
    }

    private func adjustStyle(_ style: RichSpan.Style, by delta: Int) {
        if style.contains(.bold) { boldDepth += delta }
        if style.contains(.italic) { italicDepth += delta }
        if style.contains(.code) { codeDepth += delta }
    }
}
