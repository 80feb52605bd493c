/// Removes WordPress shortcode brackets from a post body while keeping what they enclose.
///
/// WXR stores `post_content` before WordPress expands `[caption]…[/caption]` and friends. Only
/// the well-known media shortcodes and pairs with a matching closing tag are removed, so prose
/// that merely contains brackets ("[sic]", "[1]") is left alone.
enum HTMLShortcodeFilter {
    static let knownNames: Set<String> = ["caption", "wp_caption", "gallery", "embed", "video", "audio", "playlist"]

    private struct Token {
        let range: Range<Int>
        let name: String
        let isClosing: Bool
    }

    /// `html` without the shortcode tags.
    static func strip(_ html: String) -> String {
        guard html.utf8.contains(UInt8(ascii: "[")) else { return html }
        let bytes = Array(html.utf8)
        let tokens = findTokens(bytes)
        guard !tokens.isEmpty else { return html }
        var openedNames = Set<String>()
        var pairedNames = Set<String>()
        for token in tokens {
            if token.isClosing {
                if openedNames.contains(token.name) { pairedNames.insert(token.name) }
            } else {
                openedNames.insert(token.name)
            }
        }
        let removable = knownNames.union(pairedNames)
        var output = [UInt8]()
        output.reserveCapacity(bytes.count)
        var cursor = 0
        for token in tokens where removable.contains(token.name) {
            output.append(contentsOf: bytes[cursor..<token.range.lowerBound])
            cursor = token.range.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return String(decoding: output, as: UTF8.self)
    }

    /// Every `[name …]` and `[/name]` outside markup tags, skipping escaped `[[name]]`.
    private static func findTokens(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        var insideTag = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                insideTag = true
            } else if byte == UInt8(ascii: ">") {
                insideTag = false
            } else if byte == UInt8(ascii: "["), !insideTag {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") {
                    index += 2
                    continue
                }
                if let token = parseToken(bytes, at: index) {
                    tokens.append(token)
                    index = token.range.upperBound
                    continue
                }
            }
            index += 1
        }
        return tokens
    }

    /// Follows WordPress's grammar: a name of letters, digits, `_` and `-`, then a space,
    /// `/` or `]`, then attributes up to the closing bracket on the same line.
    private static func parseToken(_ bytes: [UInt8], at start: Int) -> Token? {
        var index = start + 1
        let isClosing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
        if isClosing { index += 1 }
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        guard index > nameStart, index < bytes.count else { return nil }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        let terminator = bytes[index]
        guard
            terminator == UInt8(ascii: "]") || terminator == UInt8(ascii: " ")
                || terminator == UInt8(ascii: "/") || terminator == UInt8(ascii: "\t")
        else { return nil }
        if isClosing && terminator != UInt8(ascii: "]") { return nil }
        let limit = min(bytes.count, index + 4096)
        while index < limit {
            switch bytes[index] {
            case UInt8(ascii: "]"):
                return Token(range: start..<(index + 1), name: name, isClosing: isClosing)
            case UInt8(ascii: "["), UInt8(ascii: "\n"), UInt8(ascii: "<"):
                return nil
            default:
                index += 1
            }
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }
}
