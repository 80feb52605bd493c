import XCTest
final class ReaderCorePlaceholderTests: XCTestCase { func testBuilds() {} }
