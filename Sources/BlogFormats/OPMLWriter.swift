/// Writes subscriptions as an OPML 2.0 document, grouping them by category path.
public enum OPMLWriter {
    /// The document, outlines nested in folder outlines by `categoryPath`, order kept.
    public static func document(title: String, outlines: [OPMLOutline]) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<opml version="2.0">"#,
            "  <head>",
            "    <title>\(escape(title))</title>",
            "  </head>",
            "  <body>",
        ]
        var openPath: [String] = []
        for outline in outlines {
            let path = outline.categoryPath
            var shared = 0
            while shared < min(path.count, openPath.count), path[shared] == openPath[shared] { shared += 1 }
            while openPath.count > shared {
                openPath.removeLast()
                lines.append(indent(openPath.count) + "</outline>")
            }
            for folder in path[shared...] {
                lines.append(
                    indent(openPath.count) + #"<outline text="\#(escape(folder))" title="\#(escape(folder))">"#)
                openPath.append(folder)
            }
            var line = indent(openPath.count) + #"<outline type="rss" text="\#(escape(outline.title))""#
            line += #" title="\#(escape(outline.title))" xmlUrl="\#(escape(outline.xmlURL))""#
            if let html = outline.htmlURL { line += #" htmlUrl="\#(escape(html))""# }
            lines.append(line + "/>")
        }
        while !openPath.isEmpty {
            openPath.removeLast()
            lines.append(indent(openPath.count) + "</outline>")
        }
        lines += ["  </body>", "</opml>", ""]
        return lines.joined(separator: "\n")
    }

    private static func indent(_ level: Int) -> String {
        String(repeating: "  ", count: level + 2)
    }

    /// Escapes for both text and double-quoted attributes; control characters XML forbids are dropped.
    static func escape(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "\n": output += "&#10;"
            case "\t": output += "&#9;"
            case "\r": output += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
