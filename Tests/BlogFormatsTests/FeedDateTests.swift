import BlogFormats
import Foundation
import XCTest

final class FeedDateTests: XCTestCase {
    /// (input, expected ISO 8601 UTC instant or nil)
    private let cases: [(String, String?)] = [
        // WXR
        ("2012-01-05 14:30:46", "2012-01-05T14:30:46Z"),
        ("0000-00-00 00:00:00", nil),
        // RFC 822 and variants
        ("Thu, 05 Jan 2012 14:30:46 +0000", "2012-01-05T14:30:46Z"),
        ("05 Jan 2012 14:30:46 GMT", "2012-01-05T14:30:46Z"),
        ("Mon, 05 Jan 2012 14:30:46 +0000", "2012-01-05T14:30:46Z"),
        ("Fri,24 Nov 2023 10:00:00 GMT", "2023-11-24T10:00:00Z"),
        ("Mon, 13 Feb, 2012 08:00:00 +0000", "2012-02-13T08:00:00Z"),
        ("Thu,  5 Apr 2012 09:08:07 +0000", "2012-04-05T09:08:07Z"),
        ("26 January 2004 10:00:00 UT", "2004-01-26T10:00:00Z"),
        ("01 Jan 04 00:00:00 GMT", "2004-01-01T00:00:00Z"),
        ("01 Jan 99 00:00:00 GMT", "1999-01-01T00:00:00Z"),
        ("Thu, 01 Jan 2004 19:48 GMT", "2004-01-01T19:48:00Z"),
        ("Thu, 01 Jan 2004", "2004-01-01T00:00:00Z"),
        ("Thu, 01 Jan 2004 00:00:00 +000", "2004-01-01T00:00:00Z"),
        ("Thu, 01 Jan 2004 00:00:00 -01:01", "2004-01-01T01:01:00Z"),
        ("Thu, 01 Jan 2004 00:00:00 GMT-01:01", "2004-01-01T01:01:00Z"),
        ("Thu, 01 Jan 2004 00:00:00 +0530", "2003-12-31T18:30:00Z"),
        ("Thu, 01 Jan 2004 00:00:00 EST", "2004-01-01T05:00:00Z"),
        ("Thu, 01 Jan 2004 00:00:00 PDT", "2004-01-01T07:00:00Z"),
        ("Thu, 01 Jan 2004 00:00:00 CEST", "2003-12-31T22:00:00Z"),
        ("Thu, 01 Jan 2004 00:00:00 MET", "2003-12-31T23:00:00Z"),
        ("Thu, 01 Jan 2004 00:00:00 Etc/GMT", "2004-01-01T00:00:00Z"),
        ("Thu, 01 Jan 2004 00:00:00 Z", "2004-01-01T00:00:00Z"),
        ("Sun Jan  4 16:29:06 2004", "2004-01-04T16:29:06Z"),
        ("Thu Aug 30 2012 17:26:16 +0200", "2012-08-30T15:26:16Z"),
        ("Thu Aug 30 2012 17:26:16 GMT+0200 (CEST)", "2012-08-30T15:26:16Z"),
        ("Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33Z"),
        ("Sat, Dec 16 2023 12:02:33 AM", "2023-12-16T00:02:33Z"),
        ("mer, 16 nov 2022 00:38:15 +0100", "2022-11-15T23:38:15Z"),
        ("2020/1/10 14:33:00", "2020-01-10T14:33:00Z"),
        ("Wed, 30 Nov -0001 00:00:00 +0000", nil),
        ("Mon, 16 Jun 20081 00:00:00 +0000", nil),
        ("Mon, 99 Jun 2008 00:00:00 +0000", nil),
        ("Mon, 16 Jun 2008 25:14:00 +0000", nil),
        ("Mon, 16 Jun 2008 1:2:3:4 +0000", nil),
        ("Mon, 30 Feb 2008 00:00:00 +0000", nil),
        ("", nil),
        ("yesterday", nil),
        // RFC 3339 / ISO 8601
        ("2008-11-11T16:10:36-08:00", "2008-11-12T00:10:36Z"),
        ("2024-05-01T10:20:30Z", "2024-05-01T10:20:30Z"),
        ("2024-05-01T10:20:30+02:00", "2024-05-01T08:20:30Z"),
        ("2024-05-01T10:20:30+0200", "2024-05-01T08:20:30Z"),
        ("2001-01-01T00:00+00:00", "2001-01-01T00:00:00Z"),
        ("2024-05-01", "2024-05-01T00:00:00Z"),
        ("2024-05-01T10:20:30", "2024-05-01T10:20:30Z"),
        ("2024-13-01T10:20:30Z", nil),
        ("2024-05-01Tjunk", nil),
    ]

    func testEveryFormatInTheTable() {
        let formatter = ISO8601DateFormatter()
        for (input, expected) in cases {
            let parsed = FeedDate.parse(input)
            let expectedDate = expected.flatMap { formatter.date(from: $0) }
            if let expectedDate {
                XCTAssertEqual(
                    parsed?.timeIntervalSince1970 ?? .nan, expectedDate.timeIntervalSince1970, accuracy: 0.001, input)
            } else {
                XCTAssertNil(parsed, input)
            }
        }
    }

    func testFractionalSecondsAreKept() throws {
        let date = try XCTUnwrap(FeedDate.parse("2008-11-11T16:10:36.775Z"))
        XCTAssertEqual(date.timeIntervalSince1970.truncatingRemainder(dividingBy: 1), 0.775, accuracy: 0.0001)
    }
}
