import CLibXML2
import Glibc

/// The general entities a document may use: HTML names nobody declared, and internal entities
/// declared in the document's own DTD subset, each handed to libxml2 as a predefined-style
/// entity whose text is inserted verbatim (so no markup and no recursion inside it).
///
/// Declared values are expanded once, at declaration, against the entities declared before
/// them, within `XMLStreamReader.entityExpansionLimit`; external entities are never stored,
/// so a reference to one is an undeclared-entity error and nothing is ever fetched.
struct XMLEntityTable {
    private var entities: [String: UnsafeMutablePointer<xmlEntity>] = [:]
    private var attributeEntities: [String: UnsafeMutablePointer<xmlEntity>] = [:]
    private var declared: [String: [UInt8]] = [:]
    private(set) var expandedBytes = 0

    mutating func reset() {
        for entity in entities.values { Self.free(entity) }
        for entity in attributeEntities.values { Self.free(entity) }
        entities.removeAll()
        attributeEntities.removeAll()
        declared.removeAll()
        expandedBytes = 0
    }

    enum Failure: Error { case tooLarge }

    /// Records an internal general entity, expanded; throws when it grows past the limit.
    mutating func declare(name: String, content: UnsafePointer<xmlChar>) throws {
        guard declared[name] == nil else { return }  // the first declaration wins (XML 1.0 §4.2)
        var output: [UInt8] = []
        var cursor = content
        while cursor.pointee != 0 {
            if cursor.pointee == UInt8(ascii: "&"), let (bytes, next) = reference(at: cursor) {
                output.append(contentsOf: bytes)
                cursor = next
            } else {
                output.append(cursor.pointee)
                cursor += 1
            }
            if output.count > XMLStreamReader.entityExpansionLimit { throw Failure.tooLarge }
        }
        declared[name] = output
    }

    /// The entity libxml2 should use for `&name;`, or nil when it is unknown.
    ///
    /// In attribute values the entity is a general one, so libxml2 keeps the reference text
    /// and `XMLAttributes` decodes it (HTML names only).
    mutating func entity(named name: String, inAttribute: Bool) throws -> UnsafeMutablePointer<xmlEntity>? {
        if let value = declared[name] {
            expandedBytes += value.count
            if expandedBytes > XMLStreamReader.totalExpansionLimit { throw Failure.tooLarge }
            return cached(name, value, inAttribute: inAttribute)
        }
        guard let character = HTMLEntities.character(named: name) else { return nil }
        return cached(name, Array(character.utf8), inAttribute: inAttribute)
    }

    private mutating func cached(
        _ name: String, _ value: [UInt8], inAttribute: Bool
    ) -> UnsafeMutablePointer<xmlEntity> {
        if let entity = inAttribute ? attributeEntities[name] : entities[name] { return entity }
        let entity = UnsafeMutablePointer<xmlEntity>.allocate(capacity: 1)
        entity.initialize(to: xmlEntity())
        entity.pointee.type = XML_ENTITY_DECL
        entity.pointee.etype = inAttribute ? XML_INTERNAL_GENERAL_ENTITY : XML_INTERNAL_PREDEFINED_ENTITY
        entity.pointee.name = UnsafePointer(xmlStrdup(name))
        entity.pointee.content = value.withUnsafeBufferPointer { xmlStrndup($0.baseAddress, Int32($0.count)) }
        entity.pointee.length = Int32(value.count)
        if inAttribute { attributeEntities[name] = entity } else { entities[name] = entity }
        return entity
    }

    private func reference(at start: UnsafePointer<xmlChar>) -> ([UInt8], UnsafePointer<xmlChar>)? {
        var end = start + 1
        while end.pointee != 0, end.pointee != UInt8(ascii: ";"), end - start < 40 { end += 1 }
        guard end.pointee == UInt8(ascii: ";"), end - start > 1 else { return nil }
        let name = String(decoding: UnsafeBufferPointer(start: start + 1, count: end - start - 1), as: UTF8.self)
        let next = end + 1
        switch name {
        case "amp": return (Array("&".utf8), next)
        case "lt": return (Array("<".utf8), next)
        case "gt": return (Array(">".utf8), next)
        case "quot": return (Array("\"".utf8), next)
        case "apos": return (Array("'".utf8), next)
        default: break
        }
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value =
                digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (Array(String(Character(scalar)).utf8), next)
        }
        if let value = declared[name] { return (value, next) }
        if let character = HTMLEntities.character(named: name) { return (Array(character.utf8), next) }
        return nil
    }

    private static func free(_ entity: UnsafeMutablePointer<xmlEntity>) {
        // libxml2 may hang the declaration's original text on an entity it looked up.
        for pointer in [
            UnsafeMutableRawPointer(mutating: entity.pointee.name),
            UnsafeMutableRawPointer(entity.pointee.content),
            UnsafeMutableRawPointer(entity.pointee.orig),
        ] {
            Glibc.free(pointer)
        }
        entity.deinitialize(count: 1)
        entity.deallocate()
    }
}
