/// How the panes share the screen.
public enum LayoutMode: Equatable, Hashable, Sendable {
    /// Below 80×24: only the focused pane, full screen; Tab cycles.
    case single
    /// 80×24 up to 159 columns: post list across the top third, article bottom-left, thread bottom-right.
    case stacked
    /// 160 columns and more (and at least 24 rows): post list, article and thread side by side.
    case columns

    /// The mode a screen of `size` uses.
    public static func forSize(_ size: ScreenSize) -> LayoutMode {
        if size.columns < ScreenSize.minimumForAllPanes.columns
            || size.rows < ScreenSize.minimumForAllPanes.rows
        {
            return .single
        }
        return size.columns >= 160 ? .columns : .stacked
    }

    /// True when every pane is on screen at once.
    public var showsAllPanes: Bool { self != .single }
}
