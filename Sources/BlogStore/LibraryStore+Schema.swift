import GRDB

extension LibraryStore {
    /// The schema's history: each migration is named and never edited once shipped.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: schemaV1)
        }
        migrator.registerMigration("v2-unread-index") { db in
            // The reader shows the unread count at start-up: counting it from a small index
            // instead of every post row keeps a 20,000-post library as quick to open as a small one.
            try db.execute(sql: "CREATE INDEX post_unread ON post (listed, read_at)")
        }
        migrator.registerMigration("v3-wordpress-sync") { db in
            // The REST root exactly as the site advertises it (a `?rest_route=` root cannot be
            // rebuilt from the site address); per-blog sync cursors (how far a site-wide listing
            // has read); and per post, the advertised comment count its comments were last read
            // in full at, so a count that no public source can reach is not chased every sync.
            try db.execute(
                sql: """
                    ALTER TABLE blog ADD COLUMN api_root TEXT;
                    ALTER TABLE post ADD COLUMN comments_read_at_count INTEGER;
                    CREATE TABLE blog_sync_state (
                        blog_id INTEGER NOT NULL REFERENCES blog(id) ON DELETE CASCADE,
                        name TEXT NOT NULL,
                        value TEXT NOT NULL,
                        PRIMARY KEY (blog_id, name)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v4-conversations") { db in
            try db.execute(sql: conversationsV4)
        }
        migrator.registerMigration("v5-search-index-during-import") { db in
            // Imports now index their text inside their own transaction, in batches of a few
            // megabytes (`WriteSession.searchIndexBatchBytes`). FTS5 writes its pending tokens
            // as a new index segment whenever they pass `hashsize` (1 MB by default), and
            // merges segments as they pile up: at 16 MB a 400,000-comment import writes a
            // sixteenth of the segments and its index costs 2.0 s of CPU instead of 3.3 s.
            // (The tokens of one transaction stay in memory up to this size, per table.)
            try db.execute(
                sql: """
                    INSERT INTO post_fts (post_fts, rank) VALUES ('hashsize', 16777216);
                    INSERT INTO comment_fts (comment_fts, rank) VALUES ('hashsize', 16777216);
                    """)
        }
        return migrator
    }

    /// Following conversations: which posts the user watches, the site's user ids that tell
    /// the post's author from a guest using the same name, mutes, and where the user left
    /// each thread.
    ///
    /// `post.watch` is NULL until the user decides (a post they comment on becomes 1), 1 when
    /// watched, 0 when they stopped watching: their own comments never watch it again.
    /// `reader_state.claimed_through` is the last comment id searched for the user's own
    /// comments, so each sync looks only at what it added.
    private static let conversationsV4 = """
        ALTER TABLE post ADD COLUMN watch INTEGER;
        ALTER TABLE post ADD COLUMN author_user_id INTEGER;
        ALTER TABLE comment ADD COLUMN author_user_id INTEGER;
        CREATE INDEX post_watched ON post (watch) WHERE watch = 1;
        CREATE TABLE muted_author (
            blog_id INTEGER NOT NULL REFERENCES blog(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            created REAL NOT NULL,
            PRIMARY KEY (blog_id, name)
        ) WITHOUT ROWID;
        CREATE TABLE muted_subthread (
            post_id INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
            comment_source_id TEXT NOT NULL,
            created REAL NOT NULL,
            PRIMARY KEY (post_id, comment_source_id)
        ) WITHOUT ROWID;
        CREATE TABLE thread_position (
            post_id INTEGER PRIMARY KEY REFERENCES post(id) ON DELETE CASCADE,
            selected_comment TEXT,
            collapsed TEXT NOT NULL DEFAULT '[]',
            article_top_line INTEGER NOT NULL DEFAULT 0,
            article_width INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE reader_state (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """

    /// Dates are stored as seconds since 1970 (REAL) so that comparisons and sorting stay numeric.
    /// `post.sort_date` repeats `published` with a sentinel for missing dates, so that keyset
    /// pagination can compare plain values and undated posts sort last.
    private static let schemaV1 = """
        CREATE TABLE blog (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            source_key TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            link TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            site_url TEXT,
            feed_url TEXT,
            origin TEXT NOT NULL,
            last_sync REAL,
            last_error TEXT
        );
        CREATE TABLE post (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            blog_id INTEGER NOT NULL REFERENCES blog(id) ON DELETE CASCADE,
            source_id TEXT NOT NULL,
            title TEXT NOT NULL,
            link TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            published REAL,
            updated REAL,
            sort_date REAL NOT NULL,
            remote_post_id INTEGER,
            comment_feed_url TEXT,
            comments_open INTEGER NOT NULL DEFAULT 1,
            advertised_comment_count INTEGER,
            listed INTEGER NOT NULL DEFAULT 1,
            read_at REAL,
            visited_at REAL,
            starred INTEGER NOT NULL DEFAULT 0,
            UNIQUE (blog_id, source_id)
        );
        CREATE INDEX post_listing ON post (listed, sort_date DESC, id DESC);
        CREATE INDEX post_blog_listing ON post (blog_id, listed, sort_date DESC, id DESC);
        CREATE INDEX post_author ON post (author);
        CREATE TABLE post_body (
            post_id INTEGER PRIMARY KEY REFERENCES post(id) ON DELETE CASCADE,
            content_html TEXT NOT NULL,
            excerpt_html TEXT NOT NULL
        );
        CREATE TABLE post_term (
            post_id INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('category', 'tag')),
            name TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (post_id, kind, name)
        ) WITHOUT ROWID;
        CREATE INDEX post_term_lookup ON post_term (kind, name, post_id);
        CREATE TABLE comment (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            post_id INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
            source_id TEXT NOT NULL,
            parent_source_id TEXT,
            status TEXT NOT NULL,
            seen INTEGER NOT NULL DEFAULT 0,
            kind TEXT NOT NULL,
            published REAL,
            first_seen REAL NOT NULL,
            author TEXT NOT NULL DEFAULT '',
            author_email TEXT NOT NULL DEFAULT '',
            author_url TEXT NOT NULL DEFAULT '',
            content_html TEXT NOT NULL,
            UNIQUE (post_id, source_id)
        );
        CREATE INDEX comment_visibility ON comment (post_id, status, seen);
        CREATE TABLE draft (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            post_id INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
            parent_comment_id INTEGER REFERENCES comment(id) ON DELETE SET NULL,
            author_name TEXT NOT NULL DEFAULT '',
            author_email TEXT NOT NULL DEFAULT '',
            author_url TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            state TEXT NOT NULL,
            last_error TEXT,
            remote_comment_id TEXT,
            created REAL NOT NULL,
            updated REAL NOT NULL
        );
        CREATE INDEX draft_post ON draft (post_id);
        CREATE TABLE http_validator (
            url TEXT PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            updated REAL NOT NULL
        );
        -- Plain text for search, as the caller extracted it; the FTS tables index it as
        -- external content, so snippets come from here.
        CREATE TABLE post_text (
            post_id INTEGER PRIMARY KEY REFERENCES post(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE TABLE comment_text (
            comment_id INTEGER PRIMARY KEY REFERENCES comment(id) ON DELETE CASCADE,
            body TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE post_fts USING fts5 (
            title, body, content = 'post_text', content_rowid = 'post_id',
            tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE comment_fts USING fts5 (
            body, content = 'comment_text', content_rowid = 'comment_id',
            tokenize = 'unicode61 remove_diacritics 2');
        -- Rows with ids above `indexed_through` are stored but not yet in the FTS index;
        -- search scans them directly until `updateSearchIndex()` catches up.
        CREATE TABLE search_index_state (
            name TEXT PRIMARY KEY,
            indexed_through INTEGER NOT NULL
        );
        INSERT INTO search_index_state (name, indexed_through) VALUES ('post', 0), ('comment', 0);
        """
}
