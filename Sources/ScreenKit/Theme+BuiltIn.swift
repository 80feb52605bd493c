extension Theme {
    /// The default theme, compiled in so the reader works without theme files;
    /// `themes/default.toml` holds the same text.
    public static let builtInDefault: Theme = builtIn(defaultTOML, name: "default")

    /// Attributes only, no colours: the theme for `NO_COLOR`; same as `themes/mono.toml`.
    public static let builtInMono: Theme = builtIn(monoTOML, name: "mono")

    private static func builtIn(_ text: String, name: String) -> Theme {
        do {
            return try ThemeParser.parse(text, name: name, file: "built-in \(name) theme")
        } catch {
            preconditionFailure("built-in theme does not parse: \(error)")
        }
    }

    static let defaultTOML = """
        # Lectern theme: default (dark terminals, 256 colours)
        #
        # One table per pane; one inline table per style slot:
        #   slot = { fg = COLOUR, bg = COLOUR, bold = true, italic = true, underline = true, reverse = true, dim = true }
        # Every key is optional. COLOUR is "default", a name (black red green yellow blue magenta
        # cyan white, or bright-NAME), "colorN" or a number 0-255, or "#rrggbb" (mapped to the nearest
        # of the 256 colours). A slot left out is drawn like [ui] normal. Any slot may also be named
        # by its full name (e.g. [ui] list_selected). Copy this file to
        # $XDG_CONFIG_HOME/lectern/themes/NAME.toml to make your own.
        #
        # [ui]        normal, border, border_focused, title (pane title bars)
        # [post_list] item, unread, selected, date, meta (author, comment counts, blog)
        # [article]   title, meta, heading, bold, italic, code, quote, link, link_number, image
        # [thread]    guide (tree lines), author, post_author (the post's author on their comments),
        #             date, new, selected, pingback, draft, collapsed, muted (muted comments shown with V)
        # [status]    bar, message, error
        # [help]      text, key
        # [prompt]    text (search and link prompts), match (search hits)

        [ui]
        normal = {}
        border = { fg = 240 }
        border_focused = { fg = "cyan", bold = true }
        title = { bold = true }

        [post_list]
        item = {}
        unread = { fg = "bright-white", bold = true }
        selected = { fg = "black", bg = "cyan", bold = true }
        date = { fg = 245 }
        meta = { fg = 245 }

        [article]
        title = { fg = "bright-white", bold = true }
        meta = { fg = 245 }
        heading = { fg = "yellow", bold = true }
        bold = { bold = true }
        italic = { italic = true }
        code = { fg = 180 }
        quote = { fg = 250, italic = true }
        link = { fg = "cyan", underline = true }
        link_number = { fg = 245 }
        image = { fg = "magenta" }

        [thread]
        guide = { fg = 240 }
        author = { fg = "green", bold = true }
        post_author = { fg = "bright-cyan", bold = true }
        date = { fg = 245 }
        new = { fg = "yellow", bold = true }
        selected = { fg = "black", bg = "cyan" }
        pingback = { fg = "magenta" }
        draft = { fg = "yellow", italic = true }
        collapsed = { fg = "cyan" }
        muted = { fg = 242, dim = true }

        [status]
        bar = { fg = "black", bg = 250 }
        message = { fg = "black", bg = 250, bold = true }
        error = { fg = "bright-white", bg = "red", bold = true }

        [help]
        text = {}
        key = { fg = "yellow", bold = true }

        [prompt]
        text = { bold = true }
        match = { fg = "black", bg = "yellow" }
        """

    static let monoTOML = """
        # Lectern theme: mono (attributes only; used when NO_COLOR is set)
        #
        # One table per pane; one inline table per style slot:
        #   slot = { fg = COLOUR, bg = COLOUR, bold = true, italic = true, underline = true, reverse = true, dim = true }
        # Every key is optional. COLOUR is "default", a name (black red green yellow blue magenta
        # cyan white, or bright-NAME), "colorN" or a number 0-255, or "#rrggbb" (mapped to the nearest
        # of the 256 colours). A slot left out is drawn like [ui] normal. Any slot may also be named
        # by its full name (e.g. [ui] list_selected). Copy this file to
        # $XDG_CONFIG_HOME/lectern/themes/NAME.toml to make your own.
        #
        # [ui]        normal, border, border_focused, title (pane title bars)
        # [post_list] item, unread, selected, date, meta (author, comment counts, blog)
        # [article]   title, meta, heading, bold, italic, code, quote, link, link_number, image
        # [thread]    guide (tree lines), author, post_author (the post's author on their comments),
        #             date, new, selected, pingback, draft, collapsed, muted (muted comments shown with V)
        # [status]    bar, message, error
        # [help]      text, key
        # [prompt]    text (search and link prompts), match (search hits)

        [ui]
        normal = {}
        border = { dim = true }
        border_focused = { bold = true }
        title = { bold = true }

        [post_list]
        item = {}
        unread = { bold = true }
        selected = { reverse = true }
        date = { dim = true }
        meta = { dim = true }

        [article]
        title = { bold = true, underline = true }
        meta = { dim = true }
        heading = { bold = true }
        bold = { bold = true }
        italic = { italic = true }
        code = {}
        quote = { italic = true }
        link = { underline = true }
        link_number = { dim = true }
        image = { dim = true }

        [thread]
        guide = { dim = true }
        author = { bold = true }
        post_author = { bold = true, underline = true }
        date = { dim = true }
        new = { bold = true, underline = true }
        selected = { reverse = true }
        pingback = { italic = true }
        draft = { italic = true }
        collapsed = { dim = true }
        muted = { dim = true }

        [status]
        bar = { reverse = true }
        message = { bold = true, reverse = true }
        error = { bold = true, reverse = true }

        [help]
        text = {}
        key = { bold = true }

        [prompt]
        text = { bold = true }
        match = { reverse = true }
        """
}
