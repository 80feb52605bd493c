import XCTest
final class BlogSyncPlaceholderTests: XCTestCase { func testBuilds() {} }
