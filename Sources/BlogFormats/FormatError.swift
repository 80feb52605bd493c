/// A file or feed that could not be read, located by source name, line and column.
public struct FormatError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file path or URL the input came from.
    public var source: String
    /// 1-based line of the failure; 0 when unknown.
    public var line: Int
    /// 1-based column of the failure; 0 when unknown.
    public var column: Int
    public var message: String

    public init(source: String, line: Int = 0, column: Int = 0, message: String) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
    }

    /// `SOURCE:LINE:COL: message`, the shape compilers use, so editors can jump to it; always
    /// one line, whatever the message holds.
    public var description: String {
        "\(source):\(line):\(column): \(Self.oneLine(message))"
    }

    /// The text with each run of line breaks (and the spaces around them) made one space, and
    /// without trailing white space: libxml2 ends its messages with a newline, and some run
    /// over two lines ("Input is not proper UTF-8, indicate encoding !\nBytes: 0xFF …").
    static func oneLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        return lines.map { String($0).trimmedWhitespace }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
