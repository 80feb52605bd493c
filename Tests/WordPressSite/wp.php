<?php
/**
 * Lectern's test-site tool: loads the WordPress of one `wpsite` run and reads or changes it.
 *
 * Run it through `wpsite php DIR COMMAND [ARGS…]`, which sets LECTERN_WP_DIR. Every command
 * prints one JSON value on stdout and exits 0, or prints an error on stderr and exits 1.
 *
 *   install                      fresh install: admin/lectern-admin, UTC, pretty permalinks
 *   fill                         the standard content (see fill()), then a snapshot for reset
 *   random-fill SEED POSTS       other content, random but fixed by SEED (see random_fill())
 *   reset                        back to the snapshot taken after fill
 *   truth                        every published post and every comment, as stored
 *   permalinks plain|pretty
 *   post --title T [--date GMT] [--comment-status open|closed] [--content HTML]
 *        [--category NAME] [--tag NAME] [--rest]
 *   comment POST_ID [--parent ID] [--author NAME] [--email E] [--url URL] [--content HTML]
 *        [--type comment|pingback|trackback] [--status approve|hold|spam|trash] [--date GMT] [--raw]
 *        [--user LOGIN]            written by that account (its id stored), not a visitor
 *   status COMMENT_ID approve|hold|spam|trash
 *   app-password USER
 *   option NAME VALUE
 *
 * Dates are UTC ("2024-03-01 09:00:00" or ISO 8601); the site's timezone is UTC too.
 */

const ADMIN_USER = 'admin';
const ADMIN_PASSWORD = 'lectern-admin';
const PRETTY_PERMALINKS = '/%year%/%monthnum%/%postname%/';

function fail(string $message): never
{
    global $done;
    $done = true;
    fwrite(STDERR, "wp.php: $message\n");
    exit(1);
}

$dir = getenv('LECTERN_WP_DIR');
if (!$dir || !is_file("$dir/port")) {
    fail('LECTERN_WP_DIR must name a started wpsite directory (use `wpsite php DIR …`)');
}
$port = trim(file_get_contents("$dir/port"));
$command = $argv[1] ?? '';
$arguments = array_slice($argv, 2);

// Debian's wp-config.php picks /etc/wordpress/config-<host>.php from the Host header.
$_SERVER['HTTP_HOST'] = "127.0.0.1:$port";
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = $port;
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';

if ($command === 'install') {
    define('WP_INSTALLING', true);
}

// Pluggable: wp_install() would mail the admin; there is no one to tell.
function wp_new_blog_notification($blog_title, $blog_url, $user_id, $password)
{
}

// Anything WordPress prints while loading or working is not our JSON: it goes to stderr.
ob_start();
$done = false;
register_shutdown_function(function () use (&$done) {
    if (!$done) {
        $stray = ob_get_level() ? ob_get_clean() : '';
        fwrite(STDERR, "wp.php: the command did not finish" . ($stray !== '' ? ": $stray" : '') . "\n");
        exit(1);
    }
});

require rtrim(getenv('LECTERN_WP_ROOT') ?: '/usr/share/wordpress', '/') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/post.php';

