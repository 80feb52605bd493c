import TextLayout

extension StyleSlot {
    /// The slot laid-out text of `role` is drawn in.
    public init(_ role: TextRole) {
        switch role {
        case .normal: self = .normal
        case .articleTitle: self = .articleTitle
        case .articleMeta: self = .articleMeta
        case .heading: self = .heading
        case .bold: self = .bold
        case .italic: self = .italic
        case .code: self = .code
        case .quote: self = .quote
        case .link: self = .link
        case .linkNumber: self = .linkNumber
        case .image: self = .image
        case .threadGuide: self = .threadGuide
        case .commentAuthor: self = .commentAuthor
        case .commentPostAuthor: self = .commentPostAuthor
        case .commentMuted: self = .commentMuted
        case .commentDate: self = .commentDate
        case .commentNew: self = .commentNew
        case .commentSelected: self = .commentSelected
        case .pingback: self = .pingback
        case .draft: self = .draft
        case .collapsed: self = .collapsed
        }
    }
}

extension StyledLine {
    /// A laid-out line with each run in its role's slot.
    public init(_ line: TextLine) {
        self.init(line.runs.map { StyledRun($0.text, slot: StyleSlot($0.role)) })
    }

    /// Plain `text` wrapped to `width` columns, every line in `slot`.
    public static func wrapping(_ text: String, slot: StyleSlot, width: Int) -> [StyledLine] {
        TextWrapper.wrap(text, width: width).map { StyledLine($0.text, slot: slot) }
    }
}
