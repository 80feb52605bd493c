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

/// Parses the text of a `themes/NAME.toml` file into a `Theme` (reading the file is the
/// caller's job: ScreenKit touches no files).
///
/// A file has one table per pane (`[ui]`, `[post_list]`, `[article]`, `[thread]`,
/// `[status]`, `[help]`, `[prompt]`, see `ThemeKey`) and one inline table per slot:
/// `selected = { fg = "black", bg = "cyan", bold = true }`. Slots a file leaves out fall
/// back to its `normal` style.
public enum ThemeParser {
    static let attributes = ["fg", "bg", "bold", "italic", "underline", "reverse", "dim"]

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
            throw ThemeError(
                file: file, key: "\(path).\(key)",
                message: "unknown attribute (use \(attributes.joined(separator: ", ")))")
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