function out($value): void
{
    global $done;
    $stray = ob_get_clean();
    if ($stray !== '' && $stray !== false) {
        fwrite(STDERR, $stray);
    }
    echo json_encode($value, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
    $done = true;
    exit(0);
}

/** Splits `--name value` options from positional arguments. */
function parse_arguments(array $arguments, array $flags = []): array
{
    $positional = [];
    $options = [];
    for ($i = 0; $i < count($arguments); $i++) {
        $argument = $arguments[$i];
        if (str_starts_with($argument, '--')) {
            $name = substr($argument, 2);
            if (in_array($name, $flags, true)) {
                $options[$name] = true;
            } elseif ($i + 1 < count($arguments)) {
                $options[$name] = $arguments[++$i];
            } else {
                fail("--$name needs a value");
            }
        } else {
            $positional[] = $argument;
        }
    }
    return [$positional, $options];
}

/** A UTC date in MySQL form from "2024-03-01 09:00:00", ISO 8601, or null for now. */
function gmt(?string $date): string
{
    if ($date === null) {
        return gmdate('Y-m-d H:i:s');
    }
    $time = strtotime($date);
    if ($time === false) {
        fail("not a date: $date");
    }
    return gmdate('Y-m-d H:i:s', $time);
}

/** The REST form of a MySQL UTC date, as in the API's date_gmt. */
function rest_date(string $mysql): string
{
    return str_replace(' ', 'T', $mysql);
}

function check($result, string $what)
{
    if (is_wp_error($result)) {
        fail("$what: " . $result->get_error_message());
    }
    if ($result === false || $result === 0) {
        fail("$what failed");
    }
    return $result;
}

/** Posts are written by the admin, who may post any HTML (no kses), as in the editor. */
function as_admin(): void
{
    wp_set_current_user(1);
    kses_remove_filters();
}

/** Comments come from anonymous visitors, whose HTML WordPress filters through kses. */
function as_visitor(): void
{
    wp_set_current_user(0);
    kses_remove_filters();
    kses_init_filters();
}

function term_ids(array $names, string $taxonomy): array
{
    $ids = [];
    foreach ($names as $name) {
        $term = term_exists($name, $taxonomy);
        if (!$term) {
            $term = check(wp_insert_term($name, $taxonomy), "creating $taxonomy $name");
        }
        $ids[] = (int) $term['term_id'];
    }
    return $ids;
}

/**
 * A post made the way the block editor makes one: first a draft, then published. The draft's
 * permalink is `?p=ID`, and WordPress keeps that as the guid, like on most real sites.
 */
function make_post(string $title, string $date, array $options = []): int
{
    as_admin();
    $status = $options['status'] ?? 'publish';
    $content = $options['content'] ?? default_content($title);
    $id = check(wp_insert_post(wp_slash([
        'post_title' => $title,
        'post_content' => $content,
        'post_status' => 'draft',
        'post_author' => 1,
        'post_date' => $date,
        'post_date_gmt' => $date,
        'comment_status' => 'open',
        'ping_status' => 'open',
    ]), true), "inserting post $title");
    wp_set_post_terms($id, term_ids($options['categories'] ?? ['Essays'], 'category'), 'category');
    wp_set_post_terms($id, $options['tags'] ?? [], 'post_tag');
    if ($status !== 'draft') {
        check(wp_update_post(wp_slash([
            'ID' => $id,
            'post_status' => $status,
            'post_date' => $date,
            'post_date_gmt' => $date,
            'edit_date' => true,
        ]), true), "publishing post $title");
    }
    if (($options['comment_status'] ?? 'open') !== 'open') {
        check(wp_update_post(['ID' => $id, 'comment_status' => $options['comment_status']], true), 'closing comments');
    }
    return $id;
}

function default_content(string $title): string
{
    $slug = sanitize_title($title);
    return "<!-- wp:paragraph -->\n<p>This is <em>$title</em>, written for Lectern's tests.</p>\n<!-- /wp:paragraph -->\n\n"
        . "<!-- wp:paragraph -->\n<p>A second paragraph with <a href=\"https://example.org/$slug\">a link</a> &amp; an ampersand.</p>\n<!-- /wp:paragraph -->";
}

/**
 * A post made through the REST API over HTTP, with an application password of the admin, as a
 * remote client would. WordPress sets its guid to the permalink at publication time.
 */
function make_rest_post(string $title, string $date, array $options = []): array
{
    $password = WP_Application_Passwords::create_new_application_password(1, ['name' => 'lectern-rest-post']);
    check($password, 'creating an application password');
    [$secret, $item] = $password;
    $response = wp_remote_post(rest_url('wp/v2/posts'), [
        'timeout' => 30,
        'headers' => [
            'Authorization' => 'Basic ' . base64_encode(ADMIN_USER . ":$secret"),
            'Content-Type' => 'application/json',
        ],
        'body' => wp_json_encode([
            'title' => $title,
            'content' => $options['content'] ?? default_content($title),
            'status' => 'publish',
            'date_gmt' => rest_date($date),
            'comment_status' => $options['comment_status'] ?? 'open',
            'categories' => term_ids($options['categories'] ?? ['Essays'], 'category'),
            'tags' => term_ids($options['tags'] ?? [], 'post_tag'),
        ]),
    ]);
    WP_Application_Passwords::delete_application_password(1, $item['uuid']);
    check($response, 'POST /wp/v2/posts');
    $code = wp_remote_retrieve_response_code($response);
    $body = json_decode(wp_remote_retrieve_body($response), true);
    if ($code !== 201 || !isset($body['id'])) {
        fail("POST /wp/v2/posts answered $code: " . wp_remote_retrieve_body($response));
    }
    return ['id' => (int) $body['id'], 'guid' => $body['guid']['rendered'] ?? ''];
}

/** A visitor's comment (or a pingback) stored through wp_insert_comment with WordPress's input filters. */
function make_comment(int $post, string $date, string $author, string $content, array $options = []): int
{
    $type = $options['type'] ?? 'comment';
    $email = $options['email'] ?? ($type === 'comment' ? email_for($author) : '');
    $data = [
        'comment_post_ID' => $post,
        'comment_author' => $author,
        'comment_author_email' => $email,
        'comment_author_url' => $options['url'] ?? '',
        'comment_author_IP' => '127.0.0.1',
        'comment_agent' => 'Lectern test site',
        'comment_content' => $content,
        'comment_type' => $type,
        'comment_parent' => $options['parent'] ?? 0,
        'comment_date' => $date,
        'comment_date_gmt' => $date,
        'comment_approved' => 1,
        'user_id' => $options['user_id'] ?? 0,
    ];
    as_visitor();
    $data = wp_slash($data);
    if (empty($options['raw'])) {
        $data = wp_filter_comment($data);
    }
    $id = check(wp_insert_comment($data), "inserting a comment on post $post");
    $status = $options['status'] ?? 'approve';
    if ($status !== 'approve') {
        set_status($id, $status);
    }
    return $id;
}

function email_for(string $author): string
{
    $local = trim(preg_replace('/[^a-z0-9]+/', '.', strtolower(remove_accents($author))), '.');
    return ($local === '' ? 'visitor' . abs(crc32($author)) : $local) . '@example.com';
}

function set_status(int $id, string $status): void
{
    if (!get_comment($id)) {
        fail("no comment $id");
    }
    switch ($status) {
        case 'approve':
        case 'hold':
            check(wp_set_comment_status($id, $status, true), "setting comment $id to $status");
            break;
        case 'spam':
            check(wp_spam_comment($id), "marking comment $id as spam");
            break;
        case 'trash':
            check(wp_trash_comment($id), "trashing comment $id");
            break;
        default:
            fail("unknown comment status $status (approve, hold, spam or trash)");
    }
}

function set_permalinks(string $style): void
{
    global $wp_rewrite;
    $structures = ['plain' => '', 'pretty' => PRETTY_PERMALINKS];
    if (!array_key_exists($style, $structures)) {
        fail("unknown permalink style $style (plain or pretty)");
    }
    $wp_rewrite->set_permalink_structure($structures[$style]);
    // A soft flush rebuilds the rules in the database; there is no .htaccess to write.
    $wp_rewrite->flush_rules(false);
}

function install(): array
{
    if (is_blog_installed()) {
        fail('WordPress is already installed in this site');
    }
    // wp_install() would probe permalinks over HTTP; answering for it keeps install offline.
    $skipProbe = fn() => PRETTY_PERMALINKS;
    add_filter('pre_option_permalink_structure', $skipProbe);
    $result = wp_install('Lectern Test Site', ADMIN_USER, 'admin@example.com', true, '', ADMIN_PASSWORD);
    remove_filter('pre_option_permalink_structure', $skipProbe);

    // The "Hello world!" post, its comment, the sample page and the privacy page are dated
    // now; removing them keeps the content exactly what fill() makes.
    foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1]) as $post) {
        wp_delete_post($post->ID, true);
    }
    $options = [
        'blogdescription' => 'A WordPress site for Lectern’s tests',
        'timezone_string' => 'UTC',
        'gmt_offset' => 0,
        'posts_per_rss' => 10,
        'posts_per_page' => 10,
        'rss_use_excerpt' => 0,
        'comment_moderation' => 0,
        // Otherwise a first-time commenter's form comment is held although moderation is off.
        'comment_previously_approved' => 0,
        'comment_registration' => 0,
        'require_name_email' => 1,
        'close_comments_for_old_posts' => 0,
        'thread_comments' => 1,
        'thread_comments_depth' => 10,
        'page_comments' => 0,
        'comments_per_page' => 50,
        'default_pingback_flag' => 0,
        'ping_sites' => '',
        'wp_page_for_privacy_policy' => 0,
    ];
    foreach ($options as $name => $value) {
        update_option($name, $value);
    }
    set_permalinks('pretty');
    return ['installed' => true, 'url' => home_url('/'), 'user' => ADMIN_USER, 'password' => ADMIN_PASSWORD];
}

