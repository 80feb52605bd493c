import BlogFormats
import Foundation

extension FetchResponse {
    /// Parses the body as a feed, streaming it from its file when it was spooled to one;
    /// an ill-formed feed fails naming its URL (never the temporary file), line and column.
    public func parseFeed() throws -> ParsedFeed {
        let name = finalURL.absoluteString
        guard let bodyFile else {
            // The HTTP charset counts when the document declares none (FORMATS.md).
            return try FeedParser().parse(data: body, sourceName: name, baseURL: finalURL, contentType: contentType)
        }
        do {
            return try FeedParser().parse(fileAtPath: bodyFile.path, baseURL: finalURL, contentType: contentType)
        } catch var error as FormatError where error.source == bodyFile.path {
            error.source = name
            throw error
        }
    }
}
