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

    /// `SOURCE:LINE:COL: message`, the shape compilers use, so editors can jump to it.
    public var description: String {
        "\(source):\(line):\(column): \(message)"
    }
}