/**
 * The standard content. Posts are a week apart from 2024-01-01 (the newest last); comments
 * follow their post by hours. Every name is distinct so a test can tell what it sees.
 */
function fill(): array
{
    if (get_posts(['post_type' => 'post', 'post_status' => 'any', 'numberposts' => 1])) {
        fail('the site already has posts; fill runs once, right after install (use reset)');
    }
    $authors = ['Ada Lovelace', 'Zoë Ångström', '李小龙', 'Jürgen', 'Grace Hopper', 'Ken Thompson',
        "Mary O'Brien", 'Søren Kierkegaard', 'Ольга', 'Alan Turing', 'Tom & Jerry', 'Margaret Hamilton'];
    $bodies = [
        'I like this one.',
        'I like <em>this</em> — see <a href="https://example.org/elsewhere">this link</a>.',
        "<blockquote>The quoted part.</blockquote>\nAnd my answer to it.",
        'Two lines,' . "\n" . 'one after the other.',
        'Plain text with an ampersand: fish &amp; chips.',
        '<strong>Strong</strong> words and <code>code()</code>.',
    ];
    $day = fn(int $n, int $hour = 9, int $minute = 0) => gmdate('Y-m-d H:i:s', gmmktime($hour, $minute, 0, 1, 1 + $n, 2024));
    $posts = [];
    $comment = function (int $post, string $date, int $n, array $options = []) use ($authors, $bodies) {
        return make_comment($post, $date, $options['author'] ?? $authors[$n % count($authors)],
            $options['content'] ?? $bodies[$n % count($bodies)] . " (comment $n)", $options);
    };
    $after = fn(string $date, int $minutes) => gmdate('Y-m-d H:i:s', strtotime("$date UTC") + 60 * $minutes);

    $specs = [
        1 => ['Closed for comments', ['Announcements'], ['history']],
        2 => ['Only pingbacks here', ['Field Notes'], ['pingbacks']],
        3 => ['A deep thread', ['Essays'], ['long-thread', 'unicode']],
        4 => ['The very long thread', ['Essays', 'Field Notes'], ['long-thread']],
        5 => ['A pingback among the newest', ['Reviews'], ['pingbacks', 'feeds']],
        6 => ['Moderation left overs', ['Field Notes'], ['moderation']],
        7 => ['Trackbacks too', ['Reviews'], ['pingbacks']],
        8 => ['HTML in comments', ['Essays'], ['html', 'unicode']],
        9 => ['Über Ünicode — 日本語 & more', ['Travel'], ['unicode']],
        10 => ['Quiet post ten', ['Travel'], []],
        11 => ['Quiet post eleven', ['Reviews'], ['feeds']],
        12 => ['Quiet post twelve', ['Essays'], []],
        13 => ['Quiet post thirteen', ['Announcements'], ['terminal']],
        14 => ['Quiet post fourteen', ['Field Notes'], ['terminal', 'feeds']],
        15 => ['The newest classic post', ['Essays'], ['swift']],
    ];
    foreach ($specs as $n => [$title, $categories, $tags]) {
        $posts[$n] = make_post($title, $day(7 * ($n - 1)), ['categories' => $categories, 'tags' => $tags]);
    }
    $date = fn(int $n) => get_post($posts[$n])->post_date_gmt;

    // 1: three comments from before the comments were closed.
    for ($i = 0; $i < 3; $i++) {
        $comment($posts[1], $after($date(1), 60 * ($i + 1)), $i);
    }
    check(wp_update_post(['ID' => $posts[1], 'comment_status' => 'closed'], true), 'closing comments');

    // 2: pingbacks and nothing else.
    make_comment($posts[2], $after($date(2), 120), 'Other Blog » A reply post',
        '[&#8230;] as Only pingbacks here explains, [&#8230;]',
        ['type' => 'pingback', 'url' => 'https://other.example.org/2024/01/a-reply-post/']);
    make_comment($posts[2], $after($date(2), 240), 'Third Blog » Links',
        '[&#8230;] worth reading [&#8230;]', ['type' => 'pingback', 'url' => 'https://third.example.net/links/']);

    // 3: a thread five deep whose third level has two replies with the very same date.
    $p3 = $date(3);
    $level1 = $comment($posts[3], $after($p3, 60), 0, ['author' => 'Zoë Ångström', 'content' => 'Level one.']);
    $level2 = $comment($posts[3], $after($p3, 120), 1, ['parent' => $level1, 'author' => '李小龙', 'content' => 'Level two.']);
    $level3 = $comment($posts[3], $after($p3, 180), 2, ['parent' => $level2, 'author' => 'Jürgen', 'content' => 'Level <em>three</em>.']);
    $tieA = $comment($posts[3], $after($p3, 240), 3, ['parent' => $level3, 'author' => 'Grace Hopper', 'content' => 'Level four, first of a tie.']);
    $comment($posts[3], $after($p3, 240), 4, ['parent' => $level3, 'author' => 'Ken Thompson', 'content' => 'Level four, second of a tie.']);
    $comment($posts[3], $after($p3, 300), 5, ['parent' => $tieA, 'author' => 'Ada Lovelace', 'content' => 'Level five.']);
    for ($i = 6; $i < 12; $i++) {
        $comment($posts[3], $after($p3, 60 * $i), $i);
    }

    // 4: 130 approved comments (every fifth a reply), an early pingback, two held ones.
    $p4 = $date(4);
    $top = [];
    for ($i = 0; $i < 130; $i++) {
        $options = $i % 5 === 4 ? ['parent' => $top[intdiv($i, 5) % count($top)]] : [];
        $id = $comment($posts[4], $after($p4, 30 + 37 * $i), $i, $options);
        if ($i % 5 !== 4) {
            $top[] = $id;
        }
    }
    make_comment($posts[4], $after($p4, 45), 'Other Blog » Long threads', '[&#8230;] a very long thread [&#8230;]',
        ['type' => 'pingback', 'url' => 'https://other.example.org/2024/01/long-threads/']);
    $comment($posts[4], $after($p4, 5000), 200, ['status' => 'hold']);
    $comment($posts[4], $after($p4, 5001), 201, ['status' => 'hold']);

    // 5: fourteen entries; the third newest is a pingback, and there is a trackback.
    $p5 = $date(5);
    for ($i = 0; $i < 14; $i++) {
        $when = $after($p5, 90 * ($i + 1));
        if ($i === 11) {
            make_comment($posts[5], $when, 'Review Roundup » Newest', '[&#8230;] among the newest [&#8230;]',
                ['type' => 'pingback', 'url' => 'https://roundup.example.com/newest/']);
        } elseif ($i === 3) {
            make_comment($posts[5], $when, 'Old Weblog', 'A trackback excerpt.',
                ['type' => 'trackback', 'url' => 'https://old.example.com/weblog/42']);
        } else {
            $comment($posts[5], $when, $i);
        }
    }

    // 6: a held, a spam and a trashed comment, each with approved replies under it.
    $p6 = $date(6);
    for ($i = 0; $i < 8; $i++) {
        $comment($posts[6], $after($p6, 30 * ($i + 1)), $i);
    }
    $held = $comment($posts[6], $after($p6, 600), 20, ['content' => 'Waiting for moderation.']);
    $comment($posts[6], $after($p6, 630), 21, ['parent' => $held, 'content' => 'An approved reply to a held comment.']);
    $comment($posts[6], $after($p6, 640), 22, ['parent' => $held, 'content' => 'Another approved reply to the held one.']);
    $spam = $comment($posts[6], $after($p6, 700), 23, ['author' => 'Cheap Pills', 'content' => 'Buy <a href="https://spam.example.com/">pills</a>!']);
    $spamReply = $comment($posts[6], $after($p6, 730), 24, ['parent' => $spam, 'content' => 'An approved reply to spam.']);
    $comment($posts[6], $after($p6, 760), 25, ['parent' => $spamReply, 'content' => 'And a reply to that reply.']);
    $trashed = $comment($posts[6], $after($p6, 800), 26, ['content' => 'Soon in the trash.']);
    $comment($posts[6], $after($p6, 830), 27, ['parent' => $trashed, 'content' => 'An approved reply to a trashed comment.']);
    set_status($held, 'hold');
    set_status($spam, 'spam');
    set_status($trashed, 'trash');

    // 7: eleven comments and a trackback.
    $p7 = $date(7);
    for ($i = 0; $i < 11; $i++) {
        $comment($posts[7], $after($p7, 45 * ($i + 1)), $i + 3);
    }
    make_comment($posts[7], $after($p7, 20), 'Old Weblog', 'Tracked back.',
        ['type' => 'trackback', 'url' => 'https://old.example.com/weblog/43']);

    // 8: twelve comments with HTML, and a pingback.
    $p8 = $date(8);
    for ($i = 0; $i < 12; $i++) {
        $comment($posts[8], $after($p8, 50 * ($i + 1)), $i, ['content' => $bodies[1 + $i % 2] . " (HTML $i)"]);
    }
    make_comment($posts[8], $after($p8, 10), 'Other Blog » HTML', '[&#8230;] HTML everywhere [&#8230;]',
        ['type' => 'pingback', 'url' => 'https://other.example.org/2024/02/html/']);

    // 9–14: a few each; 15 has none.
    foreach ([9 => 3, 10 => 2, 11 => 1, 12 => 2, 13 => 1, 14 => 1] as $n => $count) {
        for ($i = 0; $i < $count; $i++) {
            $comment($posts[$n], $after($date($n), 100 * ($i + 1)), $n + $i);
        }
    }

    // Posts a reader must never see, each with an approved comment.
    $draft = make_post('A draft nobody sees', $day(100), ['status' => 'draft', 'categories' => ['Drafts'], 'tags' => ['unseen']]);
    $private = make_post('A private post', $day(101), ['status' => 'private', 'categories' => ['Private'], 'tags' => ['unseen']]);
    $comment($draft, $day(100, 12), 0, ['content' => 'A comment on a draft.']);
    $comment($private, $day(101, 12), 1, ['content' => 'A comment on a private post.']);

    // The newest post, made over HTTP through the REST API.
    $rest = make_rest_post('Posted through the REST API', $day(7 * 15), ['categories' => ['Remote'], 'tags' => ['rest']]);
    $guidFixed = false;
    if (str_contains($rest['guid'], '?p=')) {
        // Never seen with pretty permalinks on, but the REST post must have a pretty guid.
        global $wpdb;
        $wpdb->update($wpdb->posts, ['guid' => get_permalink($rest['id'])], ['ID' => $rest['id']]);
        clean_post_cache($rest['id']);
        $guidFixed = true;
    }
    $comment($rest['id'], $day(7 * 15, 11), 2);
    $comment($rest['id'], $day(7 * 15, 13), 3);

    // Publishing a draft stamps post_modified with the real time, and the feeds' Last-Modified
    // and ETag come from it; dating every change at the post's date keeps them fixed.
    global $wpdb;
    sql("UPDATE $wpdb->posts SET post_modified = post_date, post_modified_gmt = post_date_gmt");
    snapshot();
    return [
        'posts' => (int) $wpdb->get_var("SELECT COUNT(*) FROM $wpdb->posts WHERE post_type = 'post' AND post_status = 'publish'"),
        'comments' => (int) $wpdb->get_var("SELECT COUNT(*) FROM $wpdb->comments"),
        'rest_post' => ['id' => $rest['id'], 'guid' => get_post($rest['id'])->guid, 'guid_fixed' => $guidFixed],
    ];
}

