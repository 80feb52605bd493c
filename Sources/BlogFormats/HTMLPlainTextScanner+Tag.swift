extension HTMLPlainTextScanner {
    /// Up to 16 ASCII bytes of a name packed in two integers: a tag or entity name is looked
    /// up without making a String.
    struct NameKey: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count = 0

        init() {}

        init(_ text: String) {
            for byte in text.utf8 { _ = append(byte) }
        }

        /// Adds a byte; false once the name is longer than any the scanner knows.
        mutating func append(_ byte: UInt8) -> Bool {
            guard count < 16 else { return false }
            if count < 8 {
                low |= UInt64(byte) << (8 * UInt64(count))
            } else {
                high |= UInt64(byte) << (8 * UInt64(count - 8))
            }
            count += 1
            return true
        }
    }

    /// An element the scanner reads: one of the common tags of post bodies, none hidden, none
    /// that libxml2 treats specially (the document's own `html`, `head` and `body`, forms).
    struct Tag: Equatable {
        let index: Int

        init?(_ name: NameKey) {
            guard let index = Self.indexes[name] else { return nil }
            self.index = index
        }

        var role: HTMLTagRole { Self.roles[index] }

        /// Whether libxml2 closes this element when `next` starts inside it (`<p>a<ul>`): it
        /// then reads what follows elsewhere than the markup says.
        func isClosed(by next: Tag) -> Bool {
            Self.closedBy[index * Self.names.count + next.index]
        }

        private static let names = [
            "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "address", "center",
            "figure", "figcaption", "blockquote", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "dl",
            "dt", "dd", "h1", "h2",
            "h3", "h4", "h5", "h6", "ul", "ol", "li", "pre", "a", "br", "hr", "img", "b", "strong", "i", "em", "cite",
            "var", "dfn", "code", "tt", "kbd", "samp", "span", "u", "s", "strike", "del", "ins", "sub", "sup",
            "small", "big", "abbr", "acronym", "q", "font", "mark", "time",
        ]

        private static let indexes: [NameKey: Int] = Dictionary(
            uniqueKeysWithValues: names.enumerated().map { (NameKey($0.element), $0.offset) })

        private static let roles: [HTMLTagRole] = names.map { HTMLTagRole(tag: $0) }

        /// Which starting elements close which open ones, as libxml2 2.9's HTML parser does
        /// (measured on it, for the tags of `names`), as a matrix: open × starting.
        private static let closedBy: [Bool] = {
            let table: [String: [String]] = [
                "p": [
                    "p", "div", "address", "center", "table", "tbody", "tfoot", "tr", "td", "th", "caption", "dl",
                    "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "hr",
                ],
                "address": ["dl", "dt", "dd", "ul", "li"], "thead": ["tbody", "tfoot"], "tbody": ["tbody", "tfoot"],
                "tfoot": ["tbody"], "tr": ["tbody", "tfoot", "tr"], "td": ["tbody", "tfoot", "tr", "td", "th"],
                "th": ["tbody", "tfoot", "tr", "td", "th"], "caption": ["thead", "tbody", "tfoot", "tr"],
                "dl": ["li"], "dt": ["dl", "dd"], "dd": ["dt"], "h1": ["p", "table", "li"],
                "h2": ["p", "table", "li"], "h3": ["p", "table", "li"], "h4": ["p", "table", "li"],
                "h5": ["p", "table", "li"], "h6": ["p", "table", "li"], "ul": ["address", "ol", "pre"],
                "ol": ["ul"], "li": ["li"], "pre": ["table", "dl", "dt", "dd", "ul", "li"],
                "a": ["table", "td", "th", "a"], "b": ["p", "center", "td", "th"], "i": ["p", "center", "td", "th"],
                "tt": ["p"], "span": ["td", "th"], "u": ["p", "td", "th"], "s": ["p"], "strike": ["p"],
                "small": ["p"], "big": ["p"], "font": ["center", "td", "th"],
            ]
            var matrix = [Bool](repeating: false, count: names.count * names.count)
            for (open, closers) in table {
                guard let row = indexes[NameKey(open)] else { continue }
                for closer in closers {
                    if let column = indexes[NameKey(closer)] { matrix[row * names.count + column] = true }
                }
            }
            return matrix
        }()
    }

    /// The HTML 4 entities by packed name.
    static let entities: [NameKey: UInt32] = Dictionary(
        uniqueKeysWithValues: HTMLEntities.table.map { (NameKey($0.key), $0.value.value) })
}
