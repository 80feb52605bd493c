/// Receives the elements of a document from an `XMLStreamReader`, in document order.
///
/// Character data is not delivered piecemeal: the reader accumulates it (text and CDATA merged)
/// and the consumer reads `reader.text` at the next tag — in `didEndElement` that is the whole
/// text of a leaf element, in `didStartElement` the text that preceded the child.
/// Throwing from a callback stops the parse and the error is rethrown by `parse`.
public protocol XMLStreamConsumer: AnyObject {
    func didStartElement(_ tag: XMLTag, attributes: XMLAttributes, reader: XMLStreamReader) throws
    func didEndElement(_ tag: XMLTag, reader: XMLStreamReader) throws
}
