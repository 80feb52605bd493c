import CLibXML2

extension XMLStreamReader {
    /// The tags of recently seen element names, found by the address libxml2 interned them at.
    ///
    /// A large export has millions of elements but a few dozen names; a direct-mapped slot
    /// per address skips hashing the name's three pointers on every start and end tag.
    struct TagCache {
        private struct Slot {
            var local: UnsafeRawPointer?
            var uri: UnsafeRawPointer?
            var prefix: UnsafeRawPointer?
            var tag: XMLTag
        }

        private static let slotCount = 128
        private var slots: [Slot]

        init() {
            slots = Array(
                repeating: Slot(
                    local: nil, uri: nil, prefix: nil, tag: XMLTag(name: XMLName("", ""), token: XMLTag.unknown)),
                count: Self.slotCount)
        }

        /// Forgets every name (a new parse interns names at new addresses).
        mutating func reset() {
            for index in slots.indices { slots[index].local = nil }
        }

        /// The tag for these interned pointers, from the cache or else from `names`.
        mutating func tag(
            uri: UnsafePointer<xmlChar>?, prefix: UnsafePointer<xmlChar>?,
            local: UnsafePointer<xmlChar>, names: inout XMLNameTable, vocabulary: [XMLName: Int]
        ) -> XMLTag {
            let localAddress = UnsafeRawPointer(local)
            let uriAddress = uri.map(UnsafeRawPointer.init)
            // As in XMLNameTable, the prefix only matters when no URI was bound.
            let prefixAddress = uri == nil ? prefix.map(UnsafeRawPointer.init) : nil
            let index = Int(truncatingIfNeeded: UInt(bitPattern: localAddress) >> 3) & (Self.slotCount - 1)
            let slot = slots[index]
            if slot.local == localAddress, slot.uri == uriAddress, slot.prefix == prefixAddress {
                return slot.tag
            }
            let tag = names.tag(uri: uri, prefix: prefix, local: local, vocabulary: vocabulary)
            slots[index] = Slot(local: localAddress, uri: uriAddress, prefix: prefixAddress, tag: tag)
            return tag
        }
    }
}
