import Foundation

/// Lenient, allocation-light parsing of the dates found in feeds and exports.
///
/// Understands WXR `YYYY-MM-DD HH:MM:SS` (UTC), RFC 3339 / ISO 8601 (fractional seconds, `Z`,
/// offsets, no seconds, date only, `/` separators) and RFC 822 with the variants real feeds
/// use: missing or wrong weekday, one-digit day, full month names, two-digit years, no
/// seconds, no time, numeric zones (`+000`, `-01:01`), named zones (`FeedDate.zoneOffsets`),
/// asctime, JavaScript's `Date.toString`, 12-hour clocks and Italian month abbreviations.
/// Values without a zone are taken as UTC. Anything it cannot read — including WordPress's
/// draft placeholders `0000-00-00 00:00:00` and year `-0001` — gives nil.
public enum FeedDate {
    /// The instant `text` denotes, or nil when it is not a date this parser understands.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { utf8 -> Date? in
            var start = 0
            var end = utf8.count
            while start < end, isSpace(utf8[start]) { start += 1 }
            while end > start, isSpace(utf8[end - 1]) { end -= 1 }
            guard end > start else { return nil }
            let bytes = UnsafeBufferPointer(rebasing: utf8[start..<end])
            if looksNumericDate(bytes) { return parseISO8601(bytes) }
            return parseRFC822(bytes)
        }
    }

    /// Fields of a calendar date-time before validation.
    struct Parts {
        var year = 0
        var month = 0
        var day = 0
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        var offsetSeconds = 0

        /// Checks every field's range and converts to a `Date`; nil for impossible values.
        func date() -> Date? {
            guard (1...9999).contains(year), (1...12).contains(month),
                day >= 1, day <= FeedDate.daysIn(month: month, year: year),
                (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
            else { return nil }
            let days = FeedDate.daysFromCivil(year: year, month: month, day: day)
            let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
            return Date(timeIntervalSince1970: Double(seconds) + fraction)
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `2024-05-01…` or `2020/1/10…`: four digits then a date separator.
    static func looksNumericDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 8 && isDigit(bytes[0]) && isDigit(bytes[1]) && isDigit(bytes[2])
            && isDigit(bytes[3]) && (bytes[4] == UInt8(ascii: "-") || bytes[4] == UInt8(ascii: "/"))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
