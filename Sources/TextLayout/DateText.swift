import Foundation

/// Locale-free UTC date text for the screen, so frames and snapshots never depend on the machine.
public enum DateText {
    /// "YYYY-MM-DD" in UTC, or "" for no date.
    public static func day(_ date: Date?) -> String {
        guard let date else { return "" }
        let (year, month, day, _, _) = components(date)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// "YYYY-MM-DD HH:MM" in UTC, or "" for no date.
    public static func minute(_ date: Date?) -> String {
        guard let date else { return "" }
        let (year, month, day, hour, minute) = components(date)
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(hour, 2)):\(pad(minute, 2))"
    }

    private static func pad(_ value: Int, _ digits: Int) -> String {
        let text = String(value)
        return text.count >= digits ? text : String(repeating: "0", count: digits - text.count) + text
    }

    /// Civil date from days since 1970 (Howard Hinnant's algorithm): no Calendar, no locale.
    private static func components(_ date: Date) -> (Int, Int, Int, Int, Int) {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, rest / 3600, (rest % 3600) / 60)
    }
}
