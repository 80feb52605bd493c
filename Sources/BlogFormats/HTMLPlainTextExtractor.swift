import CLibXML2
import Foundation

/// Turns HTML into plain text with one libxml2 parser context kept for many bodies.
///
/// Creating a context (dictionary, buffers, stacks) costs more than parsing a typical comment,
/// and an import converts hundreds of thousands of them: resetting one context between bodies
/// halves the cost. The context is renewed now and then so that its name dictionary, which
/// grows with every distinct tag name, stays small whatever the input.
final class HTMLPlainTextExtractor {
    private static let parsesPerContext = 4096
    private static let threadKey = "lectern.HTMLPlainTextExtractor"

    private var context: htmlParserCtxtPtr?
    private var parses = 0
    private var handler = HTMLSAXParser.makeHandler()

    /// The calling thread's extractor (a context must never be shared between threads).
    static var current: HTMLPlainTextExtractor {
        let dictionary = Thread.current.threadDictionary
        if let extractor = dictionary[threadKey] as? HTMLPlainTextExtractor { return extractor }
        let extractor = HTMLPlainTextExtractor()
        dictionary[threadKey] = extractor
        return extractor
    }

    /// Whether the UTF-8 of `text` holds `byte`.
    static func contains(_ text: String, _ byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, Int32(byte), bytes.count) != nil
        }
    }

    deinit {
        if let context { htmlFreeParserCtxt(context) }
    }

    /// The collected text of `html` (markup already known to be present).
    func text(ofMarkup html: String) -> String {
        text(ofMarkup: html, flattened: false)
    }

    private func text(ofMarkup html: String, flattened: Bool) -> String {
        let collector = HTMLPlainTextCollector()
        collector.depthLimit = HTMLSAXParser.maximumDepth
        var source = html
        source.withUTF8 { bytes in
            guard let context = readyContext() else {
                return HTMLSAXParser.parse(html, into: collector)
            }
            context.pointee.userData = Unmanaged.passUnretained(collector).toOpaque()
            collector.parserContext = context
            defer { collector.parserContext = nil }
            HTMLSAXParser.feed(bytes, to: context)
        }
        // Stopped for nesting too deep to parse in linear time: read the flat copy instead.
        if collector.nestingExceeded, !flattened {
            return text(ofMarkup: HTMLNestingFlattener.flatten(html), flattened: true)
        }
        return collector.text
    }

    /// A context in its initial state: a fresh one, or the last one reset.
    private func readyContext() -> htmlParserCtxtPtr? {
        if let context, parses < Self.parsesPerContext,
            xmlCtxtResetPush(context, nil, 0, nil, nil) == 0
        {
            // xmlCtxtReset is the XML reset; the context must parse HTML again.
            context.pointee.html = 1
            htmlCtxtUseOptions(context, HTMLSAXParser.options)
            parses += 1
            return context
        }
        if let context { htmlFreeParserCtxt(context) }
        context = HTMLSAXParser.makeContext(handler: &handler, userData: nil)
        parses = 1
        return context
    }
}
