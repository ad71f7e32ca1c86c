<?php
/**
 * Router for PHP's built-in web server, doing what WordPress's .htaccess does under Apache:
 *
 * - existing static files are served as-is by the built-in server (return false);
 * - existing .php files, and directories with an index.php (/wp-admin/), are run by the
 *   built-in server itself, which sets SCRIPT_NAME / PHP_SELF correctly (return false);
 * - a directory requested without its trailing slash is redirected (like mod_dir), so that
 *   relative links in /wp-admin/ resolve;
 * - /file.php/extra/path runs file.php with PATH_INFO;
 * - everything else goes to WordPress's index.php (pretty permalinks, /wp-json/ …).
 *
 * The runtime's own files in the site root (logs, pid files, env.sh) are not served, nor is the
 * MTA pipe's spool folder wp-content/switchboard-spool/ (raw customer mail), nor Switchboard's
 * private uploads (uploads/switchboard-private*).
 *
 * Usage: php -S 127.0.0.1:8888 -t .runtime/dev bin/router.php
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

$switchboard_root = rtrim( (string) $_SERVER['DOCUMENT_ROOT'], '/' );
$switchboard_path = rawurldecode( (string) parse_url( (string) $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

if ( '' === $switchboard_path || '/' !== $switchboard_path[0] ) {
	$switchboard_path = '/' . $switchboard_path;
}

// Never serve the runtime's bookkeeping, dotfiles or anything that tries to climb out.
if (
	str_contains( $switchboard_path, "\0" )
	|| str_contains( $switchboard_path, '/..' )
	|| preg_match( '#/\.#', $switchboard_path )
	|| preg_match( '#^/(debug\.log|server(-ipv6)?\.(log|pid)|server\.log\.\d+|env\.(sh|json)|wp-config-local\.php)$#', $switchboard_path )
	|| preg_match( '#^/wp-content/debug\.log$#', $switchboard_path )
	// The MTA pipe's spool of raw mail (bin/mail-pipe.php), however the slashes are written.
	|| preg_match( '#^/wp-content/+switchboard-spool(/|$)#', (string) preg_replace( '#/+#', '/', $switchboard_path ) )
) {
	http_response_code( 403 );
	header( 'Content-Type: text/plain; charset=UTF-8' );
	echo "403 Forbidden\n";
	return true;
}

// Switchboard's private files (attachments, raw mail) are served only through the REST API,
// which checks permissions: this server ignores the folder's .htaccess, so refuse it here.
if ( preg_match( '#/uploads/+switchboard-private#i', $switchboard_path ) ) {
	http_response_code( 403 );
	header( 'Content-Type: text/plain; charset=UTF-8' );
	echo "403 Forbidden\n";
	return true;
}

$switchboard_file = $switchboard_root . $switchboard_path;

if ( is_file( $switchboard_file ) ) {
	// Static file or PHP script: the built-in server handles both.
	return false;
}

if ( is_dir( $switchboard_file ) ) {
	if ( ! str_ends_with( $switchboard_path, '/' ) ) {
		$switchboard_query = (string) parse_url( (string) $_SERVER['REQUEST_URI'], PHP_URL_QUERY );
		header( 'Location: ' . $switchboard_path . '/' . ( '' !== $switchboard_query ? '?' . $switchboard_query : '' ), true, 301 );
		return true;
	}
	if ( is_file( $switchboard_file . 'index.php' ) || is_file( $switchboard_file . 'index.html' ) ) {
		return false;
	}
}

$switchboard_script = '/index.php';

// /something.php/extra/path: run something.php with PATH_INFO.
if ( preg_match( '#^(.+?\.php)(/.*)$#', $switchboard_path, $switchboard_match ) && is_file( $switchboard_root . $switchboard_match[1] ) ) {
	$switchboard_script         = $switchboard_match[1];
	$_SERVER['PATH_INFO']       = $switchboard_match[2];
	$_SERVER['PATH_TRANSLATED'] = $switchboard_root . $switchboard_match[2];
} else {
	unset( $_SERVER['PATH_INFO'], $_SERVER['PATH_TRANSLATED'] );
}

$_SERVER['SCRIPT_NAME']     = $switchboard_script;
$_SERVER['PHP_SELF']        = $switchboard_script . ( $_SERVER['PATH_INFO'] ?? '' );
$_SERVER['SCRIPT_FILENAME'] = $switchboard_root . $switchboard_script;

chdir( dirname( $_SERVER['SCRIPT_FILENAME'] ) );
unset( $switchboard_root, $switchboard_path, $switchboard_file, $switchboard_match, $switchboard_query, $switchboard_script );

// Included at file scope on purpose: WordPress expects to run in the global scope.
require $_SERVER['SCRIPT_FILENAME'];
return true;
