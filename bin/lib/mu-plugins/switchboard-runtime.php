<?php
/**
 * Plugin Name: Switchboard local runtime
 * Description: Linked into the runtime sites by bin/runtime.sh (not part of the plugin). The machine reaches no WordPress.org servers, so WordPress's update checks are switched off, and the Updates screen gets an empty "no updates" answer: each failed check would log a PHP warning to debug.log.
 *
 * @package Switchboard
 */

declare( strict_types = 1 );

defined( 'ABSPATH' ) || exit;

// wp-includes/update.php has added these by the time must-use plugins load.
remove_action( 'init', 'wp_schedule_update_checks' );
remove_action( 'admin_init', '_maybe_update_core' );
remove_action( 'admin_init', '_maybe_update_plugins' );
remove_action( 'admin_init', '_maybe_update_themes' );
remove_action( 'wp_version_check', 'wp_version_check' );
remove_action( 'wp_update_plugins', 'wp_update_plugins' );
remove_action( 'wp_update_themes', 'wp_update_themes' );
remove_action( 'wp_maybe_auto_update', 'wp_maybe_auto_update' );
foreach ( array( 'load-plugins.php', 'load-update.php', 'load-update-core.php' ) as $switchboard_runtime_hook ) {
	remove_action( $switchboard_runtime_hook, 'wp_update_plugins' );
}
foreach ( array( 'load-themes.php', 'load-update.php', 'load-update-core.php' ) as $switchboard_runtime_hook ) {
	remove_action( $switchboard_runtime_hook, 'wp_update_themes' );
}
unset( $switchboard_runtime_hook );

/*
 * What the Updates screen (and anything else that checks explicitly) hears back from
 * api.wordpress.org: nothing to update. Other requests are left alone.
 */
add_filter(
	'pre_http_request',
	static function ( $pre, $args, $url ) {
		if ( 'api.wordpress.org' !== wp_parse_url( (string) $url, PHP_URL_HOST ) ) {
			return $pre;
		}
		$path    = (string) wp_parse_url( (string) $url, PHP_URL_PATH );
		$answers = array(
			'/core/version-check/'   => array(
				'offers'       => array(),
				'translations' => array(),
			),
			'/plugins/update-check/' => array(
				'plugins'      => array(),
				'translations' => array(),
				'no_update'    => array(),
			),
			'/themes/update-check/'  => array(
				'themes'       => array(),
				'translations' => array(),
				'no_update'    => array(),
			),
		);
		foreach ( $answers as $endpoint => $body ) {
			if ( str_contains( $path, $endpoint ) ) {
				return array(
					'headers'  => array(),
					'body'     => (string) wp_json_encode( $body ),
					'response' => array(
						'code'    => 200,
						'message' => 'OK',
					),
					'cookies'  => array(),
					'filename' => null,
				);
			}
		}
		return $pre;
	},
	10,
	3
);

/*
 * Mail. The runtime machine has no MTA (PHP's mail() would fail on every message), so wp_mail()
 * goes over SMTP to this runtime's sink, bin/lib-mail/smtp.sh, on the port wp-config.php names
 * (SWITCHBOARD_SMTP_PORT when the site was set up). Every message lands in
 * .runtime/smtp-sink/<n>.eml, where the tests read what the shop sent. While the sink is not
 * running, sending fails as it would without this.
 */
if ( defined( 'SWITCHBOARD_RUNTIME_SMTP_PORT' ) && (int) SWITCHBOARD_RUNTIME_SMTP_PORT > 0 ) {
	// "wordpress@localhost" is not an address PHPMailer accepts; the runtime site has no domain.
	add_filter(
		'wp_mail_from',
		static fn ( $from ) => is_email( $from ) && str_contains( (string) substr( (string) strrchr( (string) $from, '@' ), 1 ), '.' ) ? $from : 'wordpress@localhost.localdomain'
	);
	add_action(
		'phpmailer_init',
		static function ( $mailer ): void {
			$mailer->isSMTP();
			$mailer->Host        = '127.0.0.1'; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
			$mailer->Port        = (int) SWITCHBOARD_RUNTIME_SMTP_PORT; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
			$mailer->SMTPAuth    = false; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
			$mailer->SMTPAutoTLS = false; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
			$mailer->SMTPSecure  = ''; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
			$mailer->Timeout     = 10; // phpcs:ignore WordPress.NamingConventions.ValidVariableName
		},
		1000
	);
}

/*
 * The runtime's Dovecot and SMTP sink listen on 127.0.0.1: mailboxes of the local sites may use
 * loopback hosts (refused on a real site, see Channels\Email\HostGuard).
 */
add_filter( 'switchboard_mailbox_allow_private_hosts', '__return_true' );
