import XCTest
final class ScreenKitPlaceholderTests: XCTestCase { func testBuilds() {} }
