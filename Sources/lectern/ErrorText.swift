import BlogFormats
import BlogModel
import Foundation

/// One-line error messages that always say where the problem is.
///
/// File names and messages may hold anything (a name with an escape sequence, a parser's
/// newline): they reach the terminal through `TerminalSafeText`, as one line.
enum ErrorText {
    /// The error as one line, with whatever location it carries.
    static func describe(_ error: Error) -> String {
        switch error {
        case let error as CustomStringConvertible: return TerminalSafeText.sanitize(error.description)
        default: return TerminalSafeText.sanitize(error.localizedDescription)
        }
    }

    /// `source` is prefixed unless the error already names its own location.
    static func describe(_ error: Error, source: String) -> String {
        let text: String
        switch error {
        case let error as FormatError: return TerminalSafeText.sanitize(error.description)
        case let error as CLIError: return TerminalSafeText.sanitize(error.description)
        case let error as CustomStringConvertible: text = error.description
        default: text = error.localizedDescription
        }
        return TerminalSafeText.sanitize(text.hasPrefix(source) ? text : "\(source): \(text)")
    }
}
