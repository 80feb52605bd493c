<?php
/**
 * Router for PHP's built-in server: does what WordPress's .htaccess rules do under Apache.
 *
 * Existing files are left to the server (static ones are sent, .php ones run, directories get
 * their index.php); every other path (pretty permalinks, /wp-json/…, /feed/) goes to index.php,
 * which reads the path from REQUEST_URI.
 */
$root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');

if ($path === '/' || is_file($root . $path) || is_file(rtrim($root . $path, '/') . '/index.php')) {
    return false;
}

// The server set these to the router; WordPress derives $pagenow and some links from them.
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
chdir($root);
require $root . '/index.php';
