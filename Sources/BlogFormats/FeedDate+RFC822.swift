import Foundation

extension FeedDate {
    /// RFC 822 and its relatives, read as a bag of tokens: month names, numbers (day before
    /// year), an `h:m[:s]` time, `AM`/`PM`, and a zone name or numeric offset. Weekdays and
    /// unknown words are ignored, so a wrong weekday never rejects a date.
    static func parseRFC822(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var parts = Parts()
        var hasDay = false
        var hasYear = false
        var hasTime = false
        var meridiem: UInt8 = 0  // "a" or "p"
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "(") {  // comment, e.g. JS "(Central European Time)"
                while index < count, bytes[index] != UInt8(ascii: ")") { index += 1 }
                index += 1
            } else if isLetter(byte) {
                let start = index
                while index < count, isLetter(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    .lowercased()
                if word == "am" || word == "pm" {
                    meridiem = word.utf8.first!
                } else if parts.month == 0, let month = month(named: word) {
                    parts.month = month
                } else if let offset = zoneOffsets[word] {
                    parts.offsetSeconds = offset
                }
            } else if isDigit(byte) {
                let start = index
                while index < count, isDigit(bytes[index]) { index += 1 }
                let value = digitsValue(bytes, start, index)
                if index < count, bytes[index] == UInt8(ascii: ":") {
                    guard !hasTime, let time = readTime(bytes, first: value, index: &index) else { return nil }
                    (parts.hour, parts.minute, parts.second) = time
                    hasTime = true
                } else if index - start <= 2, !hasDay {
                    parts.day = value
                    hasDay = true
                } else if !hasYear {
                    guard index - start != 3 else { return nil }
                    parts.year = index - start <= 2 ? (value < 50 ? 2000 + value : 1900 + value) : value
                    hasYear = true
                } else {
                    return nil
                }
            } else if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"), index + 1 < count,
                isDigit(bytes[index + 1])
            {
                let start = index
                index += 1
                while index < count, isDigit(bytes[index]) || bytes[index] == UInt8(ascii: ":") { index += 1 }
                if !hasYear, !hasTime { return nil }  // a signed year such as WordPress's "-0001"
                guard let offset = numericOffset(UnsafeBufferPointer(rebasing: bytes[start..<index])) else {
                    return nil
                }
                parts.offsetSeconds = offset
            } else {
                index += 1
            }
        }
        guard hasDay, hasYear, parts.month != 0 else { return nil }
        if meridiem != 0 {
            guard (1...12).contains(parts.hour) else { return nil }
            if meridiem == UInt8(ascii: "p"), parts.hour < 12 { parts.hour += 12 }
            if meridiem == UInt8(ascii: "a"), parts.hour == 12 { parts.hour = 0 }
        }
        return parts.date()
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func digitsValue(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var value = 0
        for index in start..<min(end, start + 9) { value = value * 10 + Int(bytes[index] - 0x30) }
        return end - start > 9 ? Int.max / 2 : value
    }

    /// `h:m` or `h:m:s` starting after the hour digits; nil for more than three fields.
    private static func readTime(
        _ bytes: UnsafeBufferPointer<UInt8>, first: Int, index: inout Int
    ) -> (Int, Int, Int)? {
        var fields = [first]
        while index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            index += 1
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            guard index > start, index - start <= 2 else { return nil }
            fields.append(digitsValue(bytes, start, index))
        }
        guard fields.count == 2 || fields.count == 3 else { return nil }
        return (fields[0], fields[1], fields.count == 3 ? fields[2] : 0)
    }
}
