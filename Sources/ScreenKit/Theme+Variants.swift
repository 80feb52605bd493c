extension Theme {
    /// This theme without colours: attributes only, for `NO_COLOR`.
    public var monochrome: Theme {
        var out = self
        out.name = name + " (mono)"
        for (slot, style) in styles {
            var plain = style
            plain.foreground = .default
            plain.background = .default
            out.styles[slot] = plain
        }
        return out
    }

    /// This theme on a terminal of 8 colours: every colour mapped to the nearest ANSI one.
    public var eightColor: Theme {
        var out = self
        for (slot, style) in styles {
            var mapped = style
            mapped.foreground = ThemeColor.eightColor(style.foreground)
            mapped.background = ThemeColor.eightColor(style.background)
            out.styles[slot] = mapped
        }
        return out
    }

    /// True when every slot has its own style.
    public var coversEverySlot: Bool { StyleSlot.allCases.allSatisfy { styles[$0] != nil } }
}
