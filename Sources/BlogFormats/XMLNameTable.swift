import CLibXML2

/// Interns element names by libxml2's dictionary pointers, so each distinct name becomes a
/// Swift String once per parse instead of once per element.
///
/// libxml2 keeps every local name, prefix and namespace URI in the parser context's
/// dictionary for the whole parse, so equal pointers mean equal strings; the table must be
/// reset when a new parser context (and dictionary) starts.
struct XMLNameTable {
    private struct Key: Hashable {
        let uri: UnsafeRawPointer?
        let prefix: UnsafeRawPointer?
        let local: UnsafeRawPointer
    }

    private var tags: [Key: XMLTag] = [:]

    mutating func reset() { tags.removeAll(keepingCapacity: true) }

    mutating func tag(
        uri: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?,
        local: UnsafePointer<xmlChar>, vocabulary: [XMLName: Int]
    ) -> XMLTag {
        // The prefix only matters when no URI was bound (an undeclared prefix).
        let key = Key(
            uri: uri.map(UnsafeRawPointer.init),
            prefix: uri == nil ? prefix.map(UnsafeRawPointer.init) : nil,
            local: UnsafeRawPointer(local))
        if let tag = tags[key] { return tag }
        let name = XMLName(
            XMLAttributes.namespace(uri: uri, prefix: prefix), String(cString: local))
        let tag = XMLTag(name: name, token: vocabulary[name] ?? XMLTag.unknown)
        tags[key] = tag
        return tag
    }
}
