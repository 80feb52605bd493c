import Foundation
import TOMLKit

/// A theme file that could not be used; names the file and, when known, the key.
public struct ThemeError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var key: String?
    public var message: String

    public init(file: String, key: String? = nil, message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    public var description: String {
        "\(file)\(key.map { ": \($0)" } ?? ""): \(message)"
    }
}

/// Reads `themes/NAME.toml` files into `Theme`s.
///
/// A file has one table per pane (`[ui]`, `[post_list]`, `[article]`, `[thread]`,
/// `[status]`, `[help]`, `[prompt]`, see `ThemeKey`) and one inline table per slot:
/// `selected = { fg = "black", bg = "cyan", bold = true }`. Slots a file leaves out fall
/// back to its `normal` style.
public enum ThemeLoader {
    static let attributes = ["fg", "bg", "bold", "italic", "underline", "reverse", "dim"]

    /// The theme named `name` from the first directory of `directories` that has
    /// `NAME.toml`; the compiled-in default when `name` is "default" and no file has it.
    public static func load(named name: String, from directories: [URL]) throws -> Theme {
        for directory in directories {
            let url = directory.appendingPathComponent("\(name).toml")
            if FileManager.default.fileExists(atPath: url.path) { return try load(contentsOf: url) }
        }
        if name == "default" { return .builtInDefault }
        if name == "mono" { return .builtInMono }
        throw ThemeError(file: "\(name).toml", message: "no such theme")
    }

    /// The theme to use: `NO_COLOR` set (to anything non-empty) means the mono theme.
    public static func resolve(
        named name: String?, from directories: [URL], environment: [String: String]
    ) throws -> Theme {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .builtInMono }
        return try load(named: name ?? "default", from: directories)
    }

    /// The theme in the file at `url`, named after the file.
    public static func load(contentsOf url: URL) throws -> Theme {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ThemeError(file: url.path, message: "cannot read the file")
        }
        return try parse(text, name: url.deletingPathExtension().lastPathComponent, file: url.path)
    }

    /// The theme in `text`; `file` names the source in errors.
    public static func parse(_ text: String, name: String, file: String) throws -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(
                file: "\(file):\(error.source.begin.line):\(error.source.begin.column)",
                message: error.description)
        } catch {
            throw ThemeError(file: file, message: "not valid TOML")
        }
        var styles: [StyleSlot: TextStyle] = [:]
        for section in table.keys {
            if section == "name" || section == "description" { continue }
            guard let slots = table[section]?.table else {
                throw ThemeError(file: file, key: section, message: "expected a table like [\(section)]")
            }
            for key in slots.keys {
                let path = "\(section).\(key)"
                guard let slot = ThemeKey.slot(section: section, key: key) else {
                    throw ThemeError(file: file, key: path, message: "unknown style slot")
                }
                guard let value = slots[key]?.table else {
                    throw ThemeError(file: file, key: path, message: "expected { fg = …, bg = …, bold = … }")
                }
                styles[slot] = try style(value, file: file, path: path)
            }
        }
        return Theme(name: table["name"]?.string ?? name, styles: styles)
    }

    private static func style(_ table: TOMLTable, file: String, path: String) throws -> TextStyle {
        var style = TextStyle()
        for key in table.keys where !attributes.contains(key) {
            throw ThemeError(file: file, key: "\(path).\(key)", message: "unknown attribute (use \(attributes.joined(separator: ", ")))")
        }
        func color(_ key: String) throws -> TerminalColor {
            guard let value = table[key] else { return .default }
            if let number = value.int, let color = ThemeColor.number(number) { return color }
            if let text = value.string, let color = ThemeColor.parse(text) { return color }
            throw ThemeError(
                file: file, key: "\(path).\(key)",
                message: "unknown colour (use a name, colorN, 0-255 or #rrggbb)")
        }
        func flag(_ key: String) throws -> Bool {
            guard let value = table[key] else { return false }
            guard let flag = value.bool else {
                throw ThemeError(file: file, key: "\(path).\(key)", message: "expected true or false")
            }
            return flag
        }
        style.foreground = try color("fg")
        style.background = try color("bg")
        style.bold = try flag("bold")
        style.italic = try flag("italic")
        style.underline = try flag("underline")
        style.reverse = try flag("reverse")
        style.dim = try flag("dim")
        return style
    }
}
