import CLibXML2

/// A read-only view of an element's attributes, valid only during the start-element event.
struct HTMLAttributes {
    /// libxml2's NULL-terminated array of alternating names and values.
    let pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// The decoded value of the attribute `name` (lower-case), or nil when absent.
    ///
    /// An attribute written without a value (`<input checked>`) reads as "".
    subscript(name: String) -> String? {
        guard let pairs else { return nil }
        var index = 0
        while let key = pairs[index] {
            let matches = name.withCString {
                xmlStrEqual(key, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) != 0
            }
            if matches {
                guard let value = pairs[index + 1] else { return "" }
                return String(cString: value)
            }
            index += 2
        }
        return nil
    }
}
