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

// Served from a folder (see config.php): only paths under it exist, WordPress's files are found
// without the folder, and WordPress itself sees the whole path, as it would under Apache.
$marker = getenv('LECTERN_WP_DIR') . '/subdirectory';
$base = is_file($marker) ? rtrim(trim(file_get_contents($marker)), '/') : '';
if ($base !== '') {
    if ($path !== $base && strpos($path, $base . '/') !== 0) {
        http_response_code(404);
        header('Content-Type: text/plain');
        echo "Not Found\n";
        return true;
    }
    $inner = substr($path, strlen($base)) ?: '/';
    $file = $root . $inner;
    if (is_dir($file)) {
        $file = rtrim($file, '/') . '/index.php';
    }
    if (is_file($file) && substr($file, -4) !== '.php') {
        $types = ['css' => 'text/css', 'js' => 'application/javascript', 'svg' => 'image/svg+xml', 'png' => 'image/png'];
        $extension = strtolower(pathinfo($file, PATHINFO_EXTENSION));
        header('Content-Type: ' . ($types[$extension] ?? (mime_content_type($file) ?: 'application/octet-stream')));
        readfile($file);
        return true;
    }
    $script = is_file($file) ? $file : $root . '/index.php';
    $_SERVER['SCRIPT_FILENAME'] = $script;
    $_SERVER['SCRIPT_NAME'] = $base . substr($script, strlen($root));
    $_SERVER['PHP_SELF'] = $_SERVER['SCRIPT_NAME'];
    chdir(dirname($script));
    require $script;
    return true;
}

if ($path === '/' || is_file($root . $path) || is_file(rtrim($root . $path, '/') . '/index.php')) {
    return false;
}

// The server set these to the router; WordPress derives $pagenow and some links from them.
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
chdir($root);
require $root . '/index.php';
