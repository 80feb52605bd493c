extension FeedDate {
    /// Named time zones accepted, in seconds east of UTC (lowercase keys).
    ///
    /// RFC 822's names plus common abbreviations seen in feeds. Ambiguous names get one
    /// documented meaning: `IST` = India (+05:30), `AT`/`AST` = Atlantic (−04:00), `CST` = US
    /// Central; `MET`/`MEST` = Central European. RFC 822 military letters are treated as UTC, as
    /// RFC 2822 advises (their signs were specified backwards and cannot be trusted).
    static let zoneOffsets: [String: Int] = {
        let hours: [String: Double] = [
            "z": 0, "ut": 0, "utc": 0, "gmt": 0, "etc/gmt": 0, "etc/utc": 0, "wet": 0,
            "west": 1, "bst": 1, "cet": 1, "met": 1, "cest": 2, "mest": 2, "mesz": 2, "mez": 1,
            "eet": 2, "eest": 3, "msk": 3, "ist": 5.5, "hkt": 8, "sgt": 8, "awst": 8,
            "jst": 9, "kst": 9, "acst": 9.5, "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
            "nst": -3.5, "ndt": -2.5, "ast": -4, "adt": -3, "at": -4,
            "est": -5, "edt": -4, "et": -5, "cst": -6, "cdt": -5, "ct": -6,
            "mst": -7, "mdt": -6, "mt": -7, "pst": -8, "pdt": -7, "pt": -8,
            "akst": -9, "akdt": -8, "hst": -10,
        ]
        var table = hours.mapValues { Int($0 * 3600) }
        for letter in "abcdefghiklmnopqrstuvwxy" where table[String(letter)] == nil {
            table[String(letter)] = 0
        }
        return table
    }()

    /// Month numbers by name: English (any prefix of three letters or more) and Italian
    /// abbreviations, lowercase.
    static func month(named word: String) -> Int? {
        if word.count >= 3 {
            for (index, name) in englishMonths.enumerated() where name.hasPrefix(word) {
                return index + 1
            }
        }
        return italianMonths[word]
    }

    private static let englishMonths = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]

    private static let italianMonths: [String: Int] = [
        "gen": 1, "mag": 5, "giu": 6, "lug": 7, "ago": 8, "set": 9, "ott": 10, "dic": 12,
    ]
}
