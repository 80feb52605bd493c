import XCTest
final class BlogFormatsPlaceholderTests: XCTestCase { func testBuilds() {} }
