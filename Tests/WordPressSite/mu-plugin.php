<?php
/**
 * Plugin Name: Lectern test site
 * Description: Keeps a wpsite test site from sending mail or reaching other hosts, and lets tests post comments quickly.
 *
 * `wpsite start` links this file into the run's wp-content/mu-plugins, so both the web server
 * and wp.php load it.
 */

// There is no mail server; pretend every mail (comment notifications, install notice) was sent.
add_filter('pre_wp_mail', '__return_true');

// WP_HTTP_BLOCK_EXTERNAL already refuses other hosts; this also covers a request to "localhost"
// or an allowed-hosts list, so nothing ever leaves 127.0.0.1.
add_filter('pre_http_request', function ($response, $args, $url) {
    $host = parse_url($url, PHP_URL_HOST);
    if ($host !== '127.0.0.1') {
        return new WP_Error('http_request_blocked', "Lectern test site: no request to $host");
    }
    return $response;
}, 10, 3);

// Every test comment comes from 127.0.0.1, so WordPress's 15-second flood check would refuse
// a test's second comment; `wp.php option lectern_comment_flood 1` turns the check back on.
add_action('init', function () {
    if (get_option('lectern_comment_flood') !== '1') {
        remove_action('check_comment_flood', 'check_comment_flood_db', 10);
    }
});

// What security plugins do to "disable" the REST API: the site still advertises it, but every
// anonymous request is refused (`wp.php option lectern_rest_disabled 1`). A reader must then
// work from the feeds alone.
add_filter('rest_authentication_errors', function ($result) {
    if (get_option('lectern_rest_disabled') === '1' && !is_user_logged_in()) {
        return new WP_Error('rest_disabled', 'The REST API is disabled on this site.', ['status' => 401]);
    }
    return $result;
});

// Themes that print no feed links in their <head> (`wp.php option lectern_no_feed_links 1`):
// a reader must still find the feed of a site that advertises its API in a Link header.
add_action('init', function () {
    if (get_option('lectern_no_feed_links') === '1') {
        remove_action('wp_head', 'feed_links', 2);
        remove_action('wp_head', 'feed_links_extra', 3);
    }
});
