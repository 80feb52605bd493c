import Foundation

extension String {
    /// The text without leading and trailing white space.
    ///
    /// Most feed and export fields have none, and Foundation's trimming bridges through
    /// NSString every time: looking at the two ends first makes the common case free.
    var trimmedWhitespace: String {
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        // Printable ASCII at both ends, the usual case, needs no Unicode property lookup.
        func plain(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }
        if plain(firstByte) && plain(lastByte) { return self }
        guard let first = unicodeScalars.first, let last = unicodeScalars.last else { return self }
        guard first.properties.isWhitespace || last.properties.isWhitespace else { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
