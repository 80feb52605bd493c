import CLibXML2

/// One attribute of a start tag, decoded to Swift strings.
public struct XMLAttribute: Equatable, Sendable {
    public var namespaceURI: String
    public var localName: String
    public var value: String
}

/// The attributes of one start tag: a view over libxml2's buffers, valid only during the callback.
///
/// Nothing is copied until a value is asked for, so elements whose attributes nobody reads
/// cost nothing.
public struct XMLAttributes: Sequence {
    /// libxml2's layout: five pointers per attribute (local, prefix, URI, value, value end).
    let raw: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    public let count: Int

    /// The value of the attribute `localName` in `namespaceURI` ("" = no namespace), if present.
    public func value(_ localName: String, namespaceURI: String = "") -> String? {
        guard let raw else { return nil }
        for index in 0..<count {
            let base = index * 5
            guard let local = raw[base], Self.equals(local, localName) else { continue }
            let uri = Self.namespace(uri: raw[base + 2], prefix: raw[base + 1])
            if uri == namespaceURI { return Self.value(raw[base + 3], raw[base + 4]) }
        }
        return nil
    }

    /// Convenience for `value(name.localName, namespaceURI: name.namespaceURI)`.
    public subscript(name: XMLName) -> String? {
        value(name.localName, namespaceURI: name.namespaceURI)
    }

    public func makeIterator() -> AnyIterator<XMLAttribute> {
        var index = 0
        let raw = raw
        let count = count
        return AnyIterator {
            guard let raw, index < count else { return nil }
            let base = index * 5
            index += 1
            return XMLAttribute(
                namespaceURI: Self.namespace(uri: raw[base + 2], prefix: raw[base + 1]),
                localName: raw[base].map { String(cString: $0) } ?? "",
                value: Self.value(raw[base + 3], raw[base + 4]))
        }
    }

    static func equals(_ cString: UnsafePointer<xmlChar>, _ string: String) -> Bool {
        var string = string
        return string.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                if cString[index] != utf8[index] { return false }
                index += 1
            }
            return cString[index] == 0
        }
    }

    /// An attribute's namespace, falling back to the well-known table for undeclared prefixes.
    static func namespace(uri: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?) -> String {
        if let uri { return String(cString: uri) }
        guard let prefix else { return "" }
        let name = String(cString: prefix)
        if name == "xml" { return XMLNamespace.xml }
        return XMLNamespace.wellKnownPrefixes[name] ?? ""
    }

    /// Decodes a value as libxml2 hands it over without entity substitution: a literal `&`
    /// arrives as `&#38;` and an HTML entity as its `&name;` reference.
    static func value(_ start: UnsafePointer<xmlChar>?, _ end: UnsafePointer<xmlChar>?) -> String {
        guard let start, let end else { return "" }
        let bytes = UnsafeBufferPointer(start: start, count: end - start)
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"),
                let semicolon = bytes[index...].prefix(40).firstIndex(of: UInt8(ascii: ";"))
            {
                let name = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<semicolon]), as: UTF8.self)
                if name == "#38" {
                    output.append(UInt8(ascii: "&"))
                    index = semicolon + 1
                    continue
                }
                if let character = HTMLEntities.character(named: name) {
                    output.append(contentsOf: character.utf8)
                    index = semicolon + 1
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
