import XCTest
final class BlogStorePlaceholderTests: XCTestCase { func testBuilds() {} }