/**
 * Content other than fill()'s, for checking a reader as an outsider would: POSTS published
 * posts at random dates from 2020 to mid-2026 (about five posted through REST, a few closed for
 * comments), random categories and tags from small pools, and per post a random thread of
 * comments, replies at any depth (some ties), pingbacks and trackbacks at random moments, and
 * held, spam and trashed comments that approved replies hang under. Two posts get 120–260
 * entries. Also a draft, a private post and a page, each with comments no reader may show.
 * Everything comes from mt_rand after mt_srand(SEED), so a seed always makes the same site
 * (ids included, on a fresh install). REST posts need the site's server running.
 */
function random_fill(int $seed, int $posts): array
{
    global $wpdb;
    if (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => 1])) {
        fail('the site already has content; random-fill runs once, right after install');
    }
    if ($posts < 10) {
        fail('random-fill wants at least 10 posts');
    }
    mt_srand($seed);
    $random = fn() => mt_rand() / mt_getrandmax();
    $pick = fn(array $items) => $items[mt_rand(0, count($items) - 1)];
    $sample = function (array $items, int $count): array {
        // Fisher–Yates on mt_rand, so the result depends on the seed alone.
        for ($i = count($items) - 1; $i > 0; $i--) {
            $j = mt_rand(0, $i);
            [$items[$i], $items[$j]] = [$items[$j], $items[$i]];
        }
        return array_slice($items, 0, $count);
    };
    $stamp = fn(int $time) => gmdate('Y-m-d H:i:s', $time);

    // Category and tag names differ from each other, so a reader that mixes them up shows it.
    $categoryPool = ['Essays', 'Field Notes', 'Reviews', 'Travel', 'Q&A', 'Café Society', 'Кухня', '写真'];
    $tagPool = ['swift', 'terminal', 'unicode', 'long read', 'rss', 'höhenluft', 'μ-tag', 'wordpress', 'linux', 'tea & biscuits'];
    $authors = ['Ada Lovelace', 'Zoë Ångström', '李小龙', 'Jürgen', 'Grace Hopper', "Mary O'Brien", 'Ольга',
        'Tom & Jerry', 'José Núñez', 'محمد', 'Ngozi Okonjo', 'Søren Kierkegaard', 'Ken 🙂 Thompson', 'Ελένη'];
    $bodies = [
        'I like this one.',
        'I like <em>this</em> — see <a href="https://example.org/elsewhere">this link</a>.',
        "<blockquote>The quoted part.</blockquote>\nAnd my answer to it.",
        "Two lines,\none after the other.",
        'Fish &amp; chips, 5 < 6 and 7 > 3.',
        '<strong>Strong</strong> words and <code>code()</code>.',
        'Ünïcödé everywhere: 日本語, Ελληνικά, עברית, 🙂🚀.',
        '<p>A paragraph.</p><p>And <a href="https://example.net/?a=1&amp;b=2">another</a>.</p>',
        'Sneaky <script>alert(1)</script> markup the filters remove.',
        '<ul><li>one</li><li>two</li></ul>',
    ];
    $titleWords = [['Notes on', 'Thoughts about', 'Über', 'A week of', 'Late reply:', '¿Por qué', 'Revisiting'],
        ['terminals', 'tea', 'Kyoto 京都', 'feeds & readers', 'Zürich', 'the long thread', 'quiet mornings', 'Ωmega']];

    $first = gmmktime(0, 0, 0, 1, 1, 2020);
    $last = gmmktime(0, 0, 0, 7, 1, 2026);
    $latestComment = gmmktime(0, 0, 0, 11, 1, 2026);
    $times = [];
    for ($i = 0; $i < $posts; $i++) {
        $times[] = mt_rand($first, $last);
    }
    sort($times);
    // Distinct dates, whole minutes.
    foreach ($times as $i => $time) {
        $times[$i] = $i === 0 ? intdiv($time, 60) * 60 : max(intdiv($time, 60) * 60, $times[$i - 1] + 60);
    }
    $indices = range(0, $posts - 1);
    $special = $sample($indices, 11);
    $restAt = array_slice($special, 0, min(5, intdiv($posts, 4)));
    $busyAt = array_slice($special, 5, 2);
    $closedAt = array_slice($special, 7, 4);

    $summary = ['seed' => $seed, 'posts' => [], 'rest_posts' => [], 'closed_posts' => [], 'busy_posts' => []];
    $statusCounts = [];
    $hiddenWithApprovedReplies = [];

    /** Writes a random thread of $count entries on $post from $start on; returns nothing. */
    $thread = function (int $post, int $start, int $count, bool $busy) use (&$statusCounts, &$hiddenWithApprovedReplies,
        $random, $pick, $stamp, $authors, $bodies, $latestComment) {
        // Moments: a few within hours, most within months, some years later.
        $moments = [];
        for ($i = 0; $i < $count; $i++) {
            $r = $random();
            $span = $r < 0.3 ? 86400 : ($r < 0.85 ? 86400 * 120 : 86400 * 900);
            $moments[] = min($start + mt_rand(600, $span), $latestComment - mt_rand(0, 86400 * 30));
        }
        sort($moments);
        // A busy post's pingbacks and trackbacks include old ones, far from any feed's newest ten.
        $forced = [];
        if ($busy) {
            foreach ([mt_rand(0, 9) => 'pingback', mt_rand(10, 40) => 'trackback', mt_rand(41, 90) => 'pingback'] as $at => $type) {
                $forced[$at] = $type;
            }
        }
        $earlier = [];     // id => status of the comments so far (type comment only)
        for ($i = 0; $i < $count; $i++) {
            $date = $stamp($moments[$i]);
            $r = $random();
            $type = $forced[$i] ?? ($r < 0.05 ? 'pingback' : ($r < 0.08 ? 'trackback' : 'comment'));
            if ($type !== 'comment') {
                $status = $random() < 0.1 ? 'spam' : 'approve';
                $n = mt_rand(1, 999);
                $blog = $pick(['Other Blog', 'Third Blog', 'Blogue Français', 'ブログ', 'Old Weblog']);
                $id = make_comment($post, $date, $type === 'pingback' ? "$blog » Post $n" : $blog,
                    $type === 'pingback' ? "[&#8230;] linked from post $n [&#8230;]" : "A $type excerpt, number $n.",
                    ['type' => $type, 'status' => $status, 'url' => "https://$n.example.org/" . ($type === 'pingback' ? "post-$n/" : "weblog/$n")]);
                $statusCounts["$type/$status"] = ($statusCounts["$type/$status"] ?? 0) + 1;
                continue;
            }
            $parent = 0;
            if ($earlier && $random() < 0.4) {
                $hidden = array_keys(array_filter($earlier, fn($s) => $s !== 'approve'));
                $parent = $hidden && $random() < 0.35 ? $pick($hidden) : $pick(array_keys($earlier));
            }
            $r = $random();
            $status = $r < 0.06 ? 'hold' : ($r < 0.09 ? 'spam' : ($r < 0.12 ? 'trash' : 'approve'));
            // Sometimes two replies to one parent at the very same second.
            $copies = $parent && $random() < 0.25 ? 2 : 1;
            for ($c = 0; $c < $copies; $c++) {
                $author = $pick($authors);
                $n = mt_rand(1, 99999);
                $id = make_comment($post, $date, $author, $pick($bodies) . " (#$n)",
                    ['parent' => $parent, 'status' => $c === 0 ? $status : 'approve']);
                $earlier[$id] = $c === 0 ? $status : 'approve';
                $statusCounts["comment/{$earlier[$id]}"] = ($statusCounts["comment/{$earlier[$id]}"] ?? 0) + 1;
                if ($parent && $earlier[$parent] !== 'approve' && $earlier[$id] === 'approve') {
                    $hiddenWithApprovedReplies[$parent] = true;
                }
            }
        }
    };

    foreach ($times as $i => $time) {
        $title = $pick($titleWords[0]) . ' ' . $pick($titleWords[1]) . ' #' . ($i + 1);
        $options = [
            'categories' => $sample($categoryPool, mt_rand(1, 2)),
            'tags' => $sample($tagPool, mt_rand(0, 3)),
            'comment_status' => in_array($i, $closedAt, true) ? 'closed' : 'open',
        ];
        if ($random() < 0.3) {
            $options['content'] = "<!-- wp:paragraph -->\n<p>" . $pick($bodies) . "</p>\n<!-- /wp:paragraph -->";
        }
        if (in_array($i, $restAt, true)) {
            $id = make_rest_post($title, $stamp($time), $options)['id'];
            $summary['rest_posts'][] = $id;
        } else {
            $id = make_post($title, $stamp($time), $options);
        }
        $summary['posts'][] = $id;
        if ($options['comment_status'] === 'closed') {
            $summary['closed_posts'][] = $id;
        }
        $busy = in_array($i, $busyAt, true);
        $count = $busy ? mt_rand(120, 260) : ($random() < 0.25 ? 0 : mt_rand(1, 25));
        $thread($id, $time, $count, $busy);
        if ($busy) {
            $summary['busy_posts'][] = ['id' => $id, 'entries' => (int) $wpdb->get_var($wpdb->prepare(
                "SELECT COUNT(*) FROM $wpdb->comments WHERE comment_post_ID = %d", $id)), 'approved' => (int) get_comments_number($id)];
        }
    }

    // What no reader may show: a draft, a private post and a page, each with comments.
    $hiddenPosts = [
        'draft' => make_post('A random draft', $stamp(mt_rand($first, $last)), ['status' => 'draft', 'categories' => ['Drafts'], 'tags' => ['unseen']]),
        'private' => make_post('A random private post', $stamp(mt_rand($first, $last)), ['status' => 'private', 'categories' => ['Private'], 'tags' => ['unseen']]),
    ];
    as_admin();
    $pageDate = $stamp(mt_rand($first, $last));
    $hiddenPosts['page'] = check(wp_insert_post(wp_slash([
        'post_type' => 'page',
        'post_title' => 'About this random site',
        'post_content' => default_content('About this random site'),
        'post_status' => 'publish',
        'post_author' => 1,
        'post_date' => $pageDate,
        'post_date_gmt' => $pageDate,
        'comment_status' => 'open',
        'ping_status' => 'open',
    ]), true), 'inserting the page');
    foreach ($hiddenPosts as $what => $id) {
        $thread($id, strtotime(get_post($id)->post_date_gmt . ' UTC'), $what === 'page' ? 8 : 3, false);
    }

    ksort($statusCounts);
    $count = fn(string $where) => (int) $wpdb->get_var("SELECT COUNT(*) FROM $wpdb->comments c JOIN $wpdb->posts p ON p.ID = c.comment_post_ID WHERE $where");
    return [
        'seed' => $seed,
        'published_posts' => count($summary['posts']),
        'first_post' => $summary['posts'][0],
        'last_post' => end($summary['posts']),
        'rest_posts' => $summary['rest_posts'],
        'closed_posts' => $summary['closed_posts'],
        'busy_posts' => $summary['busy_posts'],
        'hidden_posts' => $hiddenPosts,
        'comments' => (int) $wpdb->get_var("SELECT COUNT(*) FROM $wpdb->comments"),
        'visible_comments' => $count("c.comment_approved = '1' AND p.post_type = 'post' AND p.post_status = 'publish'"),
        'by_type_and_status' => $statusCounts,
        'hidden_comments_with_approved_replies' => count($hiddenWithApprovedReplies),
    ];
}

