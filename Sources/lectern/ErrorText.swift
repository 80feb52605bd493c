import BlogFormats
import Foundation

/// One-line error messages that always say where the problem is.
enum ErrorText {
    /// The error as one line, with whatever location it carries.
    static func describe(_ error: Error) -> String {
        switch error {
        case let error as CustomStringConvertible: return error.description
        default: return error.localizedDescription
        }
    }

    /// `source` is prefixed unless the error already names its own location.
    static func describe(_ error: Error, source: String) -> String {
        let text: String
        switch error {
        case let error as FormatError: return error.description
        case let error as CLIError: return error.description
        case let error as CustomStringConvertible: text = error.description
        default: text = error.localizedDescription
        }
        return text.hasPrefix(source) ? text : "\(source): \(text)"
    }
}
