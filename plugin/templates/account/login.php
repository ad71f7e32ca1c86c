<?php
/**
 * Support screens for a visitor who is not logged in.
 *
 * @package Switchboard
 *
 * @var string $redirect Where to come back after logging in.
 */

defined( 'ABSPATH' ) || exit;
?>
<div class="switchboard-account">
	<p><?php esc_html_e( 'Log in to see your support requests. If you contacted us without an account, use the link in the e-mail we sent you.', 'switchboard' ); ?></p>
	<?php
	wp_login_form(
		array(
			'redirect' => esc_url_raw( $redirect ),
		)
	);
	?>
</div>