function snapshot_database(): string
{
    return DB_NAME . '_snapshot';
}

/** Copies every table into a second database, which reset() copies back. */
function snapshot(): void
{
    global $wpdb;
    $snapshot = snapshot_database();
    sql("DROP DATABASE IF EXISTS `$snapshot`");
    sql("CREATE DATABASE `$snapshot`");
    foreach ($wpdb->get_col('SHOW TABLES') as $table) {
        sql("CREATE TABLE `$snapshot`.`$table` LIKE `$table`");
        sql("INSERT INTO `$snapshot`.`$table` SELECT * FROM `$table`");
    }
}

function reset_site(): array
{
    global $wpdb;
    $snapshot = snapshot_database();
    $saved = $wpdb->get_col($wpdb->prepare('SELECT table_name FROM information_schema.tables WHERE table_schema = %s', $snapshot));
    if (!$saved) {
        fail('no snapshot to reset to (run install and fill first)');
    }
    foreach ($wpdb->get_col('SHOW TABLES') as $table) {
        if (!in_array($table, $saved, true)) {
            sql("DROP TABLE `$table`");
        }
    }
    foreach ($saved as $table) {
        // A recreated table also restarts AUTO_INCREMENT, so ids after a reset are the same every time.
        sql("DROP TABLE IF EXISTS `$table`");
        sql("CREATE TABLE `$table` LIKE `$snapshot`.`$table`");
        sql("INSERT INTO `$table` SELECT * FROM `$snapshot`.`$table`");
    }
    wp_cache_flush();
    return ['reset' => true];
}

