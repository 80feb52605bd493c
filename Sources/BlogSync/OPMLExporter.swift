import BlogModel
import Foundation

/// Writes the subscription list as OPML 2.0, the format every feed reader imports.
public enum OPMLExporter {
    /// An OPML document with one `<outline type="rss">` per blog that has a feed.
    public static func document(blogs: [Blog], title: String = "Lectern subscriptions", date: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<opml version="2.0">"#,
            "  <head>",
            "    <title>\(escape(title))</title>",
            "    <dateCreated>\(formatter.string(from: date))</dateCreated>",
            "  </head>",
            "  <body>",
        ]
        for blog in blogs {
            guard let feed = blog.feedURL else { continue }
            var attributes = [("type", "rss"), ("text", blog.title), ("title", blog.title), ("xmlUrl", feed)]
            if !blog.link.isEmpty { attributes.append(("htmlUrl", blog.link)) }
            let rendered = attributes.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: " ")
            lines.append("    <outline \(rendered)/>")
        }
        lines += ["  </body>", "</opml>", ""]
        return lines.joined(separator: "\n")
    }

    /// Escapes XML's five special characters and drops characters XML 1.0 cannot carry.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
