/// The guess made for a document that names no encoding: UTF-8, as XML says, unless its
/// first chunk is plainly something else.
enum XMLInputUTF8Guess {
    /// True when the bytes hold no well-formed UTF-8 sequence beyond ASCII but at least one
    /// byte UTF-8 cannot read: the signature of an undeclared Latin-1 or windows-1252 file,
    /// which then reads correctly instead of as replacement characters. A document with any
    /// real multi-byte UTF-8 stays UTF-8 (its stray bytes become U+FFFD).
    static func looksLikeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        var invalid = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            switch XMLInputSanitizer.sequence(in: bytes, at: index) {
            case .scalar:
                return false
            case .incomplete:
                return invalid
            case .invalid(let length):
                invalid = true
                index += length
            }
        }
        return invalid
    }
}