function sql(string $query): void
{
    global $wpdb;
    if ($wpdb->query($query) === false) {
        fail("SQL failed: $query: $wpdb->last_error");
    }
}

function truth(): array
{
    global $wpdb;
    $posts = [];
    $published = get_posts(['post_type' => 'post', 'post_status' => 'publish', 'numberposts' => -1,
        'orderby' => 'ID', 'order' => 'ASC', 'suppress_filters' => true]);
    foreach ($published as $post) {
        $posts[] = [
            'id' => $post->ID,
            'guid' => $post->guid,
            'link' => get_permalink($post),
            'title' => $post->post_title,
            'status' => $post->post_status,
            'comment_status' => $post->comment_status,
            'date_gmt' => rest_date($post->post_date_gmt),
            'categories' => wp_get_post_terms($post->ID, 'category', ['fields' => 'names']),
            'tags' => wp_get_post_terms($post->ID, 'post_tag', ['fields' => 'names']),
        ];
    }
    $statuses = ['1' => 'approved', '0' => 'hold', 'spam' => 'spam', 'trash' => 'trash', 'post-trashed' => 'post-trashed'];
    $comments = [];
    foreach ($wpdb->get_results("SELECT * FROM $wpdb->comments ORDER BY comment_ID") as $row) {
        $comments[] = [
            'id' => (int) $row->comment_ID,
            'post' => (int) $row->comment_post_ID,
            'parent' => (int) $row->comment_parent,
            'type' => $row->comment_type === '' ? 'comment' : $row->comment_type,
            'status' => $statuses[$row->comment_approved] ?? $row->comment_approved,
            'author' => $row->comment_author,
            'user_id' => (int) $row->user_id,
            'date_gmt' => rest_date($row->comment_date_gmt),
            'content' => $row->comment_content,
        ];
    }
    return ['posts' => $posts, 'comments' => $comments];
}

function post_summary(int $id): array
{
    $post = get_post($id);
    return ['id' => $id, 'guid' => $post->guid, 'link' => get_permalink($post)];
}

switch ($command) {
    case 'install':
        out(install());
    case 'fill':
        out(fill());
    case 'random-fill':
        if (count($arguments) !== 2 || !ctype_digit($arguments[0]) || !ctype_digit($arguments[1])) {
            fail('usage: random-fill SEED POSTS');
        }
        out(random_fill((int) $arguments[0], (int) $arguments[1]));
    case 'reset':
        out(reset_site());
    case 'snapshot':
        snapshot();
        out(['snapshot' => true]);
    case 'truth':
        out(truth());
    case 'permalinks':
        set_permalinks($arguments[0] ?? '');
        out(['permalinks' => $arguments[0], 'structure' => get_option('permalink_structure')]);
    case 'post':
        [, $options] = parse_arguments($arguments, ['rest']);
        $title = $options['title'] ?? fail('post needs --title');
        $spec = [
            'comment_status' => $options['comment-status'] ?? 'open',
            'categories' => [$options['category'] ?? 'Essays'],
            'tags' => isset($options['tag']) ? [$options['tag']] : [],
        ];
        if (isset($options['content'])) {
            $spec['content'] = $options['content'];
        }
        $id = isset($options['rest'])
            ? make_rest_post($title, gmt($options['date'] ?? null), $spec)['id']
            : make_post($title, gmt($options['date'] ?? null), $spec);
        out(post_summary($id));
    case 'comment':
        [$positional, $options] = parse_arguments($arguments, ['raw']);
        $post = (int) ($positional[0] ?? 0);
        if (!get_post($post)) {
            fail("no post " . ($positional[0] ?? '(missing POST_ID)'));
        }
        $type = $options['type'] ?? 'comment';
        $user = isset($options['user'])
            ? (get_user_by('login', $options['user']) ?: fail('no user ' . $options['user']))
            : null;
        $id = make_comment($post, gmt($options['date'] ?? null),
            $options['author'] ?? ($type === 'comment' ? 'Test Visitor' : 'Some Blog » A post'),
            $options['content'] ?? ($type === 'comment' ? 'A comment added by a test.' : '[&#8230;] linked here [&#8230;]'),
            array_filter([
                'parent' => isset($options['parent']) ? (int) $options['parent'] : null,
                'email' => $options['email'] ?? null,
                'url' => $options['url'] ?? ($type === 'comment' ? null : 'https://linking.example.org/post/'),
                'type' => $type,
                'status' => $options['status'] ?? 'approve',
                'raw' => $options['raw'] ?? null,
                'user_id' => $user ? (int) $user->ID : null,
            ], fn($value) => $value !== null));
        out(['id' => $id]);
    case 'status':
        set_status((int) ($arguments[0] ?? 0), $arguments[1] ?? '');
        $status = wp_get_comment_status((int) $arguments[0]);
        out(['id' => (int) $arguments[0], 'status' => $status === 'unapproved' ? 'hold' : $status]);
    case 'app-password':
        $user = get_user_by('login', $arguments[0] ?? '') ?: fail('no user ' . ($arguments[0] ?? '(missing USER)'));
        if (!wp_is_application_passwords_available_for_user($user)) {
            fail('application passwords are not available (WP_ENVIRONMENT_TYPE must be local)');
        }
        [$password] = check(WP_Application_Passwords::create_new_application_password($user->ID,
            ['name' => 'lectern-test-' . wp_generate_password(6, false)]), 'creating an application password');
        out(['user' => $user->user_login, 'password' => $password]);
    case 'option':
        if (count($arguments) !== 2) {
            fail('usage: option NAME VALUE');
        }
        update_option($arguments[0], $arguments[1]);
        out(['name' => $arguments[0], 'value' => get_option($arguments[0])]);
    default:
        fail("unknown command '$command'");
}
